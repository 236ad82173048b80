/**
 * Closing a reporting period: the current statuses of every objective are recorded, with the period
 * label and the closing date, in the history table (sheet LIAT_History, created on the first close),
 * then the next period starts: its label goes on the cover and the statuses are kept as the
 * starting point or cleared, as the user chooses (only the Status cells: every other entry stays).
 * Closing a period whose label is already in the history asks first (nothing is written until the
 * user agrees). The cover's trend block is (re)written with its native formulas. 2 syncs when the
 * session knows the sheets (read, write), 3 otherwise; one more per 1.5 MB of history beyond the first
 * (about 25 periods each), so that no request passes Excel on the web's 5 MB.
 */
import { isSetSupported } from "./requirements";
import { columnLetter } from "../core/a1";
import { isoDateToSerial } from "../core/dates";
import {
  HISTORY_COLUMN_INDEX,
  historyBody,
  planClose,
  readHistory,
  type HistoryPeriod,
  type HistoryTable,
} from "../core/history";
import type { Lang } from "../core/language";
import { COVER, COVER_SHEET, HISTORY_COLUMNS, HISTORY_SHEET, HISTORY_TABLE, PROTECTION_OPTIONS } from "../core/layout";
import { runExcel } from "./excelApi";
import { WRITE_BUDGET_BYTES } from "./consolidation";
import { liatError } from "./liatError";
import { findSheet, scanTables, settingsOf } from "./scan";
import { loadSnapshot, rememberSheets, type SheetGrid } from "./snapshot";
import { queueSettingCell } from "./writeCover";
import { queueTrend } from "./writeTrend";

export interface ClosePeriodOptions {
  /** Label of the period being closed; default: the cover's reporting period. */
  label?: string;
  /** Label of the period that starts; written on the cover. */
  nextLabel: string;
  /** True to clear every Status cell for the new period; false keeps them as the starting point. */
  clearStatuses: boolean;
  /** True when the user agreed to replace a period of the same label already recorded. */
  replace?: boolean;
  /** Closing date, ISO "YYYY-MM-DD"; default today (local date). */
  closedOn?: string;
}

export type ClosePeriodResult =
  | {
      closed: true;
      label: string;
      seq: number;
      /** True when a period of the same label was replaced. */
      replaced: boolean;
      /** Objectives recorded (every catalogue objective). */
      recorded: number;
      /** Status cells cleared for the new period. */
      cleared: number;
      /** True when the history sheet was created by this close. */
      createdHistory: boolean;
      syncs: number;
    }
  /** Nothing written: a period of this label is recorded already (closed on `closedOn`, a serial day). */
  | { closed: false; needsConfirmation: { label: string; closedOn: number | null } };

/** Today as an ISO date in the local time zone (what the user calls today). */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The history table of a sheet grid, with the header row as a 0-based sheet row. */
export function historyOf(grid: SheetGrid | undefined): HistoryTable | null {
  if (!grid || grid.values.length === 0) return null;
  // Cells left of the used range are blank: pad them so that column indexes are sheet columns.
  const rows = grid.values.map((r) => [...Array<null>(grid.left).fill(null), ...r]);
  const t = readHistory(rows);
  return t === null ? null : { ...t, headerRow: t.headerRow + grid.top };
}

/**
 * The history body cut into blocks of rows [from, to) whose estimated request (values, formulas and number formats,
 * as JSON characters) stays under `budget` bytes; one block when it all fits.
 */
