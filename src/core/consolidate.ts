/**
 * Checking and consolidating workbooks received back, over the plain workbook model: LIAT tables
 * found by header row, every row validated, one consolidation row per source and objective with
 * the source named (file, city, period, sheet, cell), and a summary per source. Unknown and
 * duplicate codes and missing columns are reported; nothing is silently dropped; a source merged
 * twice is not duplicated. Values from other people's files stay plain values (writers write
 * strings as text). No spreadsheet library here: the command line and the task pane share it.
 */
import { getObjective } from "./catalogue";
import type { DomainId } from "./catalogueTypes";
import { codeToDomain } from "./codes";
import { ENTRY_FIELDS, MAX_CELL_TEXT, type EntryField, type RawEntry } from "./entrySchema";
import { isBlank, type CellValue } from "./excelValues";
import consolidationTexts from "./i18n/en/consolidation.json";
import { localized, text } from "./i18n/texts";
import type { Lang, Localized } from "./language";
import { COLUMNS, DOMAIN_IDS, type ColumnKey } from "./layout";
import type { MessageParams } from "./messages";
import { ratingLabel } from "./rating";
import { parseStatus } from "./status";
import { summarize, type WorkbookSummary } from "./summary";
import { codeChecker, columnIssues, entryIssues } from "./tableChecks";
import {
  findSheetTables,
  findTables,
  tableMarks,
  tableRows,
  fingerprint,
  readCoverSettings,
  type CoverSettings,
  type FoundRow,
  type FoundTable,
  type UnreadableReason,
  type UnreadCell,
  type WorkbookData,
} from "./workbookReader";
import { cellAddress } from "./a1";
import { citySource, type CitySource } from "./cityPeriods";

/** One issue of a workbook, located by sheet and cell: the same shape in the add-in and here. */
export type { WorkbookIssue } from "./workbookIssue";
import type { WorkbookIssue } from "./workbookIssue";

/** One objective row of a checked workbook. */
export interface CheckedRow {
  code: string;
  /** True when the code is a LIAT objective and this is its first row in the workbook. */
  counted: boolean;
  domain: DomainId | null;
  sheet: string;
  rowIndex: number;
  /** Address of the code cell, e.g. "A5". */
  address: string;
  /** The entry cells as read (plain values; blank columns and missing columns are null). */
  values: Record<EntryField, CellValue>;
  /** Address of the code cell and of each entry cell the table has, e.g. { code: "A5", status: "F5" }. */
  cells: Partial<Record<EntryField | "code", string>>;
  /** 0-100, "NA" for not applicable, null for blank or unreadable. */
  points: number | "NA" | null;
  issues: WorkbookIssue[];
}

export interface CheckedWorkbook {
  fileName: string;
  settings: CoverSettings;
  tables: FoundTable[];
  rows: CheckedRow[];
  /** Non-empty cells of the tables that are not read (a repeated column's), with the reason. */
  unread: UnreadCell[];
  /** Every issue: table-level (missing and repeated columns) first, then row by row. */
  issues: WorkbookIssue[];
  summary: WorkbookSummary;
  errors: number;
  warnings: number;
}

const layoutColumn = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!;

/** A cell as a checked row holds it: blank as null. */
const present = (v: CellValue): CellValue => (isBlank(v) ? null : v);

/**
 * Every entry cell of a row, blank and missing ones as null, in ENTRY_FIELDS order (the order JSON writes them in).
 * Written out as one object literal: made at once, in its final shape, for each row (not field by field).
 */
const entryValues = (raw: RawEntry): Record<EntryField, CellValue> => ({
  status: present(raw.status),
  responsible: present(raw.responsible),
  partners: present(raw.partners),
  targetGroups: present(raw.targetGroups),
  start: present(raw.start),
  end: present(raw.end),
  budget: present(raw.budget),
  currency: present(raw.currency),
  beneficiaries: present(raw.beneficiaries),
  evidence: present(raw.evidence),
  comments: present(raw.comments),
});

