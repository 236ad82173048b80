/**
 * A received workbook as plain data, whatever library read it (ExcelJS on the command line or in
 * the task pane): sheets with 2-D cell values. This module finds the LIAT tables in it by their
 * header row (not by sheet name or column order) and reads the cover's settings by label.
 */
import type { DomainId } from "./catalogueTypes";
import { codeToDomain } from "./codes";
import { ENTRY_FIELDS, type EntryField } from "./entrySchema";
import { isBlank, type CellValue } from "./excelValues";
import type { SheetData } from "./grid";
import { isLang, LANGUAGES, type Lang } from "./language";
import { COVER, COVER_SHEET, coverLayout, mapHeaderRow, SCHEMA_PROPERTY, type ColumnKey } from "./layout";
import { objectiveRowReader, type ObjectiveRow } from "./objectiveRow";
import { textKey } from "./textKey";

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

/** One objective row of a LIAT table, as read. */
export interface FoundRow extends ObjectiveRow {
  sheet: string;
  /** 0-based row index on the sheet. */
  rowIndex: number;
}

export interface FoundTable {
  sheet: string;
  /** 0-based row index of the header row. */
  headerRow: number;
  /** 0-based column index of each known column. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Entry columns the layout expects that the header row lacks. */
  missing: EntryField[];
  /** The domain, from the first code of the rows (null when the codes do not tell). */
  domain: DomainId | null;
  rows: FoundRow[];
}

function readTable(
  sheet: SheetData,
  headerRow: number,
  end: number,
  columns: Partial<Record<ColumnKey, number>>,
): FoundTable {
  const rows: FoundRow[] = [];
  const read = objectiveRowReader(columns);
  for (let r = headerRow + 1; r < end; r++) {
    const row = read(sheet.rows[r] ?? [], r);
    if (row !== null) rows.push({ ...row, sheet: sheet.name, rowIndex: r });
  }
  const firstCode = rows.find((x) => x.codeReadable);
  return {
    sheet: sheet.name,
    headerRow,
    columns,
    missing: ENTRY_FIELDS.filter((f) => columns[f] === undefined),
    domain: firstCode ? codeToDomain(firstCode.code) : null,
    rows,
  };
}

/**
 * Finds every LIAT table of a workbook: a header row naming at least the code and status columns
 * (any language, any order), then its rows down to the next header row or the end of the sheet.
 * Rows with nothing in them are skipped; every other row is kept, whatever its code.
 */
export function findTables(sheets: readonly SheetData[]): FoundTable[] {
  const tables: FoundTable[] = [];
  for (const sheet of sheets) {
    const headers: { row: number; columns: Partial<Record<ColumnKey, number>> }[] = [];
    sheet.rows.forEach((cells, r) => {
      if (!cells || !cells.some((c) => typeof c === "string")) return;
      const columns = mapHeaderRow(cells);
      if (columns !== null) headers.push({ row: r, columns });
    });
    headers.forEach((h, i) =>
      tables.push(readTable(sheet, h.row, headers[i + 1]?.row ?? sheet.rows.length, h.columns)),
    );
  }
  return tables;
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

/** Reads the cover's city, period, language and schema version by their labels (either language). */
export function readCoverSettings(sheets: readonly SheetData[]): CoverSettings {
  const out: CoverSettings = { city: "", period: "", lang: null, schemaVersion: null };
  const found = new Set<SettingKey>();
  let labelLang: Lang | null = null;
  // The cover sheet first (by its name), then every other sheet: the first label found wins.
  const ordered = [...sheets].sort((a, b) => Number(b.name === COVER_SHEET) - Number(a.name === COVER_SHEET));
  for (const sheet of ordered) {
    sheet.rows.forEach((cells) => {
      const label = cells?.[0];
      if (typeof label !== "string" || label.length > 60) return;
      const setting = SETTING_LABELS.get(textKey(label).replace(/\s*:$/, ""));
      if (setting === undefined || found.has(setting.key)) return;
      found.add(setting.key);
      labelLang ??= setting.lang;
      const value = cells[1];
      if (setting.key === "city") out.city = cellText(value);
      else if (setting.key === "period") out.period = cellText(value);
      else if (setting.key === "language") {
        const lang = cellText(value).toLowerCase();
        out.lang = isLang(lang) ? lang : null;
      } else out.schemaVersion = schemaNumber(value) ?? out.schemaVersion;
    });
    if (out.schemaVersion === null) {
      // The lists sheet lays its settings out as key and value columns, side by side.
      for (const cells of sheet.rows) {
        const i = cells?.findIndex((c) => c === SCHEMA_PROPERTY) ?? -1;
        if (i < 0) continue;
        out.schemaVersion = schemaNumber(cells[i + 1]) ?? out.schemaVersion;
      }
    }
  }
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
  for (const sheet of sheets) {
    mix(`\u0001${sheet.name}`);
    sheet.rows.forEach((cells, r) => {
      cells?.forEach((v, c) => {
        if (isBlank(v)) return;
        mix(`\u0002${r},${c}\u0003${typeof v}:${String(v)}`);
      });
    });
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}
