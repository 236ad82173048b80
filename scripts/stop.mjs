// npm stop: stops what `npm start` started (the preview server by its pid file, or office-addin-debugging).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = path.join(root, ".tmp", "preview-server.pid");
const preview = process.platform === "linux" || process.env.LIAT_PREVIEW === "1";

if (preview) {
  if (!existsSync(pidFile)) {
    console.log("No preview server is running (no .tmp/preview-server.pid).");
  } else {
    const pid = Number(readFileSync(pidFile, "utf8").trim());
    try {
      process.kill(pid, "SIGTERM");
      console.log(`Stopped the preview server (pid ${pid}).`);
    } catch (error) {
      console.log(`The preview server (pid ${pid}) was not running: ${error.code ?? error}`);
    }
    rmSync(pidFile, { force: true });
  }
} else {
  const bin = path.join(
    root,
    "node_modules",
    ".bin",
    process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging",
  );
  const child = spawn(bin, ["stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
}