/** A checker of a workbook's rows, in reading order (rows may stream by: only each code's first row is kept). */
function rowChecker(): (r: FoundRow, unknown?: ReadonlySet<EntryField | "code">) => CheckedRow {
  const codes = codeChecker();
  return (r, unknown) => {
    const values = entryValues(r.raw);
    const { issue: codeIssue, counted } = codes(r);
    // the code's issue first, then the entry's (a fresh array: no copy)
    let issues = entryIssues(r);
    if (codeIssue) issues.unshift(codeIssue);
    // A formula without a saved result is blank here but not empty: it is listed as not merged, and
    // gets no issue of its own ("enter the status" would be wrong: the sender did fill it in).
    if (unknown !== undefined) issues = issues.filter((i) => !unknown.has(i.field));
    const status = parseStatus(values.status);
    return {
      code: r.code,
      counted,
      domain: r.codeReadable ? codeToDomain(r.code) : null,
      sheet: r.sheet,
      rowIndex: r.rowIndex,
      address: r.cells.code!,
      values,
      cells: r.cells,
      points: status.kind === "level" ? status.points : status.kind === "na" ? "NA" : null,
      issues,
    };
  };
}

/**
 * Checks a workbook as plain data: finds its LIAT tables, validates every row, reports unknown,
 * missing and duplicate codes and missing columns, and summarises it. Returns null when the
 * workbook has no LIAT table.
 */
export function checkWorkbook(wb: WorkbookData): CheckedWorkbook | null {
  const tables = findTables(wb.sheets);
  if (tables.length === 0) return null;
  const settings = readCoverSettings(wb.sheets);
  const issues: WorkbookIssue[] = tables.flatMap(columnIssues);
  const check = rowChecker();
  const rows: CheckedRow[] = [];
  const unread: UnreadCell[] = [];
  for (const t of tables) {
    const marks = tableMarks(
      wb.sheets.find((s) => s.name === t.sheet)!,
      t,
    );
    for (const u of t.unread) unread.push(u);
    for (const u of marks.cells) unread.push(u);
    for (const r of t.rows) {
      const row = check(r, marks.unknown.get(r.rowIndex));
      rows.push(row);
      for (const i of row.issues) issues.push(i);
    }
  }
  const summary = summarize(rows.filter((r) => r.counted).map((r) => ({ code: r.code, status: r.values.status })));
  return {
    fileName: wb.fileName,
    settings,
    tables,
    rows,
    unread,
    issues,
    summary,
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
  };
}

/** The source a consolidation row comes from. */
export interface ConsolidationSource {
  /** Identity of the content: the bytes' hash when known, else a fingerprint of the values. */
  key: string;
  fileName: string;
  city: string;
  period: string;
  lang: Lang | null;
  schemaVersion: number | null;
}

export interface ConsolidationRow extends CheckedRow {
  source: ConsolidationSource;
}

export interface SourceSummary {
  source: ConsolidationSource;
  summary: WorkbookSummary;
  tables: number;
  rows: number;
  errors: number;
  warnings: number;
  /** Table-level issues (missing and repeated columns), which belong to no row. */
  tableIssues: WorkbookIssue[];
  /** Which header cell was read as which column (null: not a LIAT column, not read). */
  columns: ColumnRead[];
}

/** One header cell of a source's table and what it was read as. */
export interface ColumnRead {
  sheet: string;
  /** The header cell, e.g. "F4". */
  cell: string;
  header: string;
  /** The layout column it was read as; null when it names none (its cells are not read). */
  readAs: ColumnKey | null;
  /** Set when the column repeats an earlier one of the table (its cells are listed as not merged). */
  repeats?: string;
}

/** A non-empty entry cell of a readable workbook that is not in the consolidation, and why. */
export interface NotMergedCell {
  fileName: string;
  sheet: string;
  cell: string;
  value: CellValue;
  reason: Localized;
}

export interface UnreadableFile {
  fileName: string;
  reason: UnreadableReason;
  message: Localized;
  /** Technical detail from the reader, when there is one (not translated). */
  detail?: string;
}

export interface ConsolidationResult {
  sources: SourceSummary[];
  rows: ConsolidationRow[];
  /** Entry cells of readable workbooks that are not merged, each with file, sheet, cell and reason. */
  notMerged: NotMergedCell[];
  /** Files not merged, with the reason (duplicates included: nothing is skipped silently). */
  unreadable: UnreadableFile[];
}

/**
 * The localized message for an unreadable file: `params` fills the message's placeholders
 * ({{other}}, {{limit}}, {{part}}, {{sheet}}); a string is the file a duplicate repeats ({{other}}).
 */
export function unreadableMessage(reason: UnreadableReason, params: string | MessageParams = ""): Localized {
  return localized(`unreadable:${reason}`, typeof params === "string" ? { other: params } : params);
}

