/**
 * A received workbook as plain data, whatever library read it (ExcelJS on the command line or in
 * the task pane): sheets with 2-D cell values. This module finds the LIAT tables in it by their
 * header row (not by sheet name or column order) and reads the cover's settings by label.
 */
import { cellAddress } from "./a1";
import { getObjective } from "./catalogue";
import type { DomainId } from "./catalogueTypes";
import { codeToDomain } from "./codes";
import { ENTRY_FIELDS, type EntryField } from "./entrySchema";
import { isBlank, type CellValue } from "./excelValues";
import { EXCEL_MAX_CELL_TEXT, type SheetData } from "./grid";
import { isLang, LANGUAGES, type Lang, type Localized } from "./language";
import {
  COLUMNS,
  CONSOLIDATION_SHEET,
  COVER,
  COVER_SHEET,
  coverLayout,
  LEGACY_FLAGS_SHEET,
  LISTS_SHEET,
  matchHeader,
  SCHEMA_PROPERTY,
  type ColumnKey,
} from "./layout";
import { formatMessage, localizedMessage, quoteValue } from "./messages";
import { objectiveRowReader, type ObjectiveRow } from "./objectiveRow";
import { textKey } from "./textKey";
import { text } from "./i18n/texts";

export type { SheetData, WorkbookData } from "./grid";

/** Why a received file could not be read. */
export type UnreadableReason =
  | "notFound"
  | "directory"
  | "empty"
  | "tooLarge"
  | "unzippedTooLarge"
  | "tooManyRows"
  | "tooManyCells"
  | "oldXls"
  | "encrypted"
  | "ods"
  | "xlsb"
  | "notWorkbook"
  | "damaged"
  | "noLiatTable"
  | "duplicate";

/* What each reason says, with what to do: the texts `unreadable:<reason>` (placeholders {{other}}, the file a
 * duplicate repeats; {{limit}}, the limit passed, as shown to people; {{part}}, the part of the file; {{sheet}}). */

/** One objective row of a LIAT table, as read (its sheet named). */
export type FoundRow = ObjectiveRow;

/** A header cell of a table and the column it was read as (null: not a LIAT column, not read). */
export interface HeaderCell {
  /** 0-based sheet column. */
  column: number;
  text: string;
  key: ColumnKey | null;
  /** Set when the key was already named by an earlier header cell of the table: that column, 0-based. */
  duplicateOf?: number;
}

/** A non-empty cell of a LIAT table that is not read, and why (e.g. a second "Status" column). */
export interface UnreadCell {
  sheet: string;
  /** Cell address, e.g. "H7". */
  address: string;
  value: CellValue;
  reason: Localized;
}

export interface FoundTable {
  sheet: string;
  /** 0-based row index of the header row. */
  headerRow: number;
  /** 0-based sheet column of each known column (the first, when a header is repeated). */
  columns: Partial<Record<ColumnKey, number>>;
  /** Entry columns the layout expects that the header row lacks. */
  missing: EntryField[];
  /** The domain most catalogue codes of the rows belong to (null when the codes do not tell). */
  domain: DomainId | null;
  rows: FoundRow[];
  /** First and last 0-based sheet column of the table's header cells. */
  firstColumn: number;
  lastColumn: number;
  /** 0-based sheet row after the table's last row: the next header above its columns, or the sheet's end. */
  endRow: number;
  /** Every header cell of the table, with what it was read as. */
  headers: HeaderCell[];
  /** Cells of the table that are not read (a repeated column's), each with the reason. */
  unread: UnreadCell[];
}

/** Sheets the add-in owns that never hold objective rows (the lists, the flags, a consolidation). */
export function isSystemSheet(name: string): boolean {
  // a consolidation table longer than a sheet goes on in "Consolidation (2)" and so on
  const n = name.toLowerCase().replace(/ \(\d+\)$/, "");
  return (
    n === LISTS_SHEET.toLowerCase() ||
    n === LEGACY_FLAGS_SHEET.toLowerCase() ||
    Object.values(CONSOLIDATION_SHEET).some((sheet) => n === sheet.toLowerCase())
  );
}

/**
 * Header texts already matched (status labels repeat on every row): bounded, and small, since data text that
 * names no header is refused cheaply anyway (matchHeader) and memory must not grow with what is read.
 */
const headerMemo = new Map<string, ColumnKey | null>();
function headerKey(text: string): ColumnKey | null {
  let key = headerMemo.get(text);
  if (key === undefined) {
    key = matchHeader(text);
    if (headerMemo.size >= 10_000) headerMemo.clear();
    headerMemo.set(text, key);
  }
  return key;
}

