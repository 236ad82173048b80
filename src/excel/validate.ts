/**
 * Whole-workbook validation: every objective row through the core entry schema, plus codes and
 * columns; invalid cells highlighted through the flags sheet (values and formats untouched).
 * At most 2 syncs when the session knows the workbook's sheets (read, then flags); 3 on a cold start.
 */
import { FLAGS_SHEET } from "../core/layout";
import { runExcel, type Batch } from "./excelApi";
import { flagsSheetOf, queueFlags } from "./flags";
import { issuesByRow, workbookIssues } from "./issues";
import { dataRows, findSheet, scanTables } from "./scan";
import { loadSnapshot, type Snapshot } from "./snapshot";
import type { TableRead, ValidationIssue } from "./types";

export interface FullValidation {
  snapshot: Snapshot;
  tables: TableRead[];
  issues: ValidationIssue[];
  /** Each table's row issues (issuesByRow), in table order. */
  byRow: Map<number, ValidationIssue[]>[];
}

/** Reads, validates and writes every flag, in the batch given. */
export async function validateAll(b: Batch): Promise<FullValidation> {
  const snapshot = await loadSnapshot(b);
  const tables = scanTables(snapshot);
  const byRow = tables.map(issuesByRow);
  const issues = workbookIssues(tables, byRow);
  if (tables.some((t) => t.domain !== null)) {
    const flags = findSheet(snapshot, FLAGS_SHEET);
    const ws = flagsSheetOf(b.context.workbook, flags?.id);
    if (flags && flags.values.length > 0) ws.getRange().clear("Contents" as Excel.ClearApplyTo);
    queueFlags(ws, tables, issues, (t) => [dataRows(t)]);
    await b.sync();
  }
  return { snapshot, tables, issues, byRow };
}

export async function validateWorkbook(): Promise<ValidationIssue[]> {
  return runExcel(async (b) => (await validateAll(b)).issues);
}