/**
 * Rows handed to `onRows` at a time: a large table goes out in pieces, never whole. Few enough that the rows
 * waiting for the writers die young (a larger chunk outlives collections of the young generation: each one
 * copies it, then moves it to the old one, which a large merge then has to collect too).
 */
const ROWS_CHUNK = 200;

/**
 * Collects received workbooks one by one (so a caller can report progress and free each file).
 * The same content added twice (same hash, or same fingerprint when there is no hash) is listed
 * as a duplicate, not merged again.
 */
export class Consolidator {
  /**
   * With `onRows`, each source's rows go to it as they are merged and are not kept (a writer
   * streams them out, so memory stays flat however many files there are); result().rows is then [].
   * With `onSource`, each source's summary and its cells not merged go to it the same way, once its
   * rows are out; result().sources and result().notMerged are then [] (see the counts).
   */
  constructor(
    private readonly onRows?: (rows: readonly ConsolidationRow[]) => void,
    private readonly onSource?: (source: SourceSummary, notMerged: readonly NotMergedCell[]) => void,
  ) {}

  private merged = { sources: 0, rows: 0, notMerged: 0 };

  private readonly sources: SourceSummary[] = [];
  private readonly rows: ConsolidationRow[] = [];
  private readonly notMerged: NotMergedCell[] = [];
  private readonly unreadable: UnreadableFile[] = [];
  private readonly byKey = new Map<string, string>();

  /** Adds a readable workbook; returns what happened to it. */
  add(wb: WorkbookData): "merged" | UnreadableReason {
    const key = wb.hash ?? fingerprint(wb.sheets);
    const previous = this.byKey.get(key);
    if (previous !== undefined) {
      this.unreadable.push({
        fileName: wb.fileName,
        reason: "duplicate",
        message: unreadableMessage("duplicate", previous),
      });
      return "duplicate";
    }
    // Tables without their rows: the rows are read, checked and handed on as they come.
    const bySheet = wb.sheets.map((sheet) => ({ sheet, tables: findSheetTables(sheet, { rows: false }) }));
    const tables = bySheet.flatMap((s) => s.tables);
    if (tables.length === 0) {
      this.addUnreadable(wb.fileName, "noLiatTable");
      return "noLiatTable";
    }
    this.byKey.set(key, wb.fileName);
    const settings = readCoverSettings(wb.sheets);
    // One object shared by every row of the source, frozen: a writer may encode it once for all of them.
    const source: ConsolidationSource = Object.freeze({
      key,
      fileName: wb.fileName,
      city: settings.city,
      period: settings.period,
      lang: settings.lang,
      schemaVersion: settings.schemaVersion,
    });
    const tableIssues = tables.flatMap(columnIssues);
    let errors = tableIssues.filter((i) => i.severity === "error").length;
    let warnings = tableIssues.length - errors;
    // Rows go out in chunks as they are checked: only each code's first row is kept, for the summary.
    const counted: { code: string; status: CellValue }[] = [];
    const check = rowChecker();
    let chunk: ConsolidationRow[] = [];
    let rowCount = 0;
    const notMerged: NotMergedCell[] = [];
    const notMergedCell = (u: UnreadCell) =>
      notMerged.push({ fileName: wb.fileName, sheet: u.sheet, cell: u.address, value: u.value, reason: u.reason });
    for (const { sheet, tables: onSheet } of bySheet)
      for (const t of onSheet) {
        for (const u of t.unread) notMergedCell(u);
        const marks = tableMarks(sheet, t);
        for (const u of marks.cells) notMergedCell(u);
        for (const r of tableRows(sheet, t)) {
          // the checked row itself, completed with its source (no copy per row)
          const row = check(r, marks.unknown.get(r.rowIndex)) as ConsolidationRow;
          row.source = source;
          rowCount++;
          for (const i of row.issues)
            if (i.severity === "error") errors++;
            else warnings++;
          if (row.counted) counted.push({ code: row.code, status: row.values.status });
          chunk.push(row);
          if (chunk.length >= ROWS_CHUNK) {
            this.emit(chunk);
            chunk = [];
          }
        }
      }
    this.emit(chunk);
    const summary: SourceSummary = {
      source,
      summary: summarize(counted),
      tables: tables.length,
      rows: rowCount,
      errors,
      warnings,
      tableIssues,
      columns: tables.flatMap((t) =>
        t.headers.map((h) => ({
          sheet: t.sheet,
          cell: cellAddress(t.headerRow, h.column),
          header: h.text,
          readAs: h.key,
          ...(h.duplicateOf !== undefined ? { repeats: cellAddress(t.headerRow, h.duplicateOf) } : {}),
        })),
      ),
    };
    this.merged.sources++;
    this.merged.rows += rowCount;
    this.merged.notMerged += notMerged.length;
    if (this.onSource) this.onSource(summary, notMerged);
    else {
      this.sources.push(summary);
      for (const n of notMerged) this.notMerged.push(n);
    }
    return "merged";
  }

