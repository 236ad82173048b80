/**
 * Task pane budgets:
 *  - initial JavaScript, gzipped: the scripts the production taskpane.html loads, plus the chunk of the
 *    pane's texts in one interface language (English), which is fetched before the first render; other
 *    lazy chunks, such as the chart or the operations of other views, are not counted; office.js from
 *    the CDN is not ours and not counted; the styles are not JavaScript (the build compiles them into a
 *    stylesheet) and are reported on a row of their own;
 *  - first render in headless Chromium: the preview build's taskpane.html (in-memory host instead of
 *    office.js), time from navigation start to the FIRST_RENDER_MARK performance mark, median of loads.
 * The syncs behind the summary (refresh, live update, re-validation) are measured in bench/excel.ts.
 * Builds go to .tmp/bench-taskpane/ so that dist/ is left alone.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { FIRST_RENDER_MARK } from "../src/taskpane/firstRenderMark";
import type { Row } from "./row";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, ".tmp", "bench-taskpane");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LOADS = 7;

function webpack(outDir: string, extra: string[]): void {
  fs.rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outDir=${outDir}`, ...extra],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
}

/** Local script files a page loads with <script src>, in order (absolute URLs such as office.js's CDN are skipped). */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  // the production page is minified: attribute values may be unquoted
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const src = (m[1] ?? m[2] ?? m[3])!;
    if (!/^[a-z]+:\/\//i.test(src) && !src.startsWith("//")) out.push(src.replace(/^\.?\//, ""));
  }
  return out;
}

/** The chunk of the pane's texts in English (src/taskpane/i18n/paneTexts.ts), loaded before the first render. */
const PANE_TEXTS_CHUNK = /^texts-pane-en\b.*\.js$/;

export function measureInitialJs(outDir: string): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
  const paneTexts = fs.readdirSync(outDir).filter((file) => PANE_TEXTS_CHUNK.test(file));
  if (paneTexts.length !== 1)
    throw new Error(`expected one chunk of the pane's English texts, found ${paneTexts.length}`);
  const files = [...initialScripts(html), ...paneTexts];
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = fs.readFileSync(path.join(outDir, file));
    rawBytes += content.length;
    gzipBytes += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

/** Local stylesheets the production taskpane.html links, gzipped. */
export function measureStylesheets(outDir: string): { files: string[]; gzipBytes: number } {
  const html = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
  const files = [...html.matchAll(/<link\b[^>]*?\bhref=(?:"([^"]*)"|([^\s>"]+))[^>]*>/g)]
    .filter((m) => /\brel=(?:"stylesheet"|stylesheet\b)/.test(m[0]))
    .map((m) => (m[1] ?? m[2])!)
    .filter((href) => !/^[a-z]+:\/\//i.test(href));
  let gzipBytes = 0;
  for (const file of files) gzipBytes += zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length;
  return { files, gzipBytes };
}

function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".png": "image/png",
    ".map": "application/json",
  };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? "/").split("?")[0]!).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "index.html");
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

async function measureFirstRender(outDir: string): Promise<number> {
  const { chromium } = await import("playwright-core");
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}taskpane.html`);
      const handle = await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark, "mark")[0]?.startTime,
        FIRST_RENDER_MARK,
        { timeout: 30_000 },
      );
      times.push(Number(await handle.jsonValue()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function runTaskpaneBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const prodDir = path.join(OUT, "production");
  webpack(prodDir, []);
  const size = measureInitialJs(prodDir);
  const kb = Math.round((size.gzipBytes / 1024) * 10) / 10;
  rows.push({
    name: `Task pane initial JS, gzipped (${size.files.join(" + ")})`,
    value: kb,
    unit: "KB",
    budget: "< 200 KB",
    ok: kb < 200,
  });

  // not JavaScript, so not in the budget, but loaded by the page before its first render too: the styles of Fluent UI
  // and of the pane, compiled at build time (webpack.config.js: Griffel's CSS extraction)
  const css = measureStylesheets(prodDir);
  rows.push({
    name: `Task pane stylesheet, gzipped (${css.files.join(" + ")}; every view's styles)`,
    value: Math.round((css.gzipBytes / 1024) * 10) / 10,
    unit: "KB",
  });

  const previewDir = path.join(OUT, "preview");
  webpack(previewDir, ["--env", "preview"]);
  const ms = Math.round(await measureFirstRender(previewDir));
  rows.push({
    name: `Task pane first render, headless Chromium (median of ${LOADS})`,
    value: ms,
    unit: "ms",
    budget: "< 1000 ms",
    ok: ms < 1000,
  });

  return rows;
}
