// npm start: where Excel can sideload the add-in (Windows, macOS), `office-addin-debugging start manifest.xml`;
// on Linux (or with LIAT_PREVIEW=1), build the preview (simulated workbook + the real task pane) and serve it on
// http://127.0.0.1:3000/preview.html (PORT overrides). `npm stop` stops either.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPreviewServer } from "./preview-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const PID_FILE = path.join(root, ".tmp", "preview-server.pid");

const preview = process.platform === "linux" || process.env.LIAT_PREVIEW === "1";

if (!preview) {
  const child = spawn(bin("office-addin-debugging"), ["start", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
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
  const port = Number(process.env.PORT ?? 3000);
  const { server, url } = await startPreviewServer({ root: path.join(root, "dist"), port });
  mkdirSync(path.dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(process.pid));
  console.log(`\nLIAT preview: ${url}preview.html   (French: ${url}preview.html?lang=fr)`);
  console.log("Stop with Ctrl+C or `npm stop`.");
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
