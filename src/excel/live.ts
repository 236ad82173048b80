/**
 * Live validation: validates the whole workbook once, then listens to worksheet changes and
 * re-validates only the rows that changed (one sync to read them), and emits the summary and the full
 * issue list after each change. It only reads: the workbook shows invalid cells by itself (native
 * Check column and highlight rules), so undo, co-authoring and recalculation stay Excel's own.
 */
import { isBlankEntry } from "../core/entrySchema";
import type { CellValue } from "../core/excelValues";
import { excelApi, runExcel } from "./excelApi";
import { isSetSupported } from "./requirements";
import { codeIssues, columnIssues, entryIssues } from "../core/tableChecks";
import { issuesByRow, sortIssues } from "./issues";
import { HEADER_SEARCH_ROWS, isSystemSheet, rowReader, scanSheet } from "./scan";
import { gridOf, loadUsed } from "./snapshot";
import { summarizeTables } from "./workbookStatus";
import type { LiveUpdate, RowRead, TableRead, ValidationIssue } from "./types";
import { validateAll } from "./validate";

export interface LiveHandlers {
  onUpdate(update: LiveUpdate): void;
  onError?(error: unknown): void;
}

export interface LiveValidator {
  dispose(): Promise<void>;
  /** Resolves once every change received so far has been processed (for tests and the preview). */
  idle(): Promise<void>;
  /** How many rows the last incremental pass read (work is proportional to it). */
  readonly lastRowsRead: number;
  /** Resolves after the first whole validation and subscription. */
  readonly ready: Promise<unknown>;
}

/** A 0-based span of sheet rows, both ends included. */
interface RowSpan {
  r0: number;
  r1: number;
}

interface Change {
  sheetId: string;
  /** 0-based rows, or null for "the whole sheet". */
  rows: RowSpan | null;
}

interface SheetState {
  /** The sheet's table; its rows (in row order) are replaced span by span as they change. */
  table: TableRead;
  /** Issues of each row that has any, by 0-based sheet row: validating a row is the costly part. */
  issues: Map<number, ValidationIssue[]>;
}

