/**
 * Whole-workbook validation: every objective row through the core entry schema, plus codes and
 * columns. Reads only: the workbook shows invalid cells by itself (native Check column and highlight
 * rules, src/core/nativeChecks.ts). One sync when the session knows the workbook's sheets, 2 on a cold start.
 */
import { runExcel, type Batch } from "./excelApi";
import { issuesByRow, workbookIssues } from "./issues";
import { scanTables } from "./scan";
import { loadSnapshot, type Snapshot } from "./snapshot";
import type { TableRead, ValidationIssue } from "./types";

export interface FullValidation {
  snapshot: Snapshot;
  tables: TableRead[];
  issues: ValidationIssue[];
  /** Each table's row issues (issuesByRow), in table order. */
  byRow: Map<number, ValidationIssue[]>[];
}

/** Reads and validates every table, in the batch given. Writes nothing. */
export async function validateAll(b: Batch): Promise<FullValidation> {
  const snapshot = await loadSnapshot(b);
  const tables = scanTables(snapshot);
  const byRow = tables.map(issuesByRow);
  const issues = workbookIssues(tables, byRow);
  return { snapshot, tables, issues, byRow };
}

export async function validateWorkbook(): Promise<ValidationIssue[]> {
  return runExcel(async (b) => (await validateAll(b)).issues);
}