  private emit(rows: ConsolidationRow[]): void {
    if (rows.length === 0) return;
    if (this.onRows) this.onRows(rows);
    else for (const r of rows) this.rows.push(r);
  }

  /** Lists a file that could not be read, with the reason (and what fills its message: limit, part, sheet). */
  addUnreadable(fileName: string, reason: UnreadableReason, detail?: string, params?: MessageParams): void {
    this.unreadable.push({
      fileName,
      reason,
      message: unreadableMessage(reason, params),
      ...(detail ? { detail } : {}),
    });
  }

  /** Rows merged so far (counted also when they are streamed out). */
  get rowCount(): number {
    return this.merged.rows;
  }

  /** Sources merged so far (counted also when they are handed on). */
  get sourceCount(): number {
    return this.merged.sources;
  }

  /** Entry cells not merged so far (counted also when they are handed on). */
  get notMergedCount(): number {
    return this.merged.notMerged;
  }

  result(): ConsolidationResult {
    return {
      sources: [...this.sources],
      rows: [...this.rows],
      notMerged: [...this.notMerged],
      unreadable: [...this.unreadable],
    };
  }
}

/** Consolidates workbooks already read (unreadable files are added by the caller). */
export function consolidate(workbooks: readonly WorkbookData[]): ConsolidationResult {
  const c = new Consolidator();
  for (const wb of workbooks) c.add(wb);
  return c.result();
}

/**
 * Rows of an earlier consolidation merged with a new one, without duplicates: the new run
 * replaces every earlier row from the same source (same content key or same file name).
 */
export function replaceSources<T extends { source: ConsolidationSource }>(
  earlier: readonly T[],
  incoming: readonly T[],
): T[] {
  const keys = new Set(incoming.map((r) => r.source.key));
  const files = new Set(incoming.map((r) => r.source.fileName));
  return [...earlier.filter((r) => !keys.has(r.source.key) && !files.has(r.source.fileName)), ...incoming];
}

// ---------------------------------------------------------------------------------------------
// Tables to write: the same 2-D blocks for the command line (ExcelJS) and the task pane.

export interface TextTable {
  headers: string[];
  rows: CellValue[][];
  /** Number format of the numbers of a column, by 0-based column (other columns: "General"). */
  numberFormats: Record<number, string>;
  /** Width in characters of a column, by 0-based column (other columns: the writer's default). */
  widths: Record<number, number>;
}

/**
 * A value from a received file as a writer puts it in a cell: blank as null, text cut to what an
 * Excel cell holds, a number that is not finite as text. Writers give every string the text format.
 */
export function cellData(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}

type ConsolidationTextKey = keyof typeof consolidationTexts;

/** Sheet names and column headers of the consolidation, in every language (texts `consolidation:*`). */
export const CONSOLIDATION_TEXT = Object.fromEntries(
  (Object.keys(consolidationTexts) as ConsolidationTextKey[]).map((k) => [k, localized(`consolidation:${k}`)]),
) as Record<ConsolidationTextKey, Localized>;

/** The consolidation sheet's columns before the entry columns: file, city, period, sheet, cell, code, domain, objective. */
const SOURCE_COLUMNS = 8;
const entryColumn = (f: EntryField) => SOURCE_COLUMNS + ENTRY_FIELDS.indexOf(f);
/** The consolidation sheet's columns: the source's, the entry columns, points and issues. */
const CONSOLIDATION_WIDTH = SOURCE_COLUMNS + ENTRY_FIELDS.length + 2;

/** The consolidation sheet's headers. */
export function consolidationHeaders(lang: Lang): string[] {
  const T = CONSOLIDATION_TEXT;
  return [
    T.file[lang],
    T.city[lang],
    T.period[lang],
    T.sheetName[lang],
    T.cell[lang],
    "Code",
    T.domain[lang],
    T.objective[lang],
    ...ENTRY_FIELDS.map((f) => layoutColumn(f).header[lang]),
    T.points[lang],
    T.issues[lang],
  ];
}

