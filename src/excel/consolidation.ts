/**
 * Writes a consolidation (src/core/consolidate.ts) into the open workbook: the consolidation sheet
 * (one row per source and objective, the source named), the summary per source, and the files that
 * could not be merged with the reason, and the entry cells not merged (file, sheet, cell, value, reason). Everything read from other people's files is data: a string
 * cell gets the text number format "@" before its value is written, so "=HYPERLINK(...)", "+1+1",
 * "-2", "@SUM(A1)" or markup stay text and are never evaluated.
 *
 * Running it again replaces: rows of an earlier consolidation that come from the same source (same
 * file name, or same content key, kept in a hidden last column) are replaced by the new ones; rows
 * of other sources are kept. Whole 2-D ranges, in requests that stay under Excel on the web's 5 MB
 * whatever the number of sources: 2 syncs for a first consolidation that fits one request, one more per
 * WRITE_BUDGET_BYTES written; a re-run first reads the earlier sheets' size, then their cells READ_CELLS at a time.
 */
import { columnLetter, MAX_ROWS } from "../core/a1";
import {
  CONSOLIDATION_TEXT,
  cellData,
  consolidationTable,
  notMergedTable,
  sourceSummaryTable,
  unreadableTable,
  type ConsolidationResult,
  type TextTable,
} from "../core/consolidate";
import type { CellValue } from "../core/excelValues";
import { LANGUAGES, type Lang, type Localized } from "../core/language";
import { CONSOLIDATION_SHEET, HEADER_FILL, HEADER_FONT } from "../core/layout";
import { liatError } from "./liatError";
import { runExcel } from "./excelApi";
import type { Batch } from "./excelApi";

/** Header of the hidden last column that identifies each row's source (content hash or fingerprint). */
export const SOURCE_KEY_HEADER = "LIAT source";

const TEXT_FORMAT = "@";

export type ConsolidationSheetKind = "consolidation" | "summary" | "notMerged" | "unreadable";

export const CONSOLIDATION_SHEETS: Record<ConsolidationSheetKind, Localized> = {
  consolidation: CONSOLIDATION_SHEET,
  summary: CONSOLIDATION_TEXT.summarySheet,
  notMerged: CONSOLIDATION_TEXT.notMergedSheet,
  unreadable: CONSOLIDATION_TEXT.unreadableSheet,
};

const KINDS: readonly ConsolidationSheetKind[] = ["consolidation", "summary", "notMerged", "unreadable"];

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

/** The three tables of a consolidation in `lang`, each with its rows' source keys ("" when none). */
function tablesOf(
  result: ConsolidationResult,
  lang: Lang,
): Record<ConsolidationSheetKind, { table: TextTable; keys: string[] }> {
  return {
    consolidation: { table: consolidationTable(result, lang), keys: result.rows.map((r) => r.source.key) },
    summary: { table: sourceSummaryTable(result, lang), keys: result.sources.map((s) => s.source.key) },
    notMerged: { table: notMergedTable(result, lang), keys: result.notMerged.map(() => "") },
    unreadable: { table: unreadableTable(result, lang), keys: result.unreadable.map(() => "") },
  };
}

const isBlankValue = (v: unknown) => v === null || v === undefined || v === "";

/** The number format of a value written: text as text ("@"), numbers as the column says. */
function formatOf(v: string | number | boolean, column: number, table: TextTable): string {
  if (typeof v === "string") return TEXT_FORMAT;
  if (typeof v === "number") return table.numberFormats[column] ?? "General";
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
  return (
    Object.values(T.file).includes(String(first)) && (kind !== "consolidation" || existing.values[0]!.includes("Code"))
  );
}

/** Earlier data rows of a sheet, with their key (from the key column when there is one). */
function earlierRows(existing: Existing, width: number): { row: CellValue[]; key: string; file: string }[] {
  if (existing.values.length < 2) return [];
  const header = existing.values[0]!;
  const keyCol = header.indexOf(SOURCE_KEY_HEADER);
  const dataWidth = keyCol >= 0 ? keyCol : header.length;
  return existing.values.slice(1).flatMap((cells) => {
    if (cells.every(isBlankValue)) return [];
    const row = Array.from({ length: width }, (_, c) =>
      c < dataWidth && !isBlankValue(cells[c]) ? (cells[c] as CellValue) : null,
    );
    return [
      {
        row,
        key: keyCol >= 0 && !isBlankValue(cells[keyCol]) ? String(cells[keyCol]) : "",
        file: isBlankValue(cells[0]) ? "" : String(cells[0]),
      },
    ];
  });
}

