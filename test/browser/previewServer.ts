/** Where the browser tests find the preview build and its server (set up by globalSetup.ts). */
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const PREVIEW_DIST = path.join(ROOT, ".tmp", "preview-dist");
export const URL_FILE = path.join(ROOT, ".tmp", "preview-url.txt");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