/**
 * One row of the consolidation sheet: consolidationRowOf(r.source, consolidationRowCells(r, lang), lang), made in one
 * pass (the pane makes one for each row merged: no intermediate row of its own cells).
 */
export function consolidationRow(r: ConsolidationRow, lang: Lang): CellValue[] {
  const { source, values } = r;
  // made at its size: the pane keeps a file's rows until the file is read
  const row = new Array<CellValue>(CONSOLIDATION_WIDTH);
  row[0] = source.fileName;
  row[1] = source.city;
  row[2] = source.period;
  row[3] = r.sheet;
  row[4] = r.address;
  row[5] = r.code;
  row[6] = r.domain;
  row[7] = objectiveText(r.code, lang);
  let c = SOURCE_COLUMNS;
  for (const f of ENTRY_FIELDS) row[c++] = values[f];
  row[c++] = r.points;
  row[c] = issuesText(r.issues, lang);
  return row;
}

/**
 * A row's issues' messages in one language, separated by a space ("" when it has none). Concatenated, not joined:
 * the engine keeps the text as its messages (each shared by many rows) until it is written, instead of a copy per
 * row; the pane keeps a file's rows until the file is read, and a row of a large file often has several issues.
 */
function issuesText(issues: readonly WorkbookIssue[], lang: Lang): string {
  if (issues.length === 0) return "";
  let text = issues[0]!.message[lang];
  for (let i = 1; i < issues.length; i++) text += " " + issues[i]!.message[lang];
  return text;
}

/** The text of a code's objective in one language; null when the code is no objective's. */
const objectiveText = (code: CellValue, lang: Lang): string | null =>
  typeof code === "string" ? (getObjective(code)?.text[lang] ?? null) : null;

/**
 * The cells of a row of the consolidation sheet that neither its source nor its code gives: sheet, cell, code,
 * domain, the entry cells, points and issues (consolidationRowOf completes them). A thread writing the sheet is
 * handed these, with each source once.
 */
export function consolidationRowCells(r: ConsolidationRow, lang: Lang): CellValue[] {
  const cells: CellValue[] = [r.sheet, r.address, r.code, r.domain];
  for (const f of ENTRY_FIELDS) cells.push(r.values[f]);
  cells.push(r.points, issuesText(r.issues, lang));
  return cells;
}

/** The cells a source gives each of its rows of the consolidation sheet: file, city, period. */
export type RowSource = Pick<ConsolidationSource, "fileName" | "city" | "period">;

/** A row of the consolidation sheet from its source and its own cells (consolidationRowCells): file, city, period, then the objective after the domain. */
export function consolidationRowOf(source: RowSource, cells: readonly CellValue[], lang: Lang): CellValue[] {
  const code = cells[2];
  const row: CellValue[] = [source.fileName, source.city, source.period, cells[0], cells[1], code, cells[3]];
  row.push(objectiveText(code, lang));
  for (let c = 4; c < cells.length; c++) row.push(cells[c]);
  return row;
}

/** The sheets whose rows are written as the files are read (the files not merged are written at the end). */
export const STREAMED_SHEETS = ["consolidation", "summary", "notMerged", "columns"] as const;
export type StreamedSheet = (typeof STREAMED_SHEETS)[number];

/** One sheet's rows, each with its source's key ("" when it names none). */
export interface SheetRows {
  values: CellValue[][];
  keys: string[];
}

/**
 * The rows of the sheets written as the files are read, in one language: the consolidation sheet's, the summary's,
 * the cells not merged and the columns read. All the pane keeps of them while it reads (a row in full, its messages
 * in every language, weighs several times more), and only until they are written.
 */
export interface ConsolidationSheetRows {
  lang: Lang;
  sheets: Record<StreamedSheet, SheetRows>;
}

/** What the pane keeps of a merged source: what its list and its By city view show. */
export interface SourceShown extends CitySource {
  source: Pick<ConsolidationSource, "key" | "fileName" | "city" | "period">;
  rows: number;
  errors: number;
  warnings: number;
}

/** Cells not merged that a report keeps to show (every one is on the sheet and counted). */
export const NOT_MERGED_KEPT = 20;

