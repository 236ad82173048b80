/** What the workbook holds (for the pane's setup view), and the summary refresh. */
import type { DomainId } from "../core/catalogueTypes";
import { DOMAIN_IDS, SCHEMA_VERSION } from "../core/layout";
import { summarize, type WorkbookSummary } from "../core/summary";
import { runExcel } from "./excelApi";
import { scanTables, settingsOf } from "./scan";
import { loadSnapshot } from "./snapshot";
import type { TableRead, WorkbookStatus } from "./types";

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

/** The summary of the tables' statuses (core summarize). */
export function summarizeTables(tables: readonly TableRead[]): WorkbookSummary {
  return summarize(tables.flatMap((t) => t.rows.map((r) => ({ code: r.code, status: r.raw.status }))));
}

/** The summary of every LIAT table of the workbook. One sync once the sheets are known. */
export async function readSummary(): Promise<WorkbookSummary> {
  return runExcel(async (b) => summarizeTables(scanTables(await loadSnapshot(b))));
}
