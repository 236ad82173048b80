/**
 * The task pane's consolidation measured in the pane's own engine: headless Chromium (Excel on the web runs the pane
 * in the browser, Windows Excel in WebView2, both Chromium), on the files of a list, as bench/panePage.ts runs it.
 * `tsx bench/paneInChromium.ts LIST` prints one line of JSON: wall time in the page, the renderer's peak memory
 * (its VmHWM: the most of the machine's memory the page's process held, as a pane's WebView would), the most
 * JavaScript heap in use seen while it ran (sampled), the heap the page still uses once the run is over and garbage
 * collected, and what was consolidated. Run by bench/read.ts beside bench/readProbe.ts's Node figures.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { join, resolve } from "node:path";
import type { PageRun } from "./panePage";

const ROOT = resolve(__dirname, "..");
const BUNDLE = join(ROOT, ".tmp", "bench-pane", "pane.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
];

/** Bundles the page's script for the browser, minified as the pane's production build is (not for a profile). */
function bundle(minify: boolean): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild comes with tsx, not as our dependency (scripts/build-cli.cjs loads it so too)
  const esbuild = require("esbuild") as typeof import("esbuild");
  esbuild.buildSync({
    entryPoints: [join(__dirname, "panePage.ts")],
    outfile: BUNDLE,
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    minify,
    logLevel: "warning",
  });
  return readFileSync(BUNDLE, "utf8");
}

/** Serves the page (a file input) and its script. */
function serve(script: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === "/") {
      res
        .writeHead(200, { "content-type": "text/html" })
        .end('<!doctype html><input type="file" multiple><script src="/pane.js"></script>');
      return;
    }
    if (req.url === "/pane.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(script);
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      done({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

/** The process ids under `root` (its descendants), from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (name) state ppid ...": the name may hold spaces, so read after its closing parenthesis
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  for (const pid of parent.keys()) if (under(pid)) out.push(pid);
  return out;
}

/** The largest peak resident memory (VmHWM, MB) of the renderer processes under `root`. */
function rendererPeakMb(root: number): number {
  let peak = 0;
  for (const pid of descendants(root)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(peak);
}

async function main(): Promise<void> {
  const list = process.argv[2];
  if (list === undefined) throw new Error("usage: tsx bench/paneInChromium.ts LIST");
  const paths = readFileSync(list, "utf8").split("\n").filter(Boolean);
  // LIAT_PANE_PROFILE=file.cpuprofile: the page's CPU profile (DevTools format) written there
  const profileTo = process.env.LIAT_PANE_PROFILE;
  const server = await serve(bundle(profileTo === undefined));
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    // chosen as a user chooses them: Files the browser reads from disk when asked
    await page.setInputFiles("input[type=file]", paths);
    const cdp = await page.context().newCDPSession(page);
    if (profileTo) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    // the JavaScript heap in use, sampled while the run goes (answered between the page's tasks: it yields a file)
    let heapPeak = 0;
    let sampling = true;
    const sample = async () => {
      while (sampling) {
        heapPeak = Math.max(heapPeak, (await cdp.send("Runtime.getHeapUsage")).usedSize);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const sampled = sample();
    const run = await page.evaluate(() => (globalThis as unknown as { runPane: () => Promise<PageRun> }).runPane());
    sampling = false;
    await sampled;
    if (profileTo) writeFileSync(profileTo, JSON.stringify((await cdp.send("Profiler.stop")).profile));
    // what the page still holds once the run is over and garbage collected (the pane's result, its Files...)
    await cdp.send("HeapProfiler.collectGarbage");
    const heapAfterMb = Math.round((await cdp.send("Runtime.getHeapUsage")).usedSize / 2 ** 20);
    if (errors.length > 0) throw new Error(errors.join("\n"));
    // the browser is started by this process: its renderers are among this process's descendants
    const peakMb = rendererPeakMb(process.pid);
    console.log(JSON.stringify({ ...run, peakMb, heapPeakMb: Math.round(heapPeak / 2 ** 20), heapAfterMb }));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
