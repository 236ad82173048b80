/**
 * Live validation: validates the whole workbook once, then listens to worksheet changes and
 * re-validates only the rows that changed (one sync to read them, one to write their flags), and
 * emits the summary and the full issue list after each change.
 */
import type { CellValue } from "../core/excelValues";
import { FLAGS_SHEET } from "../core/layout";
import { summarize } from "../core/summary";
import { excelApi, runExcel } from "./excelApi";
import { flaggedTables, flagsSheetOf, queueFlags } from "./flags";
import { codeIssues, rowIssues, sortIssues, tableIssues } from "./issues";
import { HEADER_SEARCH_ROWS, isSystemSheet, readRow, scanSheet } from "./scan";
import type { SheetGrid } from "./snapshot";
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

interface Change {
  sheetId: string;
  /** 0-based rows, or null for "the whole sheet". */
  rows: { r0: number; r1: number } | null;
}

interface SheetState {
  id: string;
  table: TableRead;
  /** Row issues by 0-based sheet row. */
  rows: Map<number, RowRead>;
  issues: Map<number, ValidationIssue[]>;
}

/** Rows of an A1 address ("F5", "F5:G7", "5:7"), 0-based; null for whole columns or unreadable ones. */
export function addressRows(address: string): { r0: number; r1: number } | null {
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
  let flagsId: string | undefined;
  let tableLevel: ValidationIssue[] = [];
  let codeLevel: ValidationIssue[] = [];
  let pending: Change[] = [];
  let running: Promise<void> = Promise.resolve();
  let disposed = false;
  let lastRowsRead = 0;

  const allRows = () => [...sheets.values()].flatMap((s) => [...s.rows.values()].sort((a, b) => a.rowIndex - b.rowIndex));
  const tables = () => [...sheets.values()].map((s) => s.table);

  function adopt(id: string, table: TableRead): void {
    const rows = new Map(table.rows.map((r) => [r.rowIndex, r]));
    const issues = new Map<number, ValidationIssue[]>();
    for (const r of table.rows) {
      const list = rowIssues(r);
      if (list.length > 0) issues.set(r.rowIndex, list);
    }
    sheets.set(id, { id, table, rows, issues });
  }

  function rebuildTableLevel(): void {
    tableLevel = tables().flatMap(tableIssues);
    codeLevel = codeIssues(allRows());
  }

  function issues(): ValidationIssue[] {
    const rowLevel = [...sheets.values()].flatMap((s) => [...s.issues.values()].flat());
    return sortIssues([...tableLevel, ...codeLevel, ...rowLevel], tables());
  }

  function emit(): void {
    const summary = summarize(allRows().map((r) => ({ code: r.code, status: r.raw.status })));
    handlers.onUpdate({ summary, issues: issues() });
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
      const partial = new Map<string, { r0: number; r1: number }[]>();
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
        ws.load("id,name");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("values,rowIndex,columnIndex");
        return { id, ws, used };
      });
      const rowLoads = [...partial].flatMap(([id, spans]) => {
        const s = sheets.get(id)!;
        const cols = Object.values(s.table.columns) as number[];
        const c0 = Math.min(...cols);
        const c1 = Math.max(...cols);
        return spans.map((span) => {
          const range = wb.worksheets.getItem(id).getRangeByIndexes(span.r0, c0, span.r1 - span.r0 + 1, c1 - c0 + 1);
          range.load("values");
          return { id, span, c0, range };
        });
      });
      const flagsProbe = wb.worksheets.getItemOrNullObject(FLAGS_SHEET);
      flagsProbe.load("id");
      await b.sync();
      flagsId = flagsProbe.isNullObject ? undefined : flagsProbe.id;
      lastRowsRead = 0;
      let codesChanged = false;
      const flagged: { t: TableRead; spans: { r0: number; r1: number }[] }[] = [];
      for (const l of fullLoads) {
        const grid: SheetGrid = {
          id: l.id,
          name: l.ws.name,
          visibility: "Visible",
          protected: false,
          passwordProtected: false,
          values: l.used.isNullObject ? [] : (l.used.values as CellValue[][]),
          top: l.used.isNullObject ? 0 : l.used.rowIndex,
          left: l.used.isNullObject ? 0 : l.used.columnIndex,
        };
        lastRowsRead += grid.values.length;
        const table = isSystemSheet(grid.name) || grid.name === FLAGS_SHEET ? null : scanSheet(grid);
        if (table) {
          adopt(l.id, table);
          others.delete(l.id);
          const last = Math.max(table.headerRow + 1, ...table.rows.map((r) => r.rowIndex));
          flagged.push({ t: table, spans: [{ r0: table.headerRow + 1, r1: last }] });
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
        values.forEach((cells, i) => {
          const rowIndex = l.span.r0 + i;
          const before = s.rows.get(rowIndex);
          const row = readRow(s.table.sheet, rowIndex, cells, l.c0, s.table.columns);
          if (row) s.rows.set(rowIndex, row);
          else s.rows.delete(rowIndex);
          if ((before?.code ?? null) !== (row?.code ?? null)) codesChanged = true;
          const list = row ? rowIssues(row) : [];
          if (list.length > 0) s.issues.set(rowIndex, list);
          else s.issues.delete(rowIndex);
        });
        s.table = { ...s.table, rows: [...s.rows.values()].sort((a, b) => a.rowIndex - b.rowIndex) };
        flagged.push({ t: s.table, spans: [l.span] });
      }
      if (codesChanged) rebuildTableLevel();
      // The summary and issues are known now: report them before the flags are written, so the
      // pane refreshes after one sync.
      emit();
      // Sync 2: the flags of the rows read (tables that own their domain's flag block only).
      const owners = new Set([...flaggedTables(tables()).values()].map((t) => t.sheet));
      const toFlag = flagged.filter((f) => owners.has(f.t.sheet));
      if (toFlag.length > 0) {
        const ws = flagsSheetOf(wb, flagsId);
        if (flagsId === undefined) ws.load("id");
        const all = issues();
        for (const f of toFlag) queueFlags(wb, ws, [f.t], all, () => f.spans);
        await b.sync();
        if (flagsId === undefined) flagsId = ws.id;
      }
    });
  }

  function schedule(change: Change): void {
    pending.push(change);
    running = running.then(processPending).catch(fail);
  }

  // Whole validation first, then subscribe.
  const ready = runExcel(async (b) => {
    const { snapshot, tables: found } = await validateAll(b);
    for (const g of snapshot.sheets) {
      const t = found.find((x) => x.sheet === g.name);
      if (t) adopt(g.id, t);
      else others.set(g.id, g.name);
      if (g.name.toLowerCase() === FLAGS_SHEET.toLowerCase()) flagsId = g.id;
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
    const onRenamed = ws.onNameChanged.add(async (e: Excel.WorksheetNameChangedEventArgs) => {
      if (disposed) return;
      schedule({ sheetId: e.worksheetId, rows: null });
    });
    await b.sync();
    return [onChanged, onDeleted, onRenamed];
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
