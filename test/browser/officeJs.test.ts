/**
 * The production task pane page meets Microsoft's own office.js: the add-in is built as it ships (webpack
 * production build, into .tmp/office-dist), and taskpane.html is opened in headless Chromium outside Office with
 * the real office.js of the @microsoft/office-js package (and the files office.js loads after it) answered from
 * node_modules in place of Microsoft's CDN. Every other request is refused: nothing reaches the network. The page
 * must start without an uncaught error and tell the user, in the browser's language, that it needs Excel.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Route } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from "./previewServer";

const DIST = path.join(ROOT, ".tmp", "office-dist");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
/** Where the built pages are addressed (the manifest's development address) and where they load office.js from. */
const ADDIN = "https://localhost:3000/";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
};

/** Answers a request from a folder, or 404 when the file is not there (a path outside the folder is refused). */
async function fromFolder(route: Route, folder: string, relative: string): Promise<void> {
  const file = path.resolve(folder, decodeURIComponent(relative.split(/[?#]/)[0]!));
  if (!file.startsWith(folder + path.sep) || !existsSync(file)) {
    await route.fulfill({ status: 404, body: "not found" });
    return;
  }
  await route.fulfill({
    status: 200,
    headers: { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" },
    body: readFileSync(file),
  });
}

const EXPECTED = {
  en: /needs Excel/i,
  fr: /nécessite Excel/i,
  es: /necesita Excel/i,
} as const;

describe("the production task pane with Microsoft's office.js, outside Office", () => {
  const requests: { served: string[]; refused: string[] } = { served: [], refused: [] };
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    const webpack = path.join(ROOT, "node_modules", ".bin", "webpack");
    const build = spawnSync(webpack, ["--mode", "production", "--env", `outDir=${path.relative(ROOT, DIST)}`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`Production build failed:\n${build.stdout}\n${build.stderr}`);
    expect(readFileSync(path.join(DIST, "taskpane.html"), "utf8")).toContain(`${CDN}office.js`);
  }, 600_000);

  afterEach(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])(
    "starts without an error and says it needs Excel (%s)",
    async (lang) => {
      profile = mkdtempSync(path.join(os.tmpdir(), `liat-officejs-${lang}-`));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        locale: lang === "en" ? "en-US" : lang === "fr" ? "fr-FR" : "es-ES",
      });
      await context.route("**/*", async (route) => {
        const url = route.request().url();
        if (url.startsWith(ADDIN)) {
          requests.served.push(url);
          return fromFolder(route, DIST, url.slice(ADDIN.length));
        }
        if (url.startsWith(CDN)) {
          requests.served.push(url);
          return fromFolder(route, OFFICE_JS, url.slice(CDN.length));
        }
        requests.refused.push(url);
        return route.abort();
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
      await page.goto(`${ADDIN}taskpane.html`);
      const notice = page.getByRole("alert");
      await notice.waitFor({ timeout: 60_000 });
      expect(await notice.textContent()).toMatch(EXPECTED[lang]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      // Microsoft's office.js itself was loaded (not our shim), and it found no Office host around the page
      expect(requests.served).toContain(`${CDN}office.js`);
      expect(await page.evaluate(() => typeof Office !== "undefined" && typeof Office.onReady === "function")).toBe(
        true,
      );
      // the styles, Fluent UI's and the pane's own, are compiled at build time into the stylesheet griffel.css (not
      // carried by the scripts): it is served, and the notice is laid out and lettered by it
      expect(requests.served).toContain(`${ADDIN}griffel.css`);
      const looks = await notice.evaluate((alert) => ({
        display: getComputedStyle(alert).display,
        titleWeight: getComputedStyle(alert.querySelector("h1")!).fontWeight,
        rules: [...document.styleSheets].find((s) => s.href?.endsWith("/griffel.css"))?.cssRules.length ?? 0,
      }));
      expect(looks).toEqual({ display: "flex", titleWeight: "600", rules: expect.any(Number) });
      expect(looks.rules).toBeGreaterThan(100);
      // errors of requests refused on purpose (telemetry, other hosts) are not the add-in's
      const own = errors.filter((e) => !/net::ERR_FAILED|Failed to load resource/.test(e));
      expect(own).toEqual([]);
    },
    120_000,
  );
});
