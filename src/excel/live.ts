/**
 * Live validation: validates the whole workbook once, then listens to worksheet changes and
 * re-validates only the rows that changed (one sync to read them), and emits the summary and the full
 * issue list after each change. It only reads: the workbook shows invalid cells by itself (native
 * Check column and highlight rules), so undo, co-authoring and recalculation stay Excel's own.
 */
import { columnIndex } from "../core/a1";
import { isBlankEntry } from "../core/entrySchema";
import type { CellValue } from "../core/excelValues";
import { excelApi, runExcel } from "./excelApi";
import { isSetSupported } from "./requirements";
import { codeIssues, columnIssues, entryIssues } from "../core/tableChecks";
import { issuesByRow, sortIssues } from "./issues";
import { HEADER_SEARCH_ROWS, isSystemSheet, rowReader, scanSheetTables } from "./scan";
import { beyondHead, headRead, queueHead, readRects } from "./sheetHeads";
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

/** A table's issues by 0-based sheet row. */
type IssuesByRow = Map<number, ValidationIssue[]>;

/** A 0-based span of sheet rows, both ends included, within columns c0 to c1 when known (else every column). */
interface RowSpan {
  r0: number;
  r1: number;
  c0?: number;
  c1?: number;
}

interface Change {
  sheetId: string;
  /** 0-based rows, or null for "the whole sheet". */
  rows: RowSpan | null;
}

/** One LIAT table followed on a sheet. */
interface TableState {
  /** The table; its rows (in row order) are replaced span by span as they change. */
  table: TableRead;
  /** 0-based sheet row below its last row: the header row of the table stacked below it, or none (Infinity). */
  end: number;
  /** First and last sheet column read for its rows (its known columns). */
  c0: number;
  c1: number;
  /** Issues of each row that has any, by 0-based sheet row: validating a row is the costly part. */
  issues: IssuesByRow;
}

