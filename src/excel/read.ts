/** Reads every LIAT table of the workbook in one batch (at most 2 syncs; 1 when the session knows the sheets). */
import { runExcel } from "./excelApi";
import { scanTables, settingsOf } from "./scan";
import { loadSnapshot } from "./snapshot";
import type { WorkbookRead } from "./types";

export async function readWorkbook(): Promise<WorkbookRead> {
  return runExcel(async (b) => {
    const snapshot = await loadSnapshot(b);
    const tables = scanTables(snapshot);
    return { settings: settingsOf(snapshot, tables), tables };
  });
}
