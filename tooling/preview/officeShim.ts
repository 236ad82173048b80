/**
 * office-shim.js: replaces office.js in the preview build. Inside the preview page's iframe it takes the host of the
 * parent page (window.parent.__LIAT_HOST__) and defines Office, Excel and CustomFunctions for the task pane and the
 * functions bundle; CustomFunctions.associate registers the real functions in that host. Opened on its own, the
 * task pane gets a fresh in-memory workbook.
 */
import { langFromLocale, localeOf } from "../../src/core/language";
import { createHost, type LiatHost } from "../excel-host/createHost";
import type { CustomFunctionsMetadata } from "../excel-host/customFunctionPlugin";
import { installCustomFunctionsShim } from "../excel-host/customFunctions";

interface PreviewParent {
  __LIAT_HOST__?: LiatHost;
  __LIAT_FUNCTIONS_METADATA__?: CustomFunctionsMetadata[];
}

function parentWindow(): PreviewParent | undefined {
  try {
    return window.parent !== window ? (window.parent as unknown as PreviewParent) : undefined;
  } catch {
    return undefined;
  }
}

const parent = parentWindow();
const host: LiatHost =
  parent?.__LIAT_HOST__ ?? createHost({ displayLanguage: localeOf(langFromLocale(navigator.language)) });

/** Errors cross from the parent page's realm: rebuild them here so `instanceof Error` holds in the pane. */
function localError(error: unknown): unknown {
  if (error instanceof Error || error === null || typeof error !== "object") return error;
  const source = error as { message?: unknown; code?: unknown; debugInfo?: unknown; name?: unknown };
  const local = new Error(String(source.message ?? "")) as Error & { code?: unknown; debugInfo?: unknown };
  local.name = String(source.name ?? "Error");
  local.code = source.code;
  local.debugInfo = source.debugInfo;
  return local;
}

const excel = Object.create(host.Excel) as typeof host.Excel;
excel.run = ((...args: unknown[]) =>
  (host.Excel.run as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
    throw localError(error);
  })) as typeof host.Excel.run;

Object.assign(window, { Excel: excel, Office: host.Office });

/** functions.json as fetched by the preview page, or fetched here when the pane was opened on its own. */
function metadataFiles(): Promise<CustomFunctionsMetadata[]> {
  const fromParent = parent?.__LIAT_FUNCTIONS_METADATA__;
  if (fromParent) return Promise.resolve(fromParent);
  return fetch("functions.json")
    .then((r) => (r.ok ? (r.json() as Promise<CustomFunctionsMetadata>) : undefined))
    .then((m) => (m ? [m] : []))
    .catch(() => []);
}

let applyScheduled = false;
installCustomFunctionsShim(window, {
  associate(id, fn) {
    host.associateCustomFunction(id, fn);
    if (applyScheduled) return;
    applyScheduled = true;
    setTimeout(() => {
      applyScheduled = false;
      void metadataFiles().then((all) => all.forEach((metadata) => host.applyMetadata(metadata)));
    }, 0);
  },
});