/** Every LIAT table of a sheet (side by side, stacked), in reading order. */
interface SheetState {
  name: string;
  tables: TableState[];
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
function replaceSpan(s: TableState, span: RowSpan, read: readonly RowRead[]): boolean {
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

/**
 * Rows (0-based) of an A1 address ("F5", "F5:G7", "5:7"), with its columns when it names them; null for whole columns
 * or unreadable addresses.
 */
function addressRows(address: string): RowSpan | null {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = a.replace(/\$/g, "").split(":");
  const cell = (p: string) => {
    const m = /^([A-Z]*)(\d+)$/i.exec(p);
    return m ? { row: Number(m[2]) - 1, column: m[1] === "" ? null : columnIndex(m[1]!.toUpperCase()) } : null;
  };
  const first = cell(parts[0]!);
  const last = cell(parts[parts.length - 1]!);
  if (first === null || last === null) return null;
  const span: RowSpan = { r0: Math.min(first.row, last.row), r1: Math.max(first.row, last.row) };
  if (first.column !== null && last.column !== null) {
    span.c0 = Math.min(first.column, last.column);
    span.c1 = Math.max(first.column, last.column);
  }
  return span;
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

  const followed = () => [...sheets.values()].flatMap((s) => s.tables);
  const tables = () => followed().map((t) => t.table);

  /** Follows every LIAT table of a sheet (issues by row given for the ones the whole validation checked). */
  function adopt(id: string, name: string, found: readonly TableRead[], issues?: readonly IssuesByRow[]): void {
    const spans = found.map((t) => {
      const cols = Object.values(t.columns) as number[];
      const heads = t.headers?.map((h) => h.column) ?? cols;
      return { first: Math.min(...heads), last: Math.max(...heads), c0: Math.min(...cols), c1: Math.max(...cols) };
    });
    const states = found.map((table, i): TableState => {
      const me = spans[i]!;
      // The table stops at the next header row above its columns (stacked tables), as the core reader reads it.
      let end = Infinity;
      found.forEach((o, j) => {
        const other = spans[j]!;
        if (o.headerRow > table.headerRow && other.first <= me.last && other.last >= me.first) {
          end = Math.min(end, o.headerRow);
        }
      });
      return { table, end, c0: me.c0, c1: me.c1, issues: issues?.[i] ?? issuesByRow(table) };
    });
    if (states.length > 0) {
      sheets.set(id, { name, tables: states });
      others.delete(id);
    } else {
      sheets.delete(id);
      others.set(id, name);
    }
  }

  function rebuildTableLevel(): void {
    tableLevel = tables().flatMap(columnIssues);
    codeLevel = codeIssues(tables().flatMap((t) => t.rows));
  }

  /** Reports the summary and every issue (sorted), and returns the issues. */
  function emit(): ValidationIssue[] {
    const rowLevel = followed().flatMap((s) => [...s.issues.values()].flat());
    const issues = sortIssues([...tableLevel, ...codeLevel, ...rowLevel], tables());
    handlers.onUpdate({ summary: summarizeTables(tables()), issues });
    return issues;
  }

  function fail(error: unknown): void {
    if (handlers.onError) handlers.onError(error);
    else throw error;
  }

  /** Whether an edit of these rows may change where the sheet's tables are: a header row or above the first. */
  function movesTables(state: SheetState, span: RowSpan): boolean {
    return state.tables.some(
      (t) => span.r0 <= t.table.headerRow && (span.r1 >= t.table.headerRow || t === state.tables[0]),
    );
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
        if (!state || c.rows === null || movesTables(state, c.rows)) full.add(c.sheetId);
        else partial.set(c.sheetId, [...(partial.get(c.sheetId) ?? []), c.rows]);
      }
      for (const id of full) partial.delete(id);
      // Sync 1: the changed rows (over each table's columns) and the heads of the sheets to read again.
      const fullLoads = [...full].map((id) => {
        const ws = wb.worksheets.getItem(id);
        ws.load("name");
        return { id, ws, head: queueHead(ws) };
      });
      const rowLoads = [...partial].flatMap(([id, spans]) =>
        sheets.get(id)!.tables.flatMap((t, k) =>
          spans.flatMap((span) => {
            const r0 = Math.max(span.r0, t.table.headerRow + 1);
            const r1 = Math.min(span.r1, t.end - 1);
            // rows of this table, in the columns it reads
            if (r1 < r0 || (span.c0 !== undefined && (span.c0 > t.c1 || span.c1! < t.c0))) return [];
            const range = wb.worksheets.getItem(id).getRangeByIndexes(r0, t.c0, r1 - r0 + 1, t.c1 - t.c0 + 1);
            range.load("values");
            return [{ id, k, span: { r0, r1 }, range }];
          }),
        ),
      );
      // Without rename events (WorksheetCollection.onNameChanged, ExcelApi 1.17), renames are noticed here.
      const names = renameEvents ? undefined : wb.worksheets;
      names?.load("items/id,items/name");
      await b.sync();
      for (const w of names?.items ?? []) {
        const known = sheets.get(w.id)?.name ?? others.get(w.id);
        if (known !== undefined && known !== w.name && !full.has(w.id)) schedule({ sheetId: w.id, rows: null });
      }
      // A header row typed among a table's rows: that sheet is read again.
      const grown = new Set<string>();
      for (const l of rowLoads) {
        const t = sheets.get(l.id)!.tables[l.k]!;
        const grid = { name: t.table.sheet, values: l.range.values as CellValue[][], top: l.span.r0, left: t.c0 };
        if (scanSheetTables(grid).length > 0) grown.add(l.id);
      }
      const heads = fullLoads.map((l) => headRead(l.head));
      for (const id of grown) {
        const ws = wb.worksheets.getItem(id);
        ws.load("name");
        fullLoads.push({ id, ws, head: queueHead(ws) });
      }
      if (grown.size > 0) {
        await b.sync();
        heads.push(...fullLoads.slice(heads.length).map((l) => headRead(l.head)));
      }
      const beyond = fullLoads.flatMap((l, i) => {
        const rect = beyondHead(l.ws.name, heads[i]!);
        return rect === null ? [] : [{ i, ws: l.ws, rect }];
      });
      (await readRects(b, beyond)).forEach((g, k) => (heads[beyond[k]!.i] = { ...g, used: heads[beyond[k]!.i]!.used }));
      lastRowsRead = 0;
      let codesChanged = false;
      fullLoads.forEach((l, i) => {
        const grid = { name: l.ws.name, ...heads[i]! };
        lastRowsRead += grid.values.length;
        adopt(l.id, grid.name, scanSheetTables(grid));
        codesChanged = true;
      });
      for (const l of rowLoads) {
        if (grown.has(l.id)) continue;
        const t = sheets.get(l.id)!.tables[l.k]!;
        const values = l.range.values as CellValue[][];
        lastRowsRead += values.length;
        const read = rowReader(t.table.sheet, t.table.columns, t.c0);
        const rows = values.flatMap((cells, i) => read(cells, l.span.r0 + i) ?? []);
        if (replaceSpan(t, l.span, rows)) codesChanged = true;
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
      const mine = found.flatMap((t, i) => (t.sheet === g.name ? [i] : []));
      adopt(
        g.id,
        g.name,
        mine.map((i) => found[i]!),
        mine.map((i) => byRow[i]!),
      );
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
