/**
 * Headless Chromium on the preview page, as the browser tests use it: a fresh profile, the Office
 * CDN routed away (there is no network), console errors and page errors collected.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, URL_FILE } from "./previewServer";

/** Address of the preview server started by globalSetup.ts. */
export const previewUrl = (): string => process.env.LIAT_PREVIEW_URL ?? readFileSync(URL_FILE, "utf8").trim();

export interface PreviewBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  problems: string[];
  /** The task pane's frame on the preview page. */
  pane(): FrameLocator;
  close(): Promise<void>;
}

/**
 * `reducedMotion`: the page told the user prefers reduced motion, so that Fluent UI's transitions (a button's
 * colours fading over 100 ms once it is enabled again) are over at once: what axe measures is then the colours
 * that stay, never a frame of a fade caught on a busy machine.
 */
export async function openPreviewBrowser(
  name: string,
  viewport: { width: number; height: number },
  options: { reducedMotion?: boolean } = {},
): Promise<PreviewBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), `liat-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    ...(options.reducedMotion ? { reducedMotion: "reduce" as const } : {}),
  });
  await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return {
    context,
    page,
    problems,
    pane: () => page.frameLocator("#taskpane"),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * axe-core over a whole frame, every rule, every element. One result is set aside, the one Microsoft's own checker
 * (Accessibility Insights) sets aside as a false positive and Fluent UI documents as by design: aria-hidden-focus on
 * tabster's focus sentinels, `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`, which hand the focus on as soon
 * as they get it. Only such a sentinel is set aside; anything else that rule finds is a violation.
 */
export async function axeViolations(frame: Frame): Promise<string[]> {
  const loaded = await frame.evaluate(() => "axe" in window);
  if (!loaded) await frame.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return frame.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof import("axe-core") }).axe.run(document);
    const sentinel = (selector: unknown) => {
      const el = typeof selector === "string" ? document.querySelector(selector) : null;
      return (
        el !== null &&
        el.hasAttribute("data-tabster-dummy") &&
        el.getAttribute("aria-hidden") === "true" &&
        el.childElementCount === 0 &&
        (el.textContent ?? "") === ""
      );
    };
    return result.violations
      .map((v) => ({
        id: v.id,
        nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !sentinel(n.target[0])) : v.nodes,
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 160)).join(" | ")}`);
  });
}