/**
 * Estimated bytes of the values and formats one request writes at most. Excel on the web refuses a request above
 * 5 MB; the estimate counts JSON characters (a character past U+007F takes 2-3 bytes in UTF-8), hence the margin.
 */
export const WRITE_BUDGET_BYTES = 1_500_000;

/** Cells of an earlier consolidation sheet read per request (1 MB at 100 bytes a cell; Excel on the web: 5 MB). */
export const READ_CELLS = 10_000;

/** One sheet's block: header and rows as values and number formats (row 0 = header), and the sheet's set-up. */
interface Block {
  ws: Excel.Worksheet;
  last: string;
  values: (string | number | boolean)[][];
  formats: string[][];
}

/** Queues a sheet's set-up: clears it, styles the header, column widths, hidden key column, frozen header row. */
function queueSetup(ws: Excel.Worksheet, table: TextTable, cleared: boolean, last: string): void {
  if (cleared) ws.getRange().clear("All" as Excel.ClearApplyTo);
  const header = ws.getRange(`A1:${last}1`);
  header.format.font.bold = true;
  header.format.font.color = HEADER_FONT;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
  for (const [c, w] of Object.entries(table.widths)) {
    const letter = columnLetter(Number(c));
    ws.getRange(`${letter}:${letter}`).format.columnWidth = w * 6; // characters → points, roughly
  }
  ws.getRange(`${last}:${last}`).columnHidden = true;
  ws.freezePanes.freezeRows(1);
}

/** Header and rows of a sheet, as values and formats. */
function blockOf(ws: Excel.Worksheet, table: TextTable, rows: { row: CellValue[]; key: string }[]): Block {
  const headers = [...table.headers, SOURCE_KEY_HEADER];
  const values: (string | number | boolean)[][] = [headers];
  const formats: string[][] = [headers.map(() => TEXT_FORMAT)];
  for (const { row, key } of rows) {
    // Office writes "" to clear a cell (null would leave it as it was).
    const out = [...table.headers.map((_, c) => cellData(row[c]) ?? ""), key];
    values.push(out);
    formats.push(out.map((v, c) => formatOf(v, c, table)));
  }
  return { ws, last: columnLetter(headers.length - 1), values, formats };
}

/** Estimated JSON size of one written row (values and formats). */
function rowBytes(values: readonly unknown[], formats: readonly string[]): number {
  return JSON.stringify(values).length + JSON.stringify(formats).length;
}

/**
 * Queues the blocks' rows in requests of at most WRITE_BUDGET_BYTES: `flush` syncs between requests. Formats go
 * before values in each request: a string lands in a text cell and is kept as typed, never parsed.
 */
async function writeBlocks(blocks: Block[], budget: number, flush: () => Promise<void>): Promise<void> {
  let used = 0;
  for (const block of blocks) {
    let start = 0;
    while (start < block.values.length) {
      let end = start;
      let bytes = 0;
      while (end < block.values.length) {
        const next = rowBytes(block.values[end]!, block.formats[end]!);
        if (end > start && used + bytes + next > budget) break;
        bytes += next;
        end++;
      }
      if (end === start) break;
      if (used > 0 && used + bytes > budget) {
        await flush();
        used = 0;
      }
      const range = block.ws.getRange(`A${start + 1}:${block.last}${end}`);
      range.numberFormat = block.formats.slice(start, end);
      range.values = block.values.slice(start, end);
      used += bytes;
      start = end;
    }
  }
}

/**
 * Reads the used ranges found (their size loaded) from A1, READ_CELLS cells per request; row 0 = header row.
 * All the sheets' first chunks go in one request.
 */
async function readInChunks(
  b: Batch,
  found: Partial<Record<ConsolidationSheetKind, { name: string; used: Excel.Range }>>,
): Promise<Partial<Record<ConsolidationSheetKind, CellValue[][]>>> {
  const out: Partial<Record<ConsolidationSheetKind, CellValue[][]>> = {};
  const pending: { kind: ConsolidationSheetKind; ws: Excel.Worksheet; next: number; rows: number; cols: number }[] = [];
  for (const kind of KINDS) {
    const f = found[kind];
    if (!f) continue;
    if (f.used.isNullObject) {
      out[kind] = [];
      continue;
    }
    const rows = f.used.rowIndex + f.used.rowCount;
    const cols = f.used.columnIndex + f.used.columnCount;
    out[kind] = [];
    pending.push({ kind, ws: b.context.workbook.worksheets.getItem(f.name), next: 0, rows, cols });
  }
  while (pending.some((p) => p.next < p.rows)) {
    let cells = 0;
    const loads: { kind: ConsolidationSheetKind; range: Excel.Range }[] = [];
    for (const p of pending) {
      while (p.next < p.rows && (cells === 0 || cells + p.cols <= READ_CELLS)) {
        const count = Math.min(p.rows - p.next, Math.max(1, Math.floor((READ_CELLS - cells) / p.cols)));
        const range = p.ws.getRangeByIndexes(p.next, 0, count, p.cols);
        range.load("values");
        loads.push({ kind: p.kind, range });
        cells += count * p.cols;
        p.next += count;
      }
    }
    await b.sync();
    for (const l of loads) out[l.kind]!.push(...(l.range.values as CellValue[][]));
  }
  return out;
}

