/**
 * Browser tests: builds the add-in once in preview mode into .tmp/preview-dist (set LIAT_SKIP_PREVIEW_BUILD=1 to
 * reuse a build), serves it on a free port and publishes the address as process.env.LIAT_PREVIEW_URL (and in
 * .tmp/preview-url.txt). globalTeardown.ts stops the server.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PREVIEW_DIST, ROOT, URL_FILE } from "./previewServer";

export default async function globalSetup(): Promise<void> {
  const built = existsSync(path.join(PREVIEW_DIST, "preview.html"));
  if (!(built && process.env.LIAT_SKIP_PREVIEW_BUILD === "1")) {
    const webpack = path.join(ROOT, "node_modules", ".bin", "webpack");
    const build = spawnSync(
      webpack,
      ["--mode", "development", "--env", "preview", "--env", `outDir=${path.relative(ROOT, PREVIEW_DIST)}`],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    if (build.status !== 0) throw new Error(`Preview build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const server = spawn(process.execPath, [path.join(ROOT, "scripts", "preview-server.mjs"), PREVIEW_DIST, "0"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.once("exit", (code) => reject(new Error(`preview server exited (${code}): ${out}`)));
  });
  server.stdout.removeAllListeners("data");
  server.stdout.resume();
  (globalThis as { __LIAT_PREVIEW_SERVER__?: typeof server }).__LIAT_PREVIEW_SERVER__ = server;
  process.env.LIAT_PREVIEW_URL = url;
  mkdirSync(path.dirname(URL_FILE), { recursive: true });
  writeFileSync(URL_FILE, url);
}
