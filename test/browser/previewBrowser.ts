/**
 * Headless Chromium on the preview page, as the browser tests use it: a fresh profile, the Office
 * CDN routed away (there is no network), console errors and page errors collected.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type FrameLocator, type Page } from "playwright-core";
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

export async function openPreviewBrowser(
  name: string,
  viewport: { width: number; height: number },
): Promise<PreviewBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), `liat-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
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
