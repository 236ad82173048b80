/**
 * Writes a consolidation (src/core/consolidate.ts) into the open workbook: the consolidation sheet
 * (one row per source and objective, the source named), the summary per source, and the files that
 * could not be merged with the reason. Everything read from other people's files is data: a string
 * cell gets the text number format "@" before its value is written, so "=HYPERLINK(...)", "+1+1",
 * "-2", "@SUM(A1)" or markup stay text and are never evaluated.
 *
 * Running it again replaces: rows of an earlier consolidation that come from the same source (same
 * file name, or same content key, kept in a hidden last column) are replaced by the new ones; rows
 * of other sources are kept. Whole 2-D ranges, at most 3 syncs whatever the number of rows (2 when
 * the workbook has no consolidation yet).
 */
import {
  CONSOLIDATION_TEXT,
  consolidationTable,
  sourceSummaryTable,
  unreadableTable,
  type ConsolidationResult,
  type TextTable,
} from "../core/consolidate";
import { ENTRY_FIELDS } from "../core/entrySchema";
import type { CellValue } from "../core/excelValues";
import type { Lang, Localized } from "../core/language";
import { CONSOLIDATION_SHEET, columnLetter } from "../core/layout";
import { liatError } from "./errors";
import { runExcel } from "./excelApi";

/** Header of the hidden last column that identifies each row's source (content hash or fingerprint). */
export const SOURCE_KEY_HEADER = "LIAT source";

/** Longest text Excel keeps in a cell. */
const MAX_CELL_TEXT = 32_767;
const TEXT_FORMAT = "@";
const HEADER_FILL = "#1F4E79";
const HEADER_FONT = "#FFFFFF";

export type ConsolidationSheetKind = "consolidation" | "summary" | "unreadable";

export const CONSOLIDATION_SHEETS: Record<ConsolidationSheetKind, Localized> = {
  consolidation: CONSOLIDATION_SHEET,
  summary: CONSOLIDATION_TEXT.summarySheet,
  unreadable: CONSOLIDATION_TEXT.unreadableSheet,
};

const KINDS: readonly ConsolidationSheetKind[] = ["consolidation", "summary", "unreadable"];

export interface ConsolidationWriteResult {
  /** Name of each sheet written. */
  sheets: Record<ConsolidationSheetKind, string>;
  /** Data rows on each sheet after the write (earlier rows kept + new rows). */
  rows: Record<ConsolidationSheetKind, number>;
  /** Earlier rows of the consolidation sheet replaced by this run (same sources). */
  replaced: number;
  /** Earlier rows of the consolidation sheet kept (other sources). */
  kept: number;
  syncs: number;
}

/** One block to write: headers, rows, and each row's source key ("" when none). */
interface Block {
  headers: string[];
  rows: CellValue[][];
  keys: string[];
  /** Number format of a number in column c (default "General"). */
  numberFormats: Record<number, string>;
  widths: Record<number, number>;
}

function blockOf(table: TextTable, keys: string[], numberFormats: Record<number, string>, widths: Record<number, number>): Block {
  return { headers: table.headers, rows: table.rows, keys, numberFormats, widths };
}

/** The three blocks of a consolidation result, in `lang`. */
function blocksOf(result: ConsolidationResult, lang: Lang): Record<ConsolidationSheetKind, Block> {
  const T = CONSOLIDATION_TEXT;
  const main = consolidationTable(result, lang);
  // Entry columns follow the 8 source and catalogue columns, in ENTRY_FIELDS order.
  const start = 8 + ENTRY_FIELDS.indexOf("start");
  const end = 8 + ENTRY_FIELDS.indexOf("end");
  const points = main.headers.indexOf(T.points[lang]);
  const issues = main.headers.indexOf(T.issues[lang]);
  const summary = sourceSummaryTable(result, lang);
  const summaryFormats: Record<number, string> = { 3: "0.0", 5: "0%" };
  for (let c = 8; c < summary.headers.length - 3; c++) summaryFormats[c] = "0.0";
  return {
    consolidation: blockOf(
      main,
      result.rows.map((r) => r.source.key),
      { [start]: "yyyy-mm-dd", [end]: "yyyy-mm-dd", [points]: "0" },
      { 0: 24, 3: 16, 4: 8, 5: 8, 6: 8, 7: 50, [issues]: 60 },
    ),
    summary: blockOf(summary, result.sources.map((s) => s.source.key), summaryFormats, { 0: 24 }),
    unreadable: blockOf(unreadableTable(result, lang), result.unreadable.map(() => ""), {}, { 0: 30, 1: 70, 2: 40 }),
  };
}

