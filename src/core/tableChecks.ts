/**
 * The checks of a LIAT table that go beyond one row's entries: missing columns and objective codes
 * (missing, unknown, duplicate), plus each row's entry issues located at their cells. The add-in
 * (src/excel/issues.ts, over the open workbook) and the consolidation (src/core/consolidate.ts,
 * over received files) both report through these functions, so one workbook gets the same issues,
 * with the same severities, wherever it is checked.
 *
 * The rules:
 * - A missing entry column is an error when a rule of the schema needs it (Status, Responsible
 *   service, Evidence, Currency), otherwise a warning. It is reported once, at the table's header;
 *   the rows are not also told that its cells are empty.
 * - A row without a code, or with a code that is not a LIAT objective, is an error when the row holds
 *   an entry (that entry cannot be counted) and a warning when it holds none (a stray line).
 * - A code seen before in the workbook is an error; only its first row counts.
 */
import { cellAddress } from "./a1";
import { getObjective } from "./catalogue";
import { isBlankEntry, validateEntry, type EntryField, type RawEntry, type Severity } from "./entrySchema";
import { LANGUAGES, type Localized } from "./language";
import { COLUMNS, type ColumnKey } from "./layout";
import { formatMessage, localizedMessage, quoteValue, type MessageKey } from "./messages";
import type { WorkbookIssue } from "./workbookIssue";
import { duplicateColumnMessage, isRepeatedEntry, type HeaderCell } from "./workbookReader";

/** What the checks need of a table: where its header is, which columns it has. */
export interface CheckedTableShape {
  sheet: string;
  /** 0-based sheet row of the header. */
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  missing: readonly EntryField[];
  /** The header cells, when known: a repeated column is reported. */
  headers?: readonly HeaderCell[];
}

/** What the checks need of a row. */
export interface CheckedRowShape {
  sheet: string;
  code: string;
  raw: RawEntry;
  cells: Partial<Record<EntryField | "code", string>>;
}

/** Entry columns whose absence breaks a rule of the schema. */
const COLUMNS_RULES_NEED: ReadonlySet<EntryField> = new Set<EntryField>([
  "status",
  "responsible",
  "evidence",
  "currency",
]);

function makeIssue(
  sheet: string,
  address: string,
  code: string,
  field: EntryField | "code",
  key: MessageKey,
  severity: Severity,
  message: Localized,
): WorkbookIssue {
  const id = key === "columnMissing" ? `${sheet}!${address}:${key}:${field}` : `${sheet}!${address}:${key}`;
  return { id, sheet, address, code, field, key, severity, message };
}

/** The columns the table lacks (at the header's code cell) and the ones it repeats (at the repeat). */
export function columnIssues(table: CheckedTableShape): WorkbookIssue[] {
  return [...missingColumnIssues(table), ...duplicateColumnIssues(table)];
}

/** A repeated entry or code column, at its header cell: its cells are not read (an error). */
function duplicateColumnIssues(table: CheckedTableShape): WorkbookIssue[] {
  return (table.headers ?? []).flatMap((h) => {
    if (!isRepeatedEntry(h)) return [];
    const message = duplicateColumnMessage(h, cellAddress(table.headerRow, h.duplicateOf!));
    const field = h.key === "code" ? "code" : (h.key as EntryField);
    return [
      makeIssue(table.sheet, cellAddress(table.headerRow, h.column), "", field, "columnDuplicate", "error", message),
    ];
  });
}

function missingColumnIssues(table: CheckedTableShape): WorkbookIssue[] {
  const at = cellAddress(table.headerRow, table.columns.code ?? 0);
  return table.missing.map((field) => {
    const header = COLUMNS.find((c) => c.key === field)!.header;
    const message = Object.fromEntries(
      LANGUAGES.map((lang) => [lang, formatMessage("columnMissing", lang, { value: header[lang] })]),
    ) as Localized;
    return makeIssue(
      table.sheet,
      at,
      "",
      field,
      "columnMissing",
      COLUMNS_RULES_NEED.has(field) ? "error" : "warning",
      message,
    );
  });
}

/** The entry issues of one row at their cells; a missing column's cells are left to columnIssues. */
export function entryIssues(row: CheckedRowShape): WorkbookIssue[] {
  const out: WorkbookIssue[] = [];
  for (const i of validateEntry(row.raw).issues) {
    const address = row.cells[i.field];
    if (address === undefined) continue;
    out.push(makeIssue(row.sheet, address, row.code, i.field, i.key, i.severity, i.message));
  }
  return out;
}

/** The code check of one row: its issue, if any, and whether the row is the one that counts for its code. */
export interface CodeCheck {
  issue: WorkbookIssue | null;
  counted: boolean;
}

/** The check of a row that counts for its code (no issue): one object for all of them. */
const COUNTED: CodeCheck = Object.freeze({ issue: null, counted: true });

/**
 * A checker of the codes of a workbook's rows, called on each row in reading order (rows may be
 * checked as they stream by: only the first row of each code is kept).
 */
export function codeChecker(): (r: CheckedRowShape) => CodeCheck {
  /** Each code's first row ("Sheet!A5"), and the message of its duplicates once one is seen. */
  const first = new Map<string, { at: string; duplicate?: Localized }>();
  const fault = (r: CheckedRowShape, key: MessageKey, severity: Severity, message: Localized): CodeCheck => ({
    issue: makeIssue(r.sheet, r.cells.code ?? r.cells.status ?? "A1", r.code, "code", key, severity, message),
    counted: false,
  });
  const stray = (r: CheckedRowShape): Severity => (isBlankEntry(r.raw) ? "warning" : "error");
  return (r) => {
    if (r.code === "") return fault(r, "codeMissing", stray(r), localizedMessage("codeMissing"));
    if (getObjective(r.code) === undefined)
      return fault(r, "codeUnknown", stray(r), localizedMessage("codeUnknown", { value: quoteValue(r.code) }));
    const seen = first.get(r.code);
    if (seen !== undefined) {
      // the same message for every repeat of a code (a large table repeats its codes on many rows)
      seen.duplicate ??= localizedMessage("codeDuplicate", { value: r.code, other: seen.at });
      return fault(r, "codeDuplicate", "error", seen.duplicate);
    }
    first.set(r.code, { at: `${r.sheet}!${r.cells.code ?? ""}` });
    return COUNTED;
  };
}

/** Checks the codes of every row of a workbook, in reading order. The result is aligned with `rows`. */
export function codeChecks(rows: readonly CheckedRowShape[]): CodeCheck[] {
  return rows.map(codeChecker());
}

/** The code issues of every row of a workbook. */
export function codeIssues(rows: readonly CheckedRowShape[]): WorkbookIssue[] {
  return codeChecks(rows).flatMap((c) => (c.issue ? [c.issue] : []));
}
