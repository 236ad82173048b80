/** Recorded periods for tests: what the history table of a workbook holds after three closes. */
import { OBJECTIVE_CODES } from "../../src/core/catalogue";
import type { HistoryPeriod } from "../../src/core/history";

/** Three periods with statuses of every kind (labels in either language, numbers, unusual spellings, blanks). */
export function sampleHistory(): HistoryPeriod[] {
  const spellings: unknown[] = [
    "Planifié",
    "in progress",
    3,
    " IMPLEMENTED ",
    "N/A",
    "",
    "P*",
    "Not start?d",
    "Pérennise",
    0,
    "Sustained",
  ];
  return [2023, 2024, 2025].map((year, p) => ({
    seq: p + 1,
    label: String(year),
    closedOn: 45000 + 365 * p,
    entries: OBJECTIVE_CODES.map((code, i) => ({ code, status: spellings[(i * (p + 2) + p) % spellings.length] })),
  }));
}
