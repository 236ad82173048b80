/**
 * Validation of LIAT tables as read (pure): every row through the core entry schema, plus codes
 * (unknown, duplicate, missing) and missing columns. Each issue names its sheet and cell.
 */
import { cellAddress } from "../core/a1";
import { getObjective } from "../core/catalogue";
import { validateEntry, type EntryField } from "../core/entrySchema";
import { localizedMessage, quoteValue, type MessageKey, type MessageParams } from "../core/messages";
import { COLUMNS } from "../core/layout";
import type { RowRead, TableRead, ValidationIssue } from "./types";

function issue(sheet: string, address: string, code: string, field: EntryField | "code", key: MessageKey, params?: MessageParams): ValidationIssue {
  return { id: `${sheet}!${address}:${key}`, sheet, address, code, field, key, severity: "error", message: localizedMessage(key, params) };
}

/** Issues of one row's entry cells (code checks excluded: they need the whole workbook). */
export function rowIssues(row: RowRead): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const i of validateEntry(row.raw).issues) {
    const address = row.cells[i.field];
    if (address === undefined) continue; // the column is missing: reported once per table
    out.push({ id: `${row.sheet}!${address}:${i.key}`, sheet: row.sheet, address, code: row.code, field: i.field, key: i.key, severity: i.severity, message: i.message });
  }
  return out;
}

/** Issues about the table itself: entry columns the header row lacks. */
export function tableIssues(table: TableRead): ValidationIssue[] {
  const at = cellAddress(table.headerRow, table.columns.code ?? 0);
  return table.missing.map((f) => {
    const header = COLUMNS.find((c) => c.key === f)!.header;
    const m = localizedMessage("columnMissing", { value: header.en });
    const fr = localizedMessage("columnMissing", { value: header.fr }).fr;
    return { id: `${table.sheet}!${at}:columnMissing:${f}`, sheet: table.sheet, address: at, code: "", field: f, key: "columnMissing", severity: "error", message: { fr, en: m.en } };
  });
}

/** Code issues over every row of the workbook: unknown, duplicate (after the first), missing. */
export function codeIssues(rows: readonly RowRead[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const first = new Map<string, RowRead>();
  for (const r of rows) {
    const address = r.cells.code ?? r.cells.status ?? "A1";
    if (r.code === "") {
      out.push(issue(r.sheet, address, "", "code", "codeMissing"));
      continue;
    }
    if (!getObjective(r.code)) {
      out.push(issue(r.sheet, address, r.code, "code", "codeUnknown", { value: quoteValue(r.code) }));
      continue;
    }
    const seen = first.get(r.code);
    if (seen) {
      out.push(issue(r.sheet, address, r.code, "code", "codeDuplicate", { value: r.code, other: `${seen.sheet}!${seen.cells.code ?? ""}` }));
    } else first.set(r.code, r);
  }
  return out;
}

/** The issues of a table's rows (code checks excluded) by 0-based sheet row; rows without any are left out. */
export function issuesByRow(table: TableRead): Map<number, ValidationIssue[]> {
  const out = new Map<number, ValidationIssue[]>();
  for (const r of table.rows) {
    const list = rowIssues(r);
    if (list.length > 0) out.set(r.rowIndex, list);
  }
  return out;
}

/** Every issue of the tables, in sheet and row order; `byRow` is each table's issuesByRow, when already known. */
export function workbookIssues(tables: readonly TableRead[], byRow = tables.map(issuesByRow)): ValidationIssue[] {
  const out: ValidationIssue[] = [...tables.flatMap(tableIssues), ...codeIssues(tables.flatMap((t) => t.rows))];
  for (const rows of byRow) for (const list of rows.values()) out.push(...list);
  return sortIssues(out, tables);
}

/** Row and column of an address ("F5" → [5, 6]); [0, 0] when it is not a plain cell address. */
function position(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
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