/**
 * A consolidation as the pane shows it, without its sheets' rows: each source merged as its list shows it, the
 * first NOT_MERGED_KEPT cells not merged and their count, the files not merged. Its size does not grow with the
 * rows read, only by a few hundred bytes a source.
 */
export interface ConsolidationReport {
  sources: SourceShown[];
  notMerged: NotMergedCell[];
  notMergedCount: number;
  unreadable: UnreadableFile[];
}

/** A consolidation ready to be written in one language: its rows already its sheets'. */
export interface ConsolidationInLanguage extends ConsolidationReport {
  rows: ConsolidationSheetRows;
}

const noRows = (lang: Lang): ConsolidationSheetRows => ({
  lang,
  sheets: {
    consolidation: { values: [], keys: [] },
    summary: { values: [], keys: [] },
    notMerged: { values: [], keys: [] },
    columns: { values: [], keys: [] },
  },
});

/** Adds consolidation rows to `into`, made into the consolidation sheet's in its language. */
function addSheetRows(into: ConsolidationSheetRows, rows: readonly ConsolidationRow[]): void {
  const sheet = into.sheets.consolidation;
  for (const r of rows) {
    sheet.values.push(consolidationRow(r, into.lang));
    sheet.keys.push(r.source.key);
  }
}

/** What is kept of a merged source, and its rows of the summary and the columns read. */
function addSource(into: ConsolidationSheetRows, report: ConsolidationReport, s: SourceSummary): void {
  const { lang, sheets } = into;
  const { key, fileName, city, period } = s.source;
  report.sources.push({
    ...citySource(s),
    source: { key, fileName, city, period },
    rows: s.rows,
    errors: s.errors,
    warnings: s.warnings,
  });
  sheets.summary.values.push(sourceSummaryRow(s, lang));
  sheets.summary.keys.push(key);
  for (const row of columnsReadRows(s, lang)) {
    sheets.columns.values.push(row);
    sheets.columns.keys.push(key);
  }
}

/** Cells not merged: the first kept to show, each made into its sheet's row, all counted. */
function addNotMerged(
  into: ConsolidationSheetRows,
  report: ConsolidationReport,
  cells: readonly NotMergedCell[],
): void {
  const sheet = into.sheets.notMerged;
  for (const n of cells) {
    if (report.notMerged.length < NOT_MERGED_KEPT) report.notMerged.push(n);
    sheet.values.push(notMergedRow(n, into.lang));
    sheet.keys.push("");
  }
  report.notMergedCount += cells.length;
}

/** A consolidation made into its sheets' rows in `lang`, and what the pane shows of it. */
export function inLanguage(result: ConsolidationResult, lang: Lang): ConsolidationInLanguage {
  const rows = noRows(lang);
  const report: ConsolidationReport = { sources: [], notMerged: [], notMergedCount: 0, unreadable: result.unreadable };
  addSheetRows(rows, result.rows);
  for (const s of result.sources) addSource(rows, report, s);
  addNotMerged(rows, report, result.notMerged);
  return { ...report, rows };
}

/**
 * A Consolidator that keeps each row only as its sheet's row in `lang`, as it is merged (the pane's way), and of
 * each source only what the pane shows. `take` hands over the rows made since the last call and forgets them, so
 * that a caller writing them as they come keeps none; `result` holds the rows not taken.
 */
export function consolidatorInLanguage(lang: Lang): {
  consolidator: Consolidator;
  take: () => ConsolidationSheetRows;
  result: () => ConsolidationInLanguage;
} {
  let rows = noRows(lang);
  const report: ConsolidationReport = { sources: [], notMerged: [], notMergedCount: 0, unreadable: [] };
  const consolidator = new Consolidator(
    (chunk) => addSheetRows(rows, chunk),
    (s, notMerged) => {
      addSource(rows, report, s);
      addNotMerged(rows, report, notMerged);
    },
  );
  const take = () => {
    const taken = rows;
    rows = noRows(lang);
    return taken;
  };
  return {
    consolidator,
    take,
    result: () => ({ ...report, unreadable: consolidator.result().unreadable, rows: take() }),
  };
}