/** Data rows a sheet can hold under its header row: Excel's row limit. */
export const ROWS_PER_SHEET = MAX_ROWS - 1;

/**
 * Writes the consolidation sheets in `lang`. Earlier rows from the same sources are replaced, not
 * duplicated. Throws a LiatError when a sheet of that name exists and is not a consolidation, or when a
 * sheet would need more rows than Excel has (`rowsPerSheet` data rows under the header; `liat merge`
 * continues on further sheets, the pane does not): nothing is written then.
 */
export async function writeConsolidation(
  result: ConsolidationResult,
  lang: Lang,
  rowsPerSheet: number = ROWS_PER_SHEET,
): Promise<ConsolidationWriteResult> {
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
        // This language's name first, then the name in any other language (a workbook switched language).
        const name = [lang, ...LANGUAGES].map((l) => find(CONSOLIDATION_SHEETS[kind][l])).find((n) => n !== undefined);
        if (name === undefined) continue;
        // the used range's size first, its values then in requests of READ_CELLS cells (never one huge response)
        const used = sheets.getItem(name).getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        found[kind] = { name, used };
      }
      const existing: Partial<Record<ConsolidationSheetKind, Existing>> = {};
      if (Object.keys(found).length > 0) {
        await b.sync();
        const reads = await readInChunks(b, found);
        for (const kind of KINDS) {
          const f = found[kind];
          if (!f) continue;
          const e = { name: f.name, values: reads[kind] ?? [] };
          if (!isOurs(e, kind)) throw liatError("sheetNameTaken", f.name);
          existing[kind] = e;
        }
      }

      const tables = tablesOf(result, lang);
      const incomingKeys = new Set(result.sources.map((s) => s.source.key));
      const incomingFiles = new Set([
        ...result.sources.map((s) => s.source.fileName),
        ...result.unreadable.map((u) => u.fileName),
      ]);
      const replacedBy = (r: { key: string; file: string }) =>
        (r.key !== "" && incomingKeys.has(r.key)) || incomingFiles.has(r.file);

      const out: Omit<ConsolidationWriteResult, "syncs"> = {
        sheets: {} as ConsolidationWriteResult["sheets"],
        rows: {} as ConsolidationWriteResult["rows"],
        replaced: 0,
        kept: 0,
      };
      // every sheet's rows first: one that would not fit is refused before anything is queued
      const planned = KINDS.map((kind) => {
        const { table, keys } = tables[kind];
        const e = existing[kind];
        const earlier = e ? earlierRows(e, table.headers.length) : [];
        const kept = earlier.filter((r) => !replacedBy(r));
        if (kind === "consolidation") {
          out.kept = kept.length;
          out.replaced = earlier.length - kept.length;
        }
        const rows = [...kept, ...table.rows.map((row, i) => ({ row, key: keys[i] ?? "" }))];
        const target = CONSOLIDATION_SHEETS[kind][lang];
        if (rows.length > rowsPerSheet) {
          throw liatError("consolidationTooLong", target);
        }
        return { kind, table, e, rows, target };
      });
      const blocks: Block[] = [];
      for (const { kind, table, e, rows, target } of planned) {
        subject = e?.name ?? target;
        let ws: Excel.Worksheet;
        if (e) {
          ws = sheets.getItem(e.name);
          // An earlier consolidation in the other language takes this language's name (free, or it would have been found).
          if (e.name !== target) ws.name = target;
        } else {
          ws = sheets.add(target);
        }
        const block = blockOf(ws, table, rows);
        queueSetup(ws, table, e !== undefined, block.last);
        blocks.push(block);
        out.sheets[kind] = target;
        out.rows[kind] = rows.length;
      }
      subject = "";
      await writeBlocks(blocks, WRITE_BUDGET_BYTES, () => b.sync());
      await b.sync();
      return { ...out, syncs: b.syncs };
    },
    () => subject,
  );
}
