/** What the workbook holds (for the pane's setup view), and the summary refresh. */
import type { DomainId } from "../core/catalogueTypes";
import { DOMAIN_IDS, SCHEMA_VERSION } from "../core/layout";
import { summarize, type WorkbookSummary } from "../core/summary";
import { runExcel } from "./excelApi";
import { scanTables, settingsOf } from "./scan";
import { loadSnapshot } from "./snapshot";
import type { WorkbookStatus } from "./types";

export { saveSettings } from "./settings";

/** One sync when the session knows the sheets, two otherwise. */
export async function getWorkbookStatus(): Promise<WorkbookStatus> {
  return runExcel(async (b) => {
    const snapshot = await loadSnapshot(b);
    const tables = scanTables(snapshot);
    const settings = settingsOf(snapshot, tables);
    const present = new Set<DomainId>(tables.map((t) => t.domain).filter((d): d is DomainId => d !== null));
    return {
      hasLiat: tables.length > 0,
      schemaVersion: settings.schemaVersion,
      upgradable: settings.schemaVersion !== null && settings.schemaVersion < SCHEMA_VERSION,
      presentDomains: DOMAIN_IDS.filter((d) => present.has(d)),
      missingDomains: DOMAIN_IDS.filter((d) => !present.has(d)),
      settings,
    };
  });
}

/** The summary of every LIAT table's statuses (core summarize). One sync once the sheets are known. */
export async function readSummary(): Promise<WorkbookSummary> {
  return runExcel(async (b) => {
    const tables = scanTables(await loadSnapshot(b));
    return summarize(tables.flatMap((t) => t.rows.map((r) => ({ code: r.code, status: r.raw.status }))));
  });
}
