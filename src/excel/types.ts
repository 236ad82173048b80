/**
 * The contract between the workbook operations (src/excel) and their users (task pane, preview,
 * tests). Everything here is plain data: no Excel proxies cross this line.
 */
import type { DomainId } from "../core/catalogueTypes";
import type { EntryField, RawEntry } from "../core/entrySchema";
import type { Lang } from "../core/language";
import type { ColumnKey } from "../core/layout";
import type { WorkbookSummary } from "../core/summary";
import type { WorkbookIssue } from "../core/workbookIssue";
import type { HeaderCell } from "../core/workbookReader";

export interface InsertOptions {
  lang: Lang;
  city?: string;
  period?: string;
  /** Domains to insert; default all six. */
  domains?: DomainId[];
}

export interface InsertResult {
  /** Sheets created by this call. */
  created: string[];
  /** Domain sheets that already existed and were left untouched (never overwritten). */
  kept: string[];
  /** Set when an older workbook was upgraded: the schema version it had. */
  upgradedFrom?: number;
  syncs: number;
}

/** One objective row as read from a LIAT table. */
export interface RowRead {
  /** Objective code as written in the cell (normalized when it is a code). */
  code: string;
  sheet: string;
  /** 0-based row index on the sheet. */
  rowIndex: number;
  raw: RawEntry;
  /** Address of each entry cell that exists, e.g. { status: "F5" } (no sheet prefix). */
  cells: Partial<Record<EntryField | "code", string>>;
}

export interface TableRead {
  sheet: string;
  table: string | null;
  /** The domain, from the codes of the rows (null when the codes do not tell). */
  domain: DomainId | null;
  /** 0-based sheet row index of the header row, and column index of each known column. */
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** Entry columns the layout expects that the header row lacks. */
  missing: EntryField[];
  rows: RowRead[];
  /** Every header cell of the table with what it was read as (repeated columns marked). */
  headers?: readonly HeaderCell[];
}

export interface WorkbookSettings {
  lang: Lang;
  city: string;
  period: string;
  /** Schema version recorded in the workbook; null when the workbook has no LIAT sheets. */
  schemaVersion: number | null;
}

export interface WorkbookRead {
  settings: WorkbookSettings;
  tables: TableRead[];
}

/** A validation issue of the open workbook (see src/core/workbookIssue.ts). */
export type ValidationIssue = WorkbookIssue;

export interface WorkbookStatus {
  hasLiat: boolean;
  schemaVersion: number | null;
  /** True when the workbook's schema is older than this add-in's and can be upgraded. */
  upgradable: boolean;
  presentDomains: DomainId[];
  missingDomains: DomainId[];
  settings: WorkbookSettings;
}

/** What the live view gets after each change. */
export interface LiveUpdate {
  summary: WorkbookSummary;
  issues: ValidationIssue[];
}
