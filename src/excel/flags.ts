/**
 * Writes the highlight flags (see FLAGS_SHEET in core/layout): 1 where a cell is invalid, "" where it
 * is fine. Cells' own formats are never touched, so fixing a value gives its own formatting back.
 */
import type { DomainId } from "../core/catalogueTypes";
import { ENTRY_FIELDS } from "../core/entrySchema";
import { FLAGS_SHEET, flagColumn } from "../core/layout";
import { columnLetter } from "../core/layout";
import type { TableRead, ValidationIssue } from "./types";

/** The table whose cells a domain's flag block mirrors: the first table of each domain. */
export function flaggedTables(tables: readonly TableRead[]): Map<DomainId, TableRead> {
  const out = new Map<DomainId, TableRead>();
  for (const t of tables) if (t.domain !== null && !out.has(t.domain)) out.set(t.domain, t);
  return out;
}

function entryColumns(t: TableRead): number[] {
  return ENTRY_FIELDS.map((f) => t.columns[f]).filter((c): c is number => c !== undefined && flagColumn(1, c) !== null);
}

/** Invalid cells by sheet, as "row:col" (0-based) keys. */
function invalidCells(issues: readonly ValidationIssue[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const i of issues) {
    const m = /^([A-Z]+)(\d+)$/.exec(i.address);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
    const key = `${Number(m[2]) - 1}:${col - 1}`;
    if (!out.has(i.sheet)) out.set(i.sheet, new Set());
    out.get(i.sheet)!.add(key);
  }
  return out;
}

/**
 * Queues the flags of rows [r0, r1] (0-based sheet rows) of each table given. Pass every row of
 * every table for a whole validation (with clearFirst), or only the changed rows for a live one.
 */
export function queueFlags(
  workbook: Excel.Workbook,
  flagsSheet: Excel.Worksheet,
  tables: readonly TableRead[],
  issues: readonly ValidationIssue[],
  rowsOf: (t: TableRead) => { r0: number; r1: number }[],
): number {
  const bad = invalidCells(issues);
  let cells = 0;
  for (const [domain, t] of flaggedTables(tables)) {
    const cols = entryColumns(t);
    if (cols.length === 0) continue;
    const c0 = Math.min(...cols);
    const c1 = Math.max(...cols);
    const sheetBad = bad.get(t.sheet) ?? new Set<string>();
    for (const { r0, r1 } of rowsOf(t)) {
      if (r1 < r0) continue;
      const grid: (number | string)[][] = [];
      for (let r = r0; r <= r1; r++) {
        const line: (number | string)[] = [];
        for (let c = c0; c <= c1; c++) line.push(sheetBad.has(`${r}:${c}`) ? 1 : "");
        grid.push(line);
      }
      const f0 = flagColumn(domain, c0)!;
      const f1 = flagColumn(domain, c1)!;
      flagsSheet.getRange(`${columnLetter(f0)}${r0 + 1}:${columnLetter(f1)}${r1 + 1}`).values = grid;
      cells += grid.length * grid[0]!.length;
    }
  }
  void workbook;
  return cells;
}

/** The flags sheet, added (hidden) when the workbook has none. */
export function flagsSheetOf(workbook: Excel.Workbook, existingId: string | undefined): Excel.Worksheet {
  if (existingId !== undefined) return workbook.worksheets.getItem(existingId);
  const ws = workbook.worksheets.add(FLAGS_SHEET);
  ws.visibility = "Hidden" as Excel.SheetVisibility;
  return ws;
}
