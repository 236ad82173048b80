/**
 * Closed reporting periods, as the history table holds them (layout: HISTORY_COLUMNS in layout.ts):
 * reading the table from plain cells, the rows that record a period, and what closing a period does
 * to the history (a new period appended, or the same label replaced after the user agreed). No
 * Office and no spreadsheet library here: the add-in and the command line share it.
 */
import { OBJECTIVES } from "./catalogue";
import { normalizeCode } from "./codes";
import { isBlank, type CellValue } from "./excelValues";
import { dateToSerial, isoDateToSerial } from "./dates";
import { columnLetter, HISTORY_COLUMNS, pointsFormula, type HistoryColumnKey } from "./layout";
import type { StatusEntry } from "./summary";
import { textKey } from "./textKey";

/** One closed period: its statuses per objective. */
export interface HistoryPeriod {
  /** Order in which the periods were closed, from 1. */
  seq: number;
  label: string;
  /** Closing date as an Excel serial day number, or null when the cell holds none. */
  closedOn: number | null;
  entries: StatusEntry[];
}

/** Where the history table is on a sheet, as read from plain cells. */
export interface HistoryTable {
  /** 0-based row of the header row. */
  headerRow: number;
  /** 0-based column of each history column. */
  columns: Record<HistoryColumnKey, number>;
  periods: HistoryPeriod[];
  /** Rows that hold something but no usable period number: kept by every rewrite, never dropped. */
  loose: CellValue[][];
}

/** 0-based column of each key as the layout writes it. */
export const HISTORY_COLUMN_INDEX = Object.fromEntries(HISTORY_COLUMNS.map((c, i) => [c.key, i])) as Record<
  HistoryColumnKey,
  number
>;

const HEADER_KEYS = new Map<string, HistoryColumnKey>();
for (const c of HISTORY_COLUMNS) for (const h of Object.values(c.header)) HEADER_KEYS.set(textKey(h), c.key);

/** The history header row's columns, when every history column is named in it (any language, any order). */
function historyHeader(cells: readonly CellValue[]): Record<HistoryColumnKey, number> | null {
  const found: Partial<Record<HistoryColumnKey, number>> = {};
  cells.forEach((v, i) => {
    if (typeof v !== "string" || v.length > 40) return;
    const key = HEADER_KEYS.get(textKey(v));
    if (key !== undefined && found[key] === undefined) found[key] = i;
  });
  return HISTORY_COLUMNS.every((c) => found[c.key] !== undefined) ? (found as Record<HistoryColumnKey, number>) : null;
}

/** A closing date cell as a serial day number (numbers, Dates from ExcelJS, ISO text), or null. */
function serialOf(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "string") return isoDateToSerial(v.trim().slice(0, 10));
  return null;
}

const seqOf = (v: CellValue): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
};

/**
 * Reads the history table from a sheet's rows (row 0 is the sheet's row 1): the first row naming
 * every history column, then every non-blank row below it. Periods come out in
 * `seq` order, entries in the order of the rows. Returns null when the rows hold no history table.
 */
export function readHistory(rows: readonly (readonly CellValue[] | undefined)[]): HistoryTable | null {
  let headerRow = -1;
  let columns: Record<HistoryColumnKey, number> | null = null;
  for (let r = 0; r < rows.length && columns === null; r++) {
    columns = historyHeader(rows[r] ?? []);
    headerRow = r;
  }
  if (columns === null) return null;
  const bySeq = new Map<number, HistoryPeriod>();
  const loose: CellValue[][] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every(isBlank)) continue;
    const at = (k: HistoryColumnKey) => cells[columns[k]] ?? null;
    const seq = seqOf(at("seq"));
    if (seq === null) {
      loose.push([...cells]);
      continue;
    }
    let period = bySeq.get(seq);
    if (period === undefined) {
      period = { seq, label: isBlank(at("period")) ? "" : String(at("period")).trim(), closedOn: null, entries: [] };
      bySeq.set(seq, period);
    }
    period.closedOn ??= serialOf(at("closedOn"));
    const status = at("status");
    period.entries.push({ code: String(at("code") ?? ""), status: isBlank(status) ? "" : status });
  }
  return { headerRow, columns, periods: [...bySeq.values()].sort((a, b) => a.seq - b.seq), loose };
}

