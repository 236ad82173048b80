/**
 * office-shim.js: replaces office.js in the preview build. Inside the preview page's iframe it takes the host of the
 * parent page (window.parent.__LIAT_HOST__) and defines Office, Excel and CustomFunctions for the task pane and the
 * functions bundle; CustomFunctions.associate registers the real functions in that host. Opened on its own, the
 * task pane gets a fresh in-memory workbook: the host (its formula engine is most of the preview's code) is then
 * its own script (preview-host.js), loaded at the first Excel.run, as Excel answers a pane that has already started; `Excel.run` and
 * the functions' registration wait for it, `Office` is there at once.
 */
import { langFromLocale, localeOf } from "../../src/core/language";
import type { LiatHost } from "../excel-host/createHost";
import type { CustomFunctionsMetadata } from "../excel-host/customFunctionPlugin";
import { installCustomFunctionsShim } from "../excel-host/customFunctions";
import { createOfficeShim, type OfficeShim } from "../excel-host/officeGlobal";
import type { PreviewHostGlobal } from "./previewHost";

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
const parentHost = parent?.__LIAT_HOST__;
const displayLanguage = localeOf(langFromLocale(navigator.language));
/** Where preview-host.js is: beside this script. */
const hostScript = new URL(
  "preview-host.js",
  (document.currentScript as HTMLScriptElement | null)?.src ?? location.href,
);

function loadHostScript(): Promise<NonNullable<PreviewHostGlobal["__LIAT_CREATE_HOST__"]>> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = hostScript.href;
    script.onload = () => {
      const create = (window as PreviewHostGlobal).__LIAT_CREATE_HOST__;
      if (create) resolve(create);
      else reject(new Error(`${hostScript.href} did not define the host`));
    };
    script.onerror = () => reject(new Error(`${hostScript.href} could not be loaded`));
    document.head.append(script);
  });
}

/** The host: the parent page's, or (the pane on its own) one made at the first Excel.run, as Excel answers later. */
let hostPromise: Promise<LiatHost> | undefined = parentHost ? Promise.resolve(parentHost) : undefined;
function hostReady(): Promise<LiatHost> {
  hostPromise ??= loadHostScript().then((createHost) => {
    const host = createHost({ displayLanguage });
    loadedExcel = host.Excel;
    registerPending(host);
    return host;
  });
  return hostPromise;
}
const office: OfficeShim = parentHost?.Office ?? createOfficeShim({ displayLanguage });

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

type HostExcel = LiatHost["Excel"];

/** Excel.run once the host is there; every other member of Excel is read from the host (inside Excel.run). */
const run = ((...args: unknown[]) =>
  hostReady()
    .then((host) => (host.Excel.run as (...a: unknown[]) => Promise<unknown>)(...args))
    .catch((error: unknown) => {
      throw localError(error);
    })) as HostExcel["run"];
let loadedExcel: HostExcel | undefined = parentHost?.Excel;
const excel = new Proxy({} as HostExcel, {
  get(_target, name) {
    if (name === "run") return run;
    if (!loadedExcel) throw new Error(`Excel.${String(name)} read before the in-memory host was loaded`);
    return loadedExcel[name as keyof HostExcel];
  },
  has: (_target, name) => name === "run" || (loadedExcel !== undefined && name in loadedExcel),
});

Object.assign(window, { Excel: excel, Office: office });

/** functions.json as fetched by the preview page, or fetched here when the pane was opened on its own. */
function metadataFiles(): Promise<CustomFunctionsMetadata[]> {
  const fromParent = parent?.__LIAT_FUNCTIONS_METADATA__;
  if (fromParent) return Promise.resolve(fromParent);
  return fetch("functions.json")
    .then((r) => (r.ok ? (r.json() as Promise<CustomFunctionsMetadata>) : undefined))
    .then((m) => (m ? [m] : []))
    .catch(() => []);
}

/** Functions passed to CustomFunctions.associate before the host is there. */
const pending: [string, (...args: never[]) => unknown][] = [];
let applyScheduled = false;

function registerPending(host: LiatHost): void {
  for (const [id, fn] of pending.splice(0)) host.associateCustomFunction(id, fn);
  if (applyScheduled) return;
  applyScheduled = true;
  setTimeout(() => {
    applyScheduled = false;
    void metadataFiles().then((all) => all.forEach((metadata) => host.applyMetadata(metadata)));
  }, 0);
}

installCustomFunctionsShim(window, {
  associate(id, fn) {
    pending.push([id, fn]);
    if (parentHost) registerPending(parentHost);
    else void hostPromise?.then(registerPending);
  },
});