/** The part of a header row one table owns. */
interface Segment {
  headers: HeaderCell[];
  columns: Partial<Record<ColumnKey, number>>;
}

/** How many header cells of items[from, to) repeat a key named before them in that range. */
function repeats(items: readonly HeaderCell[], from: number, to: number): number {
  const seen = new Set<ColumnKey>();
  let n = 0;
  for (let i = from; i < to; i++) {
    const key = items[i]!.key;
    if (key === null) continue;
    if (seen.has(key)) n++;
    seen.add(key);
  }
  return n;
}

/**
 * Where each table of a header row starts (indexes into items): table j holds code column codes[j].
 * Between two code columns the next table starts at a blank column when there is one, otherwise
 * wherever the fewest headers repeat within the tables (all the row's splits weighed together), the
 * later place on a tie.
 */
function tableStarts(items: readonly HeaderCell[], codes: readonly number[]): number[] {
  if (codes.length === 1) return [0];
  // Rows naming dozens of codes are no header rows people make: a table at each code.
  if (codes.length > 64) return [0, ...codes.slice(1)];
  const candidates = codes.slice(1).map((code, j) => {
    const all: number[] = [];
    for (let p = codes[j]! + 1; p <= code; p++) all.push(p);
    const gaps = all.filter((p) => items[p]!.column > items[p - 1]!.column + 1);
    return gaps.length > 0 ? gaps : all;
  });
  // cost[j].get(p): fewest repeats of tables 0..j when table j + 1 starts at p; from: where table j started.
  let previous = new Map<number, { cost: number; starts: number[] }>([[0, { cost: 0, starts: [0] }]]);
  for (const options of candidates) {
    const next = new Map<number, { cost: number; starts: number[] }>();
    for (const p of options) {
      let best: { cost: number; starts: number[] } | undefined;
      for (const [q, v] of previous) {
        if (q >= p) continue;
        const cost = v.cost + repeats(items, q, p);
        if (best === undefined || cost < best.cost) best = { cost, starts: [...v.starts, p] };
      }
      if (best !== undefined) next.set(p, best);
    }
    previous = next;
  }
  let chosen: { cost: number; starts: number[] } | undefined;
  for (const [q, v] of previous) {
    const cost = v.cost + repeats(items, q, items.length);
    if (chosen === undefined || cost <= chosen.cost) chosen = { cost, starts: v.starts };
  }
  return chosen!.starts;
}

/**
 * Splits a row into LIAT table headers: a row may hold several tables side by side, each with its
 * own code column. Between two code columns, the next table starts at a blank column when there is
 * one; otherwise where the fewest headers repeat within a table ("Status | Code | Status | Code" is
 * two tables), the later place on a tie. A key named twice within a table is a repeated column.
 * Returns the segments naming a code and a status; [] when the row is no header.
 */
function headerSegments(cells: readonly CellValue[], left: number): Segment[] {
  // Most rows are data rows: they name no code column or no status column, and are left at once.
  let code = false;
  let status = false;
  for (let i = 0; i < cells.length && !(code && status); i++) {
    const v = cells[i];
    if (typeof v !== "string") continue;
    const key = headerKey(v);
    if (key === "code") code = true;
    else if (key === "status") status = true;
  }
  if (!code || !status) return [];
  const items: HeaderCell[] = [];
  const codes: number[] = [];
  let statuses = 0;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (isBlank(v)) continue;
    const key = typeof v === "string" ? headerKey(v) : null;
    if (key === "code") codes.push(items.length);
    if (key === "status") statuses++;
    items.push({ column: i + left, text: String(v), key });
  }
  if (codes.length === 0 || statuses === 0) return [];
  const starts = tableStarts(items, codes);
  const segments = starts.map((start, k): Segment => {
    const headers = items.slice(start, starts[k + 1] ?? items.length);
    const columns: Partial<Record<ColumnKey, number>> = {};
    for (const h of headers) {
      if (h.key === null) continue;
      const first = columns[h.key];
      if (first === undefined) columns[h.key] = h.column;
      else h.duplicateOf = first;
    }
    return { headers, columns };
  });
  return segments.filter((s) => s.columns.code !== undefined && s.columns.status !== undefined);
}

