/**
 * Validation of LIAT tables as read (pure): every row through the core entry schema, plus codes
 * (unknown, duplicate, missing) and missing columns. Each issue names its sheet and cell.
 */
import { getObjective } from "../core/catalogue";
import { validateEntry, type EntryField } from "../core/entrySchema";
import { localizedMessage, quoteValue, type MessageKey, type MessageParams } from "../core/messages";
import { COLUMNS } from "../core/layout";
import { cellAddress } from "./scan";
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

/** Every issue of the tables, in sheet and row order. */
export function workbookIssues(tables: readonly TableRead[]): ValidationIssue[] {
  const rows = tables.flatMap((t) => t.rows);
  const out: ValidationIssue[] = [...tables.flatMap(tableIssues), ...codeIssues(rows)];
  for (const r of rows) out.push(...rowIssues(r));
  return sortIssues(out, tables);
}

export function sortIssues(issues: ValidationIssue[], tables: readonly TableRead[]): ValidationIssue[] {
  const sheetOrder = new Map(tables.map((t, i) => [t.sheet, i]));
  const key = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
    return [Number(m[2]), col];
  };
  return issues.sort((a, b) => {
    const s = (sheetOrder.get(a.sheet) ?? 999) - (sheetOrder.get(b.sheet) ?? 999);
    if (s !== 0) return s;
    const [ra, ca] = key(a.address);
    const [rb, cb] = key(b.address);
    return ra! - rb! || ca! - cb!;
  });
}
