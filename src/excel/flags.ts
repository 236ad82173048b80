/**
 * Writes the highlight flags (see FLAGS_SHEET in core/layout): 1 where a cell is invalid, "" where it
 * is fine. Cells' own formats are never touched, so fixing a value gives its own formatting back.
 */
import { columnLetter } from "../core/a1";
import { ENTRY_FIELDS } from "../core/entrySchema";
import { FLAGS_SHEET, flagColumn } from "../core/layout";
import { firstTableOfDomain } from "./scan";
import type { TableRead, ValidationIssue } from "./types";

/** A 0-based span of sheet rows, both ends included. */
export interface RowSpan {
  r0: number;
  r1: number;
}

function entryColumns(t: TableRead): number[] {
  return ENTRY_FIELDS.map((f) => t.columns[f]).filter((c): c is number => c !== undefined && flagColumn(1, c) !== null);
}

/** Addresses of the invalid cells, by sheet. */
function invalidCells(issues: readonly ValidationIssue[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const i of issues) {
    const set = out.get(i.sheet);
    if (set) set.add(i.address);
    else out.set(i.sheet, new Set([i.address]));
  }
  return out;
}

/**
 * Queues the flags of the row spans `rowsOf` gives for each table that owns its domain's flag block
 * (the first of its domain). Pass every row of every table for a whole validation, or only the
 * changed rows for a live one.
 */
export function queueFlags(
  flagsSheet: Excel.Worksheet,
  tables: readonly TableRead[],
  issues: readonly ValidationIssue[],
  rowsOf: (t: TableRead) => readonly RowSpan[],
): void {
  const bad = invalidCells(issues);
  for (const [domain, t] of firstTableOfDomain(tables)) {
    const cols = entryColumns(t);
    if (cols.length === 0) continue;
    const c0 = Math.min(...cols);
    const c1 = Math.max(...cols);
    const letters = Array.from({ length: c1 - c0 + 1 }, (_, i) => columnLetter(c0 + i));
    const sheetBad = bad.get(t.sheet) ?? new Set<string>();
    const f0 = columnLetter(flagColumn(domain, c0)!);
    const f1 = columnLetter(flagColumn(domain, c1)!);
    for (const { r0, r1 } of rowsOf(t)) {
      if (r1 < r0) continue;
      const grid: (number | string)[][] = [];
      for (let r = r0; r <= r1; r++) grid.push(letters.map((letter) => (sheetBad.has(`${letter}${r + 1}`) ? 1 : "")));
      flagsSheet.getRange(`${f0}${r0 + 1}:${f1}${r1 + 1}`).values = grid;
    }
  }
}

/** The flags sheet, added (hidden) when the workbook has none. */
export function flagsSheetOf(workbook: Excel.Workbook, existingId: string | undefined): Excel.Worksheet {
  if (existingId !== undefined) return workbook.worksheets.getItem(existingId);
  const ws = workbook.worksheets.add(FLAGS_SHEET);
  ws.visibility = "Hidden" as Excel.SheetVisibility;
  return ws;
}