/** Index of the first row at or below sheet row `r` (rows in row order). */
function firstFrom(rows: readonly RowRead[], r: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.rowIndex < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Puts the rows just read in place of the span's earlier ones; true when the code checks must run again. */
function replaceSpan(s: SheetState, span: RowSpan, read: readonly RowRead[]): boolean {
  const rows = s.table.rows;
  const i0 = firstFrom(rows, span.r0);
  const i1 = firstFrom(rows, span.r1 + 1);
  const before = rows.slice(i0, i1);
  s.table.rows = [...rows.slice(0, i0), ...read, ...rows.slice(i1)];
  for (const r of before) s.issues.delete(r.rowIndex);
  for (const r of read) {
    const list = entryIssues(r);
    if (list.length > 0) s.issues.set(r.rowIndex, list);
  }
  // a code issue's severity follows whether its row holds an entry: that counts as a code change
  return (
    before.length !== read.length ||
    before.some(
      (r, i) =>
        r.rowIndex !== read[i]!.rowIndex ||
        r.code !== read[i]!.code ||
        isBlankEntry(r.raw) !== isBlankEntry(read[i]!.raw),
    )
  );
}

/** Rows of an A1 address ("F5", "F5:G7", "5:7"), 0-based; null for whole columns or unreadable ones. */
function addressRows(address: string): RowSpan | null {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = a.replace(/\$/g, "").split(":");
  const row = (p: string) => {
    const m = /^[A-Z]*(\d+)$/i.exec(p);
    return m ? Number(m[1]) - 1 : null;
  };
  const r0 = row(parts[0]!);
  const r1 = row(parts[parts.length - 1]!);
  if (r0 === null || r1 === null) return null;
  return { r0: Math.min(r0, r1), r1: Math.max(r0, r1) };
}

/**
 * Starts live validation. Returns at once; the first update comes after the whole validation, and
 * errors (first validation included) go to onError.
 */
export function createLiveValidator(handlers: LiveHandlers): LiveValidator {
  const sheets = new Map<string, SheetState>();
  /** Ids of sheets that are not LIAT tables (changes there are ignored unless they grow a header). */
  const others = new Map<string, string>();
  let tableLevel: ValidationIssue[] = [];
  let codeLevel: ValidationIssue[] = [];
  let pending: Change[] = [];
  let running: Promise<void> = Promise.resolve();
  let disposed = false;
  let lastRowsRead = 0;
  const renameEvents = isSetSupported("ExcelApi", "1.17");

  const tables = () => [...sheets.values()].map((s) => s.table);

  function adopt(id: string, table: TableRead, issues = issuesByRow(table)): void {
    sheets.set(id, { table, issues });
  }

  function rebuildTableLevel(): void {
    tableLevel = tables().flatMap(columnIssues);
    codeLevel = codeIssues(tables().flatMap((t) => t.rows));
  }

  /** Reports the summary and every issue (sorted), and returns the issues. */
  function emit(): ValidationIssue[] {
    const rowLevel = [...sheets.values()].flatMap((s) => [...s.issues.values()].flat());
    const issues = sortIssues([...tableLevel, ...codeLevel, ...rowLevel], tables());
    handlers.onUpdate({ summary: summarizeTables(tables()), issues });
    return issues;
  }

  function fail(error: unknown): void {
    if (handlers.onError) handlers.onError(error);
    else throw error;
  }

  async function processPending(): Promise<void> {
    const changes = pending;
    pending = [];
    if (changes.length === 0 || disposed) return;
    await runExcel(async (b) => {
      const wb = b.context.workbook;
      const full = new Set<string>();
      const partial = new Map<string, RowSpan[]>();
      for (const c of changes) {
        const state = sheets.get(c.sheetId);
        // a sheet added since, a non-LIAT sheet that changed, a structural change or a header edit: re-read the sheet
        if (!state) full.add(c.sheetId);
        else if (c.rows === null || c.rows.r0 <= state.table.headerRow) full.add(c.sheetId);
        else partial.set(c.sheetId, [...(partial.get(c.sheetId) ?? []), c.rows]);
      }
      for (const id of full) partial.delete(id);
      // Sync 1: read the changed rows (over the table's columns) and the sheets that changed shape.
      const fullLoads = [...full].map((id) => {
        const ws = wb.worksheets.getItem(id);
        ws.load("name");
        return { id, ws, used: loadUsed(ws) };
      });
      const rowLoads = [...partial].flatMap(([id, spans]) => {
        const cols = Object.values(sheets.get(id)!.table.columns) as number[];
        const c0 = Math.min(...cols);
        const c1 = Math.max(...cols);
        return spans.map((span) => {
          const range = wb.worksheets.getItem(id).getRangeByIndexes(span.r0, c0, span.r1 - span.r0 + 1, c1 - c0 + 1);
          range.load("values");
          return { id, span, c0, range };
        });
      });
      // Without rename events (WorksheetCollection.onNameChanged, ExcelApi 1.17), renames are noticed here.
      const names = renameEvents ? undefined : wb.worksheets;
      names?.load("items/id,items/name");
      await b.sync();
      for (const w of names?.items ?? []) {
        const known = sheets.get(w.id)?.table.sheet ?? others.get(w.id);
        if (known !== undefined && known !== w.name && !full.has(w.id)) schedule({ sheetId: w.id, rows: null });
      }
      lastRowsRead = 0;
      let codesChanged = false;
      for (const l of fullLoads) {
        const grid = { name: l.ws.name, ...gridOf(l.used) };
        lastRowsRead += grid.values.length;
        const table = scanSheet(grid);
        if (table) {
          adopt(l.id, table);
          others.delete(l.id);
        } else {
          sheets.delete(l.id);
          others.set(l.id, grid.name);
        }
        codesChanged = true;
      }
      for (const l of rowLoads) {
        const s = sheets.get(l.id)!;
        const values = l.range.values as CellValue[][];
        lastRowsRead += values.length;
        const read = rowReader(s.table.sheet, s.table.columns, l.c0);
        const rows = values.flatMap((cells, i) => read(cells, l.span.r0 + i) ?? []);
        if (replaceSpan(s, l.span, rows)) codesChanged = true;
      }
      if (codesChanged) rebuildTableLevel();
      emit();
    });
  }

  function schedule(change: Change): void {
    pending.push(change);
    running = running.then(processPending).catch(fail);
  }

  // Whole validation first, then subscribe.
  const ready = runExcel(async (b) => {
    const { snapshot, tables: found, byRow } = await validateAll(b);
    for (const g of snapshot.sheets) {
      const i = found.findIndex((x) => x.sheet === g.name);
      if (i >= 0) adopt(g.id, found[i]!, byRow[i]);
      else others.set(g.id, g.name);
    }
    const ws = b.context.workbook.worksheets;
    const onChanged = ws.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
      if (disposed) return;
      const name = others.get(e.worksheetId);
      if (name !== undefined && isSystemSheet(name)) return;
      const structural = e.changeType !== ("RangeEdited" as Excel.DataChangeType);
      const rows = structural ? null : addressRows(e.address);
      // A sheet without a LIAT table only matters when a header row could have appeared (top rows).
      if (name !== undefined && rows !== null && rows.r0 >= HEADER_SEARCH_ROWS) return;
      schedule({ sheetId: e.worksheetId, rows });
    });
    const onDeleted = ws.onDeleted.add(async (e: Excel.WorksheetDeletedEventArgs) => {
      if (disposed) return;
      sheets.delete(e.worksheetId);
      others.delete(e.worksheetId);
      running = running
        .then(() => {
          rebuildTableLevel();
          emit();
        })
        .catch(fail);
    });
    const registrations = [onChanged, onDeleted];
    if (renameEvents) {
      const onRenamed = ws.onNameChanged.add(async (e: Excel.WorksheetNameChangedEventArgs) => {
        if (disposed) return;
        schedule({ sheetId: e.worksheetId, rows: null });
      });
      registrations.push(onRenamed);
    }
    await b.sync();
    return registrations;
  }).then((regs) => {
    rebuildTableLevel();
    emit();
    return regs;
  });
  running = ready.then(() => undefined, fail);

  return {
    ready,
    get lastRowsRead() {
      return lastRowsRead;
    },
    idle: async () => {
      for (let i = 0; i < 100; i++) {
        const r = running;
        await r;
        if (r === running && pending.length === 0) return;
      }
    },
    dispose: async () => {
      disposed = true;
      const registrations = await ready.catch(() => [] as OfficeExtension.EventHandlerResult<unknown>[]);
      if (registrations.length === 0) return;
      await excelApi().run(registrations[0]!.context, async (context) => {
        for (const r of registrations) r.remove();
        await context.sync();
      });
    },
  };
}