export function historyBlocks(body: readonly (readonly unknown[])[], budget: number): [number, number][] {
  const blocks: [number, number][] = [];
  let from = 0;
  let bytes = 0;
  body.forEach((row, i) => {
    const size = JSON.stringify(row).length + 16 * row.length;
    if (i > from && bytes + size > budget) {
      blocks.push([from, i]);
      from = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (body.length > from) blocks.push([from, body.length]);
  return blocks;
}

export async function closePeriod(options: ClosePeriodOptions): Promise<ClosePeriodResult> {
  let subject = "";
  return runExcel(
    async (b) => {
      const snapshot = await loadSnapshot(b, { whole: [HISTORY_SHEET] });
      const tables = scanTables(snapshot);
      if (tables.length === 0) throw liatError("notLiatWorkbook");
      const settings = settingsOf(snapshot, tables);
      // The history's Points column and the cover's trend use the lists sheet's status lookup (schema 2 on).
      const names = new Set(snapshot.names.map((n) => n.name.toLowerCase()));
      if (!names.has("liat_statuskey") || !names.has("liat_statuspoints")) throw liatError("upgradeFirst");
      const lang: Lang = settings.lang;
      const label = (options.label ?? settings.period).trim();
      const closedOn = isoDateToSerial(options.closedOn ?? today()) ?? isoDateToSerial(today())!;

      const grid = findSheet(snapshot, HISTORY_SHEET);
      if (grid?.passwordProtected) throw liatError("sheetProtected", grid.name);
      const history = historyOf(grid);
      if (grid && grid.values.length > 0 && history === null) throw liatError("sheetNameTaken", grid.name);
      const current = tables.flatMap((t) => t.rows.map((r) => ({ code: r.code, status: r.raw.status })));
      const plan = planClose(history?.periods ?? [], label, closedOn, current, options.replace === true);
      if ("needsConfirmation" in plan) {
        const p: HistoryPeriod = plan.needsConfirmation;
        return { closed: false, needsConfirmation: { label: p.label, closedOn: p.closedOn } };
      }
      const cover = findSheet(snapshot, COVER_SHEET);
      if (cover?.passwordProtected) throw liatError("sheetProtected", cover.name);
      for (const t of tables) {
        const g = findSheet(snapshot, t.sheet);
        if (options.clearStatuses && g?.passwordProtected) throw liatError("sheetProtected", t.sheet);
      }

      const wb = b.context.workbook;
      // 1. The history: the whole body rewritten in one block (periods in order, then rows it could not place).
      subject = HISTORY_SHEET;
      const created = grid === undefined;
      const ws = created ? wb.worksheets.add(HISTORY_SHEET) : wb.worksheets.getItem(grid.id);
      if (created) ws.load("id");
      if (grid?.protected) ws.protection.unprotect();
      const left = created ? 0 : history === null ? 0 : Math.min(...Object.values(history.columns));
      const headerRow = history?.headerRow ?? 0; // 0-based
      const body = historyBody(plan.periods, headerRow + 1, history?.loose ?? []);
      const width = HISTORY_COLUMNS.length;
      const at = (col: number, row: number) => `${columnLetter(left + col)}${row + 1}`;
      const oldRows = grid ? grid.values.length + grid.top - (headerRow + 1) : 0;
      if (history === null) {
        const header = ws.getRange(`${at(0, headerRow)}:${at(width - 1, headerRow)}`);
        header.values = [HISTORY_COLUMNS.map((c) => c.header[lang])];
        header.format.font.bold = true;
      }
      const first = headerRow + 1;
      const last = headerRow + body.length;
      const pointsCol = HISTORY_COLUMN_INDEX.points;
      const formats = HISTORY_COLUMNS.slice(0, pointsCol).map((c) => c.numberFormat);
      // The body in blocks of rows that each stay under Excel on the web's 5 MB per request: every block but the
      // last is sent on its own; the last goes with the rest of the close.
      const blocks = historyBlocks(body, WRITE_BUDGET_BYTES);
      for (const [k, [from, to]] of blocks.entries()) {
        const rows = body.slice(from, to);
        const data = ws.getRange(`${at(0, first + from)}:${at(pointsCol - 1, first + to - 1)}`);
        data.numberFormat = rows.map(() => formats);
        data.values = rows.map((r) => r.slice(0, pointsCol));
        const points = ws.getRange(`${at(pointsCol, first + from)}:${at(pointsCol, first + to - 1)}`);
        points.numberFormat = rows.map(() => ["0"]);
        points.formulas = rows.map((r) => [r[pointsCol]!]);
        if (k < blocks.length - 1) await b.sync();
      }
      if (oldRows > body.length)
        ws.getRange(`${at(0, last + 1)}:${at(width - 1, headerRow + oldRows)}`).clear("Contents");
      const full = `${at(0, headerRow)}:${at(width - 1, last)}`;
      const existing = snapshot.tables.find((t) => t.sheetId === grid?.id);
      if (existing && isSetSupported("ExcelApi", "1.13")) wb.tables.getItem(existing.name).resize(ws.getRange(full));
      else {
        // Before ExcelApi 1.13 (no Table.resize) the table is turned back into cells, which keeps every value, and
        // made again over the whole history.
        if (existing) wb.tables.getItem(existing.name).convertToRange();
        const table = ws.tables.add(ws.getRange(full), true);
        table.name = HISTORY_TABLE;
      }
      if (created) ws.getRange(`A:${columnLetter(width - 1)}`).format.columnWidth = 90;

      // 2. The next period: its label on the cover, statuses cleared when asked, the trend's formulas.
      subject = COVER_SHEET;
      const coverWs = wb.worksheets.getItem(COVER_SHEET);
      if (cover?.protected) coverWs.protection.unprotect();
      queueSettingCell(coverWs, COVER.periodRow, options.nextLabel.trim());
      queueTrend(coverWs, lang);
      if (cover?.protected) coverWs.protection.protect(PROTECTION_OPTIONS);
      let cleared = 0;
      if (options.clearStatuses) {
        for (const t of tables) {
          const col = t.columns.status;
          if (col === undefined || t.rows.length === 0) continue;
          subject = t.sheet;
          const g = findSheet(snapshot, t.sheet)!;
          const sheet = wb.worksheets.getItem(g.id);
          // Contiguous runs of rows, each cleared with one range write.
          const rows = t.rows.map((r) => r.rowIndex).sort((x, y) => x - y);
          for (let i = 0; i < rows.length;) {
            let j = i;
            while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
            const letter = columnLetter(col);
            sheet.getRange(`${letter}${rows[i]! + 1}:${letter}${rows[j]! + 1}`).values = rows
              .slice(i, j + 1)
              .map(() => [""]);
            i = j + 1;
          }
          cleared += t.rows.filter(
            (r) => r.raw.status !== "" && r.raw.status !== null && r.raw.status !== undefined,
          ).length;
        }
      }
      subject = "";
      await b.sync();
      if (created) rememberSheets([...snapshot.sheets.map((s) => s.id), ws.id]);
      return {
        closed: true,
        label: plan.closed.label,
        seq: plan.closed.seq,
        replaced: plan.replaces !== null,
        recorded: plan.closed.entries.length,
        cleared,
        createdHistory: created,
        syncs: b.syncs,
      };
    },
    () => subject,
  );
}