/** The domain most catalogue codes of the rows belong to, or null. */
export function domainOfRows(rows: readonly { code: string }[]): DomainId | null {
  const counts = new Map<DomainId, number>();
  for (const r of rows) {
    if (!getObjective(r.code)) continue;
    const d = codeToDomain(r.code);
    if (d !== null) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: DomainId | null = null;
  for (const [d, n] of counts) if (best === null || n > counts.get(best)!) best = d;
  return best;
}

/** A header repeating an entry column or the code column: its cells are not read, and that is reported. */
export const isRepeatedEntry = (h: HeaderCell) =>
  h.duplicateOf !== undefined && (h.key === "code" || (ENTRY_FIELDS as readonly string[]).includes(h.key ?? ""));

/** The name of a header's column in each language (the header's own text when it is no LIAT column). */
export const columnName = (h: HeaderCell): Localized =>
  h.key === null
    ? (Object.fromEntries(LANGUAGES.map((lang) => [lang, h.text])) as Localized)
    : COLUMNS.find((c) => c.key === h.key)!.header;

/** Why a repeated column's cells are not read: its name in each language and the first column's cell. */
export function duplicateColumnMessage(h: HeaderCell, other: string): Localized {
  const name = columnName(h);
  return Object.fromEntries(
    LANGUAGES.map((lang) => [lang, formatMessage("columnDuplicate", lang, { value: name[lang], other })]),
  ) as Localized;
}

/**
 * The objective rows of one table of a sheet, read as they are iterated: a large table is never held
 * whole (the consolidation checks and writes rows as they come). Empty rows are skipped.
 */
export function* tableRows(
  sheet: SheetData,
  table: Pick<FoundTable, "headerRow" | "endRow" | "columns">,
): Generator<FoundRow> {
  const top = sheet.top ?? 0;
  const read = objectiveRowReader(table.columns, sheet.left ?? 0, sheet.name);
  for (let r = table.headerRow + 1; r < table.endRow; r++) {
    const row = read(sheet.rows[r - top] ?? [], r);
    if (row !== null) yield row;
  }
}

/** What the marked cells of a table say (see tableMarks). */
export interface TableMarks {
  /** Each marked code or entry cell, listed as not merged with the reason (in reading order). */
  cells: UnreadCell[];
  /** By 0-based sheet row, the fields whose value is unknown (a formula without a saved result). */
  unknown: Map<number, Set<EntryField | "code">>;
}

const NO_MARKS: TableMarks = Object.freeze({ cells: [], unknown: new Map() }) as TableMarks;

/**
 * The code and entry cells of a table that the grid marks: a formula without a saved result (its value
 * is unknown: listed as not merged, and no "enter the status" for it) and text longer than an Excel
 * cell holds (listed where it is cut: the consolidation workbook keeps the first 32,767 characters).
 */
export function tableMarks(sheet: SheetData, table: Pick<FoundTable, "headerRow" | "endRow" | "columns">): TableMarks {
  if (sheet.marks === undefined || sheet.marks.length === 0) return NO_MARKS;
  const fieldAt = new Map<number, EntryField | "code">();
  for (const f of ["code", ...ENTRY_FIELDS] as const) {
    const c = table.columns[f];
    if (c !== undefined) fieldAt.set(c, f);
  }
  const out: TableMarks = { cells: [], unknown: new Map() };
  for (const m of sheet.marks) {
    const field = fieldAt.get(m.col);
    if (field === undefined || m.row <= table.headerRow || m.row >= table.endRow) continue;
    const address = cellAddress(m.row, m.col);
    if (m.kind === "formulaNoValue") {
      const formula = m.formula === "" ? "=…" : `=${m.formula}`;
      out.cells.push({
        sheet: sheet.name,
        address,
        value: formula,
        reason: localizedMessage("formulaNoValue", { value: quoteValue(formula) }),
      });
      let fields = out.unknown.get(m.row);
      if (fields === undefined) out.unknown.set(m.row, (fields = new Set()));
      fields.add(field);
    } else {
      const top = sheet.top ?? 0;
      const left = sheet.left ?? 0;
      out.cells.push({
        sheet: sheet.name,
        address,
        value: sheet.rows[m.row - top]?.[m.col - left] ?? null,
        reason: localizedMessage("textCut", { length: m.length, max: EXCEL_MAX_CELL_TEXT }),
      });
    }
  }
  return out;
}

/** The non-empty cells of a table's repeated columns, which are not read, each with the reason. */
function unreadCells(
  sheet: SheetData,
  headerRow: number,
  endRow: number,
  headers: readonly HeaderCell[],
): UnreadCell[] {
  const top = sheet.top ?? 0;
  const left = sheet.left ?? 0;
  const unread: UnreadCell[] = [];
  // Why each repeated column's cells are not read: one message per column, shared by its cells.
  const duplicates = headers
    .filter(isRepeatedEntry)
    .map((d) => ({ column: d.column, reason: duplicateColumnMessage(d, cellAddress(headerRow, d.duplicateOf!)) }));
  if (duplicates.length === 0) return unread;
  for (let r = headerRow + 1; r < endRow; r++) {
    const cells = sheet.rows[r - top] ?? [];
    for (const d of duplicates) {
      const value = cells[d.column - left];
      if (isBlank(value)) continue;
      unread.push({
        sheet: sheet.name,
        address: cellAddress(r, d.column),
        value: value as CellValue,
        reason: d.reason,
      });
    }
  }
  return unread;
}

function readTable(
  sheet: SheetData,
  headerRow: number,
  endRow: number,
  segment: Segment,
  withRows: boolean,
): FoundTable {
  const { columns, headers } = segment;
  const table: FoundTable = {
    sheet: sheet.name,
    headerRow,
    columns,
    missing: ENTRY_FIELDS.filter((f) => columns[f] === undefined),
    domain: null,
    rows: [],
    firstColumn: headers[0]!.column,
    lastColumn: headers[headers.length - 1]!.column,
    endRow,
    headers,
    unread: unreadCells(sheet, headerRow, endRow, headers),
  };
  if (withRows) {
    table.rows = [...tableRows(sheet, table)];
    table.domain = domainOfRows(table.rows.filter((x) => x.codeReadable));
  }
  return table;
}

/**
 * The LIAT tables of one sheet: every header row naming at least the code and status columns (any
 * language, any order, lenient spelling), each split into the tables it holds side by side; each
 * table's rows go down to the next header row above its columns (tables stacked) or the sheet's end.
 * Rows with nothing in them are skipped; every other row is kept, whatever its code. With
 * `rows: false`, the tables come without their rows and domain (read them with tableRows).
 */
export function findSheetTables(sheet: SheetData, options: { rows?: boolean } = {}): FoundTable[] {
  if (isSystemSheet(sheet.name)) return [];
  const top = sheet.top ?? 0;
  const left = sheet.left ?? 0;
  const found: { row: number; segment: Segment }[] = [];
  sheet.rows.forEach((cells, i) => {
    if (!cells || !cells.some((c) => typeof c === "string" && c !== "")) return;
    for (const segment of headerSegments(cells, left)) found.push({ row: i + top, segment });
  });
  const end = top + sheet.rows.length;
  return found.map((h) => {
    const first = h.segment.headers[0]!.column;
    const last = h.segment.headers[h.segment.headers.length - 1]!.column;
    const next = found.find(
      (o) =>
        o.row > h.row &&
        o.segment.headers[0]!.column <= last &&
        o.segment.headers[o.segment.headers.length - 1]!.column >= first,
    );
    return readTable(sheet, h.row, next?.row ?? end, h.segment, options.rows ?? true);
  });
}

/** Every LIAT table of a workbook, sheet by sheet (see findSheetTables). */
export function findTables(sheets: readonly SheetData[]): FoundTable[] {
  return sheets.flatMap((sheet) => findSheetTables(sheet));
}

export interface CoverSettings {
  city: string;
  period: string;
  /** The workbook language, from the cover's language cell or its labels; null when unknown. */
  lang: Lang | null;
  /** Schema version recorded on the cover or the lists sheet; null when absent. */
  schemaVersion: number | null;
}

type SettingKey = "city" | "period" | "language" | "schema";

const SETTING_LABELS = new Map<string, { key: SettingKey; lang: Lang | null }>();
for (const lang of LANGUAGES) {
  const values = coverLayout(lang).values;
  const label = (row: number) => String(values[row - 1]?.[0] ?? "");
  SETTING_LABELS.set(textKey(label(COVER.cityRow)), { key: "city", lang });
  SETTING_LABELS.set(textKey(label(COVER.periodRow)), { key: "period", lang });
  SETTING_LABELS.set(textKey(label(COVER.languageRow)), { key: "language", lang });
  SETTING_LABELS.set(textKey(label(COVER.schemaRow)), { key: "schema", lang });
}
for (const [alias, key] of [
  ["commune", "city"],
  ["municipalite", "city"],
  ["municipality", "city"],
  ["periode", "period"],
  ["period", "period"],
] as const) {
  if (!SETTING_LABELS.has(alias)) SETTING_LABELS.set(alias, { key, lang: null });
}

/** A cell as trimmed text ("" when blank). */
const cellText = (v: CellValue): string => (isBlank(v) ? "" : String(v).trim());

/** A schema version as recorded: a number, or digits as text; null otherwise. */
const schemaNumber = (v: CellValue): number | null =>
  typeof v === "number" || /^\s*\d+\s*$/.test(String(v ?? "")) ? Number(v) : null;

/** Each language's name ("Français", "English", "Español"), folded as labels are, and its code. */
const LANGUAGE_NAMES = new Map<string, Lang>(LANGUAGES.map((lang) => [textKey(text(lang, "language:name")), lang]));

/** The language a cover's language cell names: a code ("fr") or a language's name in its own language. */
function languageOf(value: string): Lang | null {
  const code = value.trim().toLowerCase();
  return isLang(code) ? code : (LANGUAGE_NAMES.get(textKey(value)) ?? null);
}

/** A label folded as settings are looked up ("Ville :" → "ville"); memoized, bounded (codes repeat on every row). */
const labelMemo = new Map<string, string>();
function labelKey(label: string): string {
  let key = labelMemo.get(label);
  if (key === undefined) {
    key = textKey(label).replace(/\s*:$/, "");
    if (labelMemo.size > 10_000) labelMemo.clear();
    labelMemo.set(label, key);
  }
  return key;
}

/**
 * Where a row names a setting of the lists sheet (the schema version or the language), or -1. Every row of every sheet
 * is looked at (a large table's too): a plain loop, the names compared as they are, no function made per row.
 */
function listsSettingAt(cells: readonly CellValue[]): number {
  // the imported name read once, not once a cell (an import may be read through a getter: tsx, webpack's dev build)
  const schema = SCHEMA_PROPERTY;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === schema || c === "language") return i;
  }
  return -1;
}

