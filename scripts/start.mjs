// npm start: where Excel can sideload the add-in (Windows, macOS), `office-addin-debugging start manifest.xml`;
// on Linux (or with LIAT_PREVIEW=1), build the preview (simulated workbook + the real task pane) and serve it on
// http://127.0.0.1:3000/preview.html (PORT overrides). `npm stop` stops either.
//
// Warm starts are fast: the build is reused when no input changed since it was made (a fingerprint of every source
// file's path, size and modification time is kept next to it; LIAT_REBUILD=1 forces a build). The page opens in a
// browser where one is available (a desktop session with xdg-open; BROWSER=none to skip). A port already in use is
// said in plain words, with what to do.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPreviewServer } from "./preview-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const PID_FILE = path.join(root, ".tmp", "preview-server.pid");
const DIST = path.join(root, "dist");
const STAMP = path.join(DIST, ".preview-inputs");
/** What the preview build reads. */
const INPUTS = [
  "src",
  "tooling",
  "assets",
  "scripts/webpack",
  "manifest.xml",
  "webpack.config.js",
  "package-lock.json",
  "tsconfig.json",
];

/** Fingerprint of the build's inputs: path, size and modification time of every file. */
function inputsFingerprint() {
  const hash = createHash("sha256");
  const visit = (file) => {
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of readdirSync(file).sort()) visit(path.join(file, name));
    } else {
      hash.update(`${path.relative(root, file)}\0${info.size}\0${info.mtimeMs}\n`);
    }
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

function openBrowser(url) {
  if (process.env.BROWSER === "none" || process.env.CI) return false;
  const desktop = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!desktop) return false;
  const opener = spawnSync("sh", ["-c", "command -v xdg-open"], { encoding: "utf8" }).stdout.trim();
  if (!opener) return false;
  const child = spawn(opener, [url], { detached: true, stdio: "ignore" });
  child.on("error", () => {});
  child.unref();
  return true;
}

const preview = process.platform === "linux" || process.env.LIAT_PREVIEW === "1";

if (!preview) {
  const child = spawn(bin("office-addin-debugging"), ["start", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  const fingerprint = inputsFingerprint();
  const built =
    process.env.LIAT_REBUILD !== "1" &&
    existsSync(path.join(DIST, "preview.html")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === fingerprint;
  if (built) {
    console.log("No source changed since the last build: reusing dist/ (LIAT_REBUILD=1 forces a build).");
  } else {
    console.log("No Excel to sideload into here: building the preview (simulated workbook + the real task pane)…");
    const build = spawnSync(bin("webpack"), ["--mode", "development", "--env", "preview"], {
      cwd: root,
      stdio: "inherit",
    });
    if (build.status !== 0) {
      console.error("The preview build failed.");
      process.exit(build.status ?? 1);
    }
    writeFileSync(STAMP, fingerprint);
  }
  const port = Number(process.env.PORT ?? 3000);
  let started;
  try {
    started = await startPreviewServer({ root: DIST, port });
  } catch (error) {
    if (error && error.code === "EADDRINUSE") {
      console.error(
        `\nPort ${port} is already in use (another \`npm start\`, or another program).\n` +
          "Stop it with `npm stop` (or close that program), or choose another port: PORT=3001 npm start",
      );
      process.exit(1);
    }
    throw error;
  }
  const { server, url } = started;
  mkdirSync(path.dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(process.pid));
  const page = `${url}preview.html`;
  console.log(`\nLIAT preview: ${page}   (French: ${page}?lang=fr, dark theme: ${page}?theme=dark)`);
  if (openBrowser(page)) console.log("Opened in your browser.");
  console.log("Stop with Ctrl+C or `npm stop`.");
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