const isBlankValue = (v: unknown) => v === null || v === undefined || v === "";

/** A value as written: text trimmed to what a cell holds; blanks as "". */
function cellOut(v: CellValue): string | number | boolean {
  if (isBlankValue(v)) return "";
  if (typeof v === "string") return v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "boolean") return v;
  return String(v);
}

/** The number format of a value written: text as text ("@"), numbers as the column says. */
function formatOf(v: string | number | boolean, column: number, block: Block): string {
  if (typeof v === "string") return TEXT_FORMAT;
  if (typeof v === "number") return block.numberFormats[column] ?? "General";
  return "General";
}

interface Existing {
  name: string;
  /** Values of the used range from A1 (row 0 = header), or [] when the sheet is blank. */
  values: CellValue[][];
}

/** True when the sheet holds an earlier consolidation block of this kind (or nothing). */
function isOurs(existing: Existing, kind: ConsolidationSheetKind): boolean {
  if (existing.values.length === 0) return true;
  const first = existing.values[0]?.[0];
  const T = CONSOLIDATION_TEXT;
  return (first === T.file.fr || first === T.file.en) && (kind !== "consolidation" || existing.values[0]!.includes("Code"));
}

/** Earlier data rows of a sheet, with their key (from the key column when there is one). */
function earlierRows(existing: Existing, width: number): { row: CellValue[]; key: string; file: string }[] {
  if (existing.values.length < 2) return [];
  const header = existing.values[0]!;
  const keyCol = header.indexOf(SOURCE_KEY_HEADER);
  const dataWidth = keyCol >= 0 ? keyCol : header.length;
  return existing.values.slice(1).flatMap((cells) => {
    if (cells.every(isBlankValue)) return [];
    const row = Array.from({ length: width }, (_, c) => (c < dataWidth && !isBlankValue(cells[c]) ? (cells[c] as CellValue) : null));
    return [{ row, key: keyCol >= 0 && !isBlankValue(cells[keyCol]) ? String(cells[keyCol]) : "", file: isBlankValue(cells[0]) ? "" : String(cells[0]) }];
  });
}

/** Queues one sheet: clears it, writes header and rows (formats first), styles the header. */
function queueBlock(ws: Excel.Worksheet, block: Block, rows: { row: CellValue[]; key: string }[], cleared: boolean): void {
  if (cleared) ws.getRange().clear("All" as Excel.ClearApplyTo);
  const headers = [...block.headers, SOURCE_KEY_HEADER];
  const width = headers.length;
  const last = columnLetter(width - 1);
  const values: (string | number | boolean)[][] = [headers];
  const formats: string[][] = [headers.map(() => TEXT_FORMAT)];
  for (const { row, key } of rows) {
    const out = [...block.headers.map((_, c) => cellOut(row[c] ?? null)), key];
    values.push(out);
    formats.push(out.map((v, c) => formatOf(v, c, block)));
  }
  const range = ws.getRange(`A1:${last}${values.length}`);
  // Formats before values: a string lands in a text cell and is kept as typed, never parsed.
  range.numberFormat = formats;
  range.values = values;
  const header = ws.getRange(`A1:${last}1`);
  header.format.font.bold = true;
  header.format.font.color = HEADER_FONT;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
  for (const [c, w] of Object.entries(block.widths)) {
    const letter = columnLetter(Number(c));
    ws.getRange(`${letter}:${letter}`).format.columnWidth = w * 6; // characters → points, roughly
  }
  ws.getRange(`${last}:${last}`).columnHidden = true;
  ws.freezePanes.freezeRows(1);
}