/** A period's status of each catalogue objective, in catalogue order (first entry of a code wins; missing ones blank). */
export function catalogueStatuses(entries: readonly StatusEntry[]): StatusEntry[] {
  const byCode = new Map<string, unknown>();
  for (const e of entries) {
    const code = normalizeCode(String(e.code ?? ""));
    if (code !== null && !byCode.has(code)) byCode.set(code, e.status);
  }
  return OBJECTIVES.map((o) => ({ code: o.code, status: byCode.get(o.code) ?? "" }));
}

/** A status as the history records it: text as typed, a level number as it is, blank as "". */
const recorded = (status: unknown): string | number =>
  typeof status === "number" || typeof status === "string" ? status : isBlank(status) ? "" : String(status);

/**
 * The table body (every row below the header, in layout column order) holding the given periods
 * then the loose rows (kept as they were), for a table whose header is on 1-based sheet row `headerRow`. The Points
 * cell of each row is the native formula over that row's status.
 */
export function historyBody(
  periods: readonly HistoryPeriod[],
  headerRow: number,
  loose: readonly (readonly CellValue[])[] = [],
): (string | number)[][] {
  const statusLetter = columnLetter(HISTORY_COLUMN_INDEX.status);
  const out: (string | number)[][] = [];
  for (const p of periods) {
    for (const e of catalogueStatuses(p.entries)) {
      const code = e.code;
      out.push([
        p.seq,
        p.label,
        p.closedOn ?? "",
        code,
        Number(code.split(".")[0]),
        recorded(e.status),
        pointsFormula(headerRow + 1 + out.length, statusLetter),
      ]);
    }
  }
  for (const cells of loose) {
    out.push(
      HISTORY_COLUMNS.map((_, i) => {
        const v = cells[i];
        return typeof v === "number" || typeof v === "string" ? v : isBlank(v) ? "" : String(v);
      }),
    );
  }
  return out;
}

/** What closing a period does to the history. */
export interface ClosePlan {
  /** Every period after closing, in seq order. */
  periods: HistoryPeriod[];
  /** The period recorded by this close. */
  closed: HistoryPeriod;
  /** The period of the same label that this close replaces, when there was one. */
  replaces: HistoryPeriod | null;
}

/**
 * Records the current statuses as period `label` closed on `closedOn`. A period of the same label
 * (compared as text, any case or accents) is replaced in place (same seq) only when `replace` is
 * true; otherwise the close is refused with `needsConfirmation`. A new label is appended with the
 * next seq.
 */
export function planClose(
  history: readonly HistoryPeriod[],
  label: string,
  closedOn: number,
  current: readonly StatusEntry[],
  replace: boolean,
): ClosePlan | { needsConfirmation: HistoryPeriod } {
  const key = textKey(label);
  const same = history.find((p) => textKey(p.label) === key) ?? null;
  if (same !== null && !replace) return { needsConfirmation: same };
  const seq = same?.seq ?? history.reduce((m, p) => Math.max(m, p.seq), 0) + 1;
  const closed: HistoryPeriod = { seq, label: label.trim(), closedOn, entries: catalogueStatuses(current) };
  const periods = same === null ? [...history, closed] : history.map((p) => (p === same ? closed : p));
  return { periods, closed, replaces: same };
}

/** The label suggested for the period after `label`: the last number in it plus one ("2025" → "2026", "S1 2025" → "S1 2026"). */
export function nextPeriodLabel(label: string): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(label.trim());
  if (!m) return "";
  const n = String(Number(m[2]) + 1).padStart(m[2]!.length, "0");
  return `${m[1]}${n}${m[3]}`;
}
