/**
 * Validation of LIAT tables as read (pure): every row through the core entry schema, plus codes
 * (unknown, duplicate, missing) and missing columns, by the rules of core/tableChecks.ts that the
 * consolidation applies too. Each issue names its sheet and cell.
 */
import { codeIssues, columnIssues, entryIssues } from "../core/tableChecks";
import type { TableRead, ValidationIssue } from "./types";
import { parseCellAddress } from "../core/a1";

/** The issues of a table's rows (code checks excluded) by 0-based sheet row; rows without any are left out. */
export function issuesByRow(table: TableRead): Map<number, ValidationIssue[]> {
  const out = new Map<number, ValidationIssue[]>();
  for (const r of table.rows) {
    const list = entryIssues(r);
    if (list.length > 0) out.set(r.rowIndex, list);
  }
  return out;
}

/** Every issue of the tables, in sheet and row order; `byRow` is each table's issuesByRow, when already known. */
export function workbookIssues(tables: readonly TableRead[], byRow = tables.map(issuesByRow)): ValidationIssue[] {
  const out: ValidationIssue[] = [...tables.flatMap(columnIssues), ...codeIssues(tables.flatMap((t) => t.rows))];
  for (const rows of byRow) for (const list of rows.values()) out.push(...list);
  return sortIssues(out, tables);
}

/** Row and column of an address ("F5" → [5, 6]); [0, 0] when it is not a plain cell address. */
function position(address: string): [number, number] {
  const p = parseCellAddress(address);
  return p === null ? [0, 0] : [p.row + 1, p.column + 1];
}

/** Sorts issues in place by sheet (in table order), row and column; ties keep their order. */
export function sortIssues(issues: ValidationIssue[], tables: readonly TableRead[]): ValidationIssue[] {
  const sheetOrder = new Map(tables.map((t, i) => [t.sheet, i]));
  // Each address is read once, not once per comparison.
  const keyed = issues.map((issue) => {
    const [row, col] = position(issue.address);
    return { issue, sheet: sheetOrder.get(issue.sheet) ?? 999, row, col };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col);
  keyed.forEach((k, i) => (issues[i] = k.issue));
  return issues;
}