/** Reads the cover's city, period, language and schema version by their labels (either language). */
export function readCoverSettings(sheets: readonly SheetData[]): CoverSettings {
  const out: CoverSettings = { city: "", period: "", lang: null, schemaVersion: null };
  const found = new Set<SettingKey>();
  let labelLang: Lang | null = null;
  // The cover sheet first (by its name), then every other sheet: the first label found wins.
  const ordered = [...sheets].sort((a, b) => Number(b.name === COVER_SHEET) - Number(a.name === COVER_SHEET));
  let listsLang: Lang | null = null;
  for (const sheet of ordered) {
    sheet.rows.forEach((cells) => {
      // The label is the row's first non-blank cell (column A on the cover), the value the next one.
      const at = cells?.findIndex((c) => !isBlank(c)) ?? -1;
      const label = at >= 0 ? cells[at] : undefined;
      if (typeof label !== "string" || label.length > 60) return;
      const setting = SETTING_LABELS.get(labelKey(label));
      if (setting === undefined || found.has(setting.key)) return;
      found.add(setting.key);
      labelLang ??= setting.lang;
      const value = cells[at + 1];
      if (setting.key === "city") out.city = cellText(value);
      else if (setting.key === "period") out.period = cellText(value);
      else if (setting.key === "language") out.lang = languageOf(cellText(value));
      else out.schemaVersion = schemaNumber(value) ?? out.schemaVersion;
    });
    if (out.schemaVersion === null || listsLang === null) {
      // The lists sheet lays its settings out as key and value columns, side by side.
      for (const cells of sheet.rows) {
        const i = cells ? listsSettingAt(cells) : -1;
        if (i < 0) continue;
        if (cells[i] === SCHEMA_PROPERTY) out.schemaVersion = schemaNumber(cells[i + 1]) ?? out.schemaVersion;
        else {
          const lang = cellText(cells[i + 1]).toLowerCase();
          if (isLang(lang)) listsLang ??= lang;
        }
      }
    }
  }
  out.lang ??= listsLang;
  out.lang ??= labelLang;
  return out;
}

/**
 * A fingerprint of a workbook's content (sheet names and cell values), for readers that have no
 * hash of the bytes. 53-bit, hex. Same content, same fingerprint.
 */
export function fingerprint(sheets: readonly SheetData[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  const mixNumber = (n: number) => {
    h1 = Math.imul(h1 ^ n, 2654435761);
    h2 = Math.imul(h2 ^ n, 1597334677);
  };
  const TYPES: Record<string, number> = { string: 1, number: 2, boolean: 3 };
  for (const sheet of sheets) {
    mixNumber(1);
    mix(sheet.name);
    sheet.rows.forEach((cells, r) => {
      cells?.forEach((v, c) => {
        if (isBlank(v)) return;
        // Position and type as numbers, then the value's text (no string built per cell).
        mixNumber(2);
        mixNumber(r);
        mixNumber(c);
        mixNumber(TYPES[typeof v] ?? 4);
        mix(typeof v === "string" ? v : String(v));
      });
    });
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}