/** Number formats and widths of the consolidation sheet's columns. */
export function consolidationLook(): Pick<TextTable, "numberFormats" | "widths"> {
  const points = SOURCE_COLUMNS + ENTRY_FIELDS.length;
  return {
    numberFormats: {
      [entryColumn("start")]: layoutColumn("start").numberFormat,
      [entryColumn("end")]: layoutColumn("end").numberFormat,
      [points]: "0",
    },
    widths: { 0: 24, 3: 18, 4: 8, 5: 8, 6: 8, 7: 50, [points + 1]: 60 },
  };
}

/** The consolidation sheet: one row per source and objective, with the source named. */
export function consolidationTable(rows: ConsolidationSheetRows): TextTable {
  return { headers: consolidationHeaders(rows.lang), rows: rows.sheets.consolidation.values, ...consolidationLook() };
}

/** The summary per source: overall and per-domain scores, coverage, issue counts. */
export function sourceSummaryTable(result: Pick<ConsolidationResult, "sources">, lang: Lang): TextTable {
  const T = CONSOLIDATION_TEXT;
  const numberFormats: Record<number, string> = { 3: "0.0", 5: "0%" };
  DOMAIN_IDS.forEach((_, i) => (numberFormats[8 + i] = "0.0"));
  return {
    headers: [
      T.file[lang],
      T.city[lang],
      T.period[lang],
      T.score[lang],
      T.rating[lang],
      T.coverage[lang],
      T.assessed[lang],
      T.applicable[lang],
      ...DOMAIN_IDS.map((d) => text(lang, "consolidation:domainScore", { d })),
      T.rowsRead[lang],
      T.errors[lang],
      T.warnings[lang],
    ],
    rows: result.sources.map((s) => sourceSummaryRow(s, lang)),
    numberFormats,
    widths: { 0: 24 },
  };
}

/** One source's row of the summary table. */
export function sourceSummaryRow(s: SourceSummary, lang: Lang): CellValue[] {
  return [
    s.source.fileName,
    s.source.city,
    s.source.period,
    s.summary.overall.score,
    ratingLabel(s.summary.overall.score, lang) || null,
    s.summary.overall.coverage,
    s.summary.overall.assessed,
    s.summary.overall.applicable,
    ...s.summary.domains.map((d) => d.score),
    s.rows,
    s.errors,
    s.warnings,
  ];
}

/** The files that could not be merged, with the reason. */
export function unreadableTable(result: Pick<ConsolidationResult, "unreadable">, lang: Lang): TextTable {
  const T = CONSOLIDATION_TEXT;
  return {
    headers: [T.file[lang], T.reason[lang], T.detail[lang]],
    rows: result.unreadable.map((u) => [u.fileName, u.message[lang], u.detail ?? null]),
    numberFormats: {},
    widths: { 0: 30, 1: 70, 2: 40 },
  };
}

/** The entry cells not merged: file, sheet, cell, value and reason. */
export function notMergedTable(result: Pick<ConsolidationResult, "notMerged">, lang: Lang): TextTable {
  const T = CONSOLIDATION_TEXT;
  return {
    headers: [T.file[lang], T.sheetName[lang], T.cell[lang], T.value[lang], T.reason[lang]],
    rows: result.notMerged.map((n) => notMergedRow(n, lang)),
    numberFormats: {},
    widths: { 0: 30, 1: 18, 2: 8, 3: 30, 4: 70 },
  };
}

/** One row of the cells-not-merged table. */
export function notMergedRow(n: NotMergedCell, lang: Lang): CellValue[] {
  return [n.fileName, n.sheet, n.cell, n.value ?? null, n.reason[lang]];
}

/** One source's rows of the columns-read table. */
export function columnsReadRows(s: SourceSummary, lang: Lang): CellValue[][] {
  const T = CONSOLIDATION_TEXT;
  const name = (key: ColumnKey | null) => (key === null ? T.notRead[lang] : layoutColumn(key).header[lang]);
  return s.columns.map((c) => [s.source.fileName, c.sheet, c.cell, c.header, name(c.readAs), c.repeats ?? null]);
}

/** Which header cell of each source was read as which column. */
export function columnsReadTable(result: Pick<ConsolidationResult, "sources">, lang: Lang): TextTable {
  const T = CONSOLIDATION_TEXT;
  return {
    headers: [T.file[lang], T.sheetName[lang], T.cell[lang], T.header[lang], T.readAs[lang], T.repeats[lang]],
    rows: result.sources.flatMap((s) => columnsReadRows(s, lang)),
    numberFormats: {},
    widths: { 0: 30, 1: 18, 2: 8, 3: 30, 4: 24 },
  };
}