/**
 * Writes the consolidation sheets in `lang`. Earlier rows from the same sources are replaced, not
 * duplicated. Throws a LiatError when a sheet of that name exists and is not a consolidation.
 */
export async function writeConsolidation(result: ConsolidationResult, lang: Lang): Promise<ConsolidationWriteResult> {
  let subject = "";
  return runExcel(
    async (b) => {
      const sheets = b.context.workbook.worksheets;
      sheets.load("items/name");
      await b.sync();
      const names = sheets.items.map((s) => s.name);
      const find = (name: string) => names.find((n) => n.toLowerCase() === name.toLowerCase());
      const found: Partial<Record<ConsolidationSheetKind, { name: string; used: Excel.Range }>> = {};
      for (const kind of KINDS) {
        const name = find(CONSOLIDATION_SHEETS[kind][lang]) ?? find(CONSOLIDATION_SHEETS[kind][lang === "fr" ? "en" : "fr"]);
        if (name === undefined) continue;
        const used = sheets.getItem(name).getUsedRangeOrNullObject(true);
        used.load("values,rowIndex,columnIndex");
        found[kind] = { name, used };
      }
      const existing: Partial<Record<ConsolidationSheetKind, Existing>> = {};
      if (Object.keys(found).length > 0) {
        await b.sync();
        for (const kind of KINDS) {
          const f = found[kind];
          if (!f) continue;
          let values: CellValue[][] = [];
          if (!f.used.isNullObject) {
            // Re-base on A1 so that row 0 is the header row.
            const top = f.used.rowIndex;
            const left = f.used.columnIndex;
            const body = f.used.values as CellValue[][];
            values = top === 0 && left === 0 ? body : [...Array.from({ length: top }, () => []), ...body.map((r) => [...Array.from({ length: left }, () => null), ...r])];
          }
          const e = { name: f.name, values };
          if (!isOurs(e, kind)) throw liatError("sheetNameTaken", f.name);
          existing[kind] = e;
        }
      }

      const blocks = blocksOf(result, lang);
      const incomingKeys = new Set(result.sources.map((s) => s.source.key));
      const incomingFiles = new Set([...result.sources.map((s) => s.source.fileName), ...result.unreadable.map((u) => u.fileName)]);
      const replacedBy = (r: { key: string; file: string }) => (r.key !== "" && incomingKeys.has(r.key)) || incomingFiles.has(r.file);

      const out = {} as ConsolidationWriteResult;
      out.sheets = {} as ConsolidationWriteResult["sheets"];
      out.rows = {} as ConsolidationWriteResult["rows"];
      out.replaced = 0;
      out.kept = 0;
      for (const kind of KINDS) {
        const block = blocks[kind];
        const target = CONSOLIDATION_SHEETS[kind][lang];
        const e = existing[kind];
        subject = e?.name ?? target;
        const earlier = e ? earlierRows(e, block.headers.length) : [];
        const kept = earlier.filter((r) => !replacedBy(r));
        if (kind === "consolidation") {
          out.kept = kept.length;
          out.replaced = earlier.length - kept.length;
        }
        const rows = [...kept, ...block.rows.map((row, i) => ({ row, key: block.keys[i] ?? "" }))];
        let ws: Excel.Worksheet;
        if (e) {
          ws = sheets.getItem(e.name);
          // An earlier consolidation in the other language takes this language's name (free, or it would have been found).
          if (e.name !== target) ws.name = target;
        } else {
          ws = sheets.add(target);
        }
        queueBlock(ws, block, rows, e !== undefined);
        out.sheets[kind] = target;
        out.rows[kind] = rows.length;
      }
      subject = "";
      await b.sync();
      out.syncs = b.syncs;
      return out;
    },
    () => subject,
  );
}
