/** Reads the recorded periods (history table) and the current statuses, for the Progress view. 1 sync once the sheets are known. */
import type { HistoryPeriod } from "../core/history";
import { HISTORY_SHEET } from "../core/layout";
import type { StatusEntry } from "../core/summary";
import { historyOf } from "./closePeriod";
import { runExcel } from "./excelApi";
import { findSheet, scanTables, settingsOf } from "./scan";
import { loadSnapshot } from "./snapshot";

export interface PeriodsRead {
  /** The reporting period the cover names (the one in progress). */
  period: string;
  /** Closed periods, in the order they were closed. */
  periods: HistoryPeriod[];
  /** The current statuses of every LIAT table. */
  current: StatusEntry[];
  /** True when the workbook has LIAT tables. */
  hasLiat: boolean;
}

export async function readPeriods(): Promise<PeriodsRead> {
  return runExcel(async (b) => {
    const snapshot = await loadSnapshot(b, { whole: [HISTORY_SHEET] });
    const tables = scanTables(snapshot);
    return {
      period: settingsOf(snapshot, tables).period,
      periods: historyOf(findSheet(snapshot, HISTORY_SHEET))?.periods ?? [],
      current: tables.flatMap((t) => t.rows.map((r) => ({ code: r.code, status: r.raw.status }))),
      hasLiat: tables.length > 0,
    };
  });
}
