/**
 * Writes a consolidation (src/core/consolidate.ts) into the open workbook: the consolidation sheet
 * (one row per source and objective, the source named), the summary per source, and the files that
 * could not be merged with the reason, the entry cells not merged (file, sheet, cell, value, reason), and which
 * header cell of each source was read as which column (as `liat merge` writes them). Everything read from other
 * people's files is data: a string
 * cell gets the text number format "@" before its value is written, so "=HYPERLINK(...)", "+1+1",
 * "-2", "@SUM(A1)" or markup stay text and are never evaluated.
 *
 * Every sheet's rows can be written as the files are read (openConsolidationOutput: the pane keeps none of them),
 * below the earlier rows; the files not merged at the end (writeConsolidation does it all at once).
 *
 * Running it again replaces: rows of an earlier consolidation that come from the same source (same
 * file name, or same content key, kept in a hidden last column) are replaced by the new ones, in the last request;
 * rows of other sources are kept, in their order, before the new ones. Whole 2-D ranges, in requests that stay under
 * Excel on the web's 5 MB whatever the number of sources: 2 syncs for a first consolidation that fits one request,
 * one more per WRITE_BUDGET_BYTES written; a re-run first reads the earlier sheets' size, then their cells
 * READ_CELLS at a time, keeping of each row its file and key.
 */
import { columnLetter, MAX_ROWS, sheetPartName } from "../core/a1";
import {
  CONSOLIDATION_TEXT,
  cellData,
  columnsReadTable,
  consolidationHeaders,
  consolidationLook,
  notMergedTable,
  sourceSummaryTable,
  unreadableTable,
  type ConsolidationInLanguage,
  type ConsolidationReport,
  type ConsolidationSheetRows,
  type TextTable,
  STREAMED_SHEETS,
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

export type ConsolidationSheetKind = "consolidation" | "summary" | "notMerged" | "columns" | "unreadable";

export const CONSOLIDATION_SHEETS: Record<ConsolidationSheetKind, Localized> = {
  consolidation: CONSOLIDATION_SHEET,
  summary: CONSOLIDATION_TEXT.summarySheet,
  notMerged: CONSOLIDATION_TEXT.notMergedSheet,
  columns: CONSOLIDATION_TEXT.columnsSheet,
  unreadable: CONSOLIDATION_TEXT.unreadableSheet,
};

const KINDS: readonly ConsolidationSheetKind[] = ["consolidation", "summary", "notMerged", "columns", "unreadable"];

/** A sheet's headers and look in `lang` (its rows are handed to the output as they come, or at the end). */
function emptyTable(kind: ConsolidationSheetKind, lang: Lang): TextTable {
  switch (kind) {
    case "consolidation":
      return { headers: consolidationHeaders(lang), rows: [], ...consolidationLook() };
    case "summary":
      return sourceSummaryTable({ sources: [] }, lang);
    case "notMerged":
      return notMergedTable({ notMerged: [] }, lang);
    case "columns":
      return columnsReadTable({ sources: [] }, lang);
    case "unreadable":
      return unreadableTable({ unreadable: [] }, lang);
  }
}

export interface ConsolidationWriteResult {
  /** Name of each sheet written (its first part: the further ones are named "Name (2)"…, sheetPartName). */
  sheets: Record<ConsolidationSheetKind, string>;
  /** Data rows on each sheet after the write, its further parts included (earlier rows kept + new rows). */
  rows: Record<ConsolidationSheetKind, number>;
  /** Earlier rows of the consolidation sheet replaced by this run (same sources). */
  replaced: number;
  /** Earlier rows of the consolidation sheet kept (other sources). */
  kept: number;
  /** Rows this run added to the consolidation sheet. */
  added: number;
  syncs: number;
}

/** A cell read back as text ("" when blank). */
const textOf = (v: unknown) => (v === null || v === undefined || v === "" ? "" : String(v));

/** An earlier row of a sheet: its file and its source's key ("" when blank). */
interface EarlierRow {
  file: string;
  key: string;
}

/** True when a sheet's header row is that of an earlier consolidation sheet of this kind. */
function isOurs(header: readonly CellValue[], kind: ConsolidationSheetKind): boolean {
  return (
    Object.values(CONSOLIDATION_TEXT.file).includes(String(header[0])) &&
    (kind !== "consolidation" || header.includes("Code"))
  );
}

/**
 * Estimated bytes of the values and formats one request writes at most. Excel on the web refuses a request above
 * 5 MB; the estimate counts JSON characters (a character past U+007F takes 2-3 bytes in UTF-8), hence the margin.
 */
export const WRITE_BUDGET_BYTES = 1_500_000;

/** Cells of an earlier consolidation sheet read per request (1 MB at 100 bytes a cell; Excel on the web: 5 MB). */
export const READ_CELLS = 10_000;

/** One line of a sheet as written: its values and their number formats, and their size in a request (JSON). */
interface Line {
  values: (string | number | boolean)[];
  formats: string[];
  bytes: number;
}

/** A line, its size counted once. */
const lineWith = (values: Line["values"], formats: string[]): Line => ({
  values,
  formats,
  bytes: jsonArrayLength(values) + formatsLength(formats),
});

/**
 * One sheet's block of lines, each made only when its request is queued, so that no second copy of a large
 * consolidation is made before it is written.
 */
interface Block {
  ws: Excel.Worksheet;
  last: string;
  /** The sheet's row (0-based) of the block's first line. */
  firstRow: number;
  /** Lines of the block. */
  count: number;
  line: (index: number) => Line;
}

/** Queues a sheet's set-up: styles the header, column widths, hidden key column, frozen header row. */
function queueSetup(ws: Excel.Worksheet, table: TextTable, last: string): void {
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

/** The letter of a sheet's last column: the hidden key column after the table's. */
const lastColumn = (table: TextTable) => columnLetter(table.headers.length);

/** The number format of cells that are neither text nor a number with a format of its column's. */
const GENERAL = "General";

/**
 * Makes a table's lines: each row as written, cell data ("" clears a cell: null would leave it as it was), then the
 * source's key; text in the text format ("@"), a number in its column's format, anything else "General"; and the
 * line's size in a request, counted as its values and formats are made (one pass, a line per row written).
 *
 * What is decided by the column alone is decided once: each column's number format and its length. A column's text
 * often repeats from one row to the next (a source's file, city and period, the sheet, the objective, a status, the
 * key), so each column's last text and its length are kept: a text seen on the row before is not scanned again.
 */
export class LineMaker {
  private readonly width: number;
  /** By 0-based column, the key column's included: the format of its numbers, and JSON.stringify(format).length. */
  private readonly numberFormats: string[] = [];
  private readonly numberFormatLengths: number[] = [];
  /** By column: the last text written, and JSON.stringify(text).length. */
  private readonly lastTexts: (string | undefined)[] = [];
  private readonly lastTextLengths: number[] = [];

  constructor(table: TextTable) {
    this.width = table.headers.length;
    for (let c = 0; c <= this.width; c++) {
      const format = table.numberFormats[c] ?? GENERAL;
      this.numberFormats.push(format);
      this.numberFormatLengths.push(formatLength(format));
      this.lastTexts.push(undefined);
      this.lastTextLengths.push(0);
    }
  }

  /** The line of `row` (the table's columns) and `key` (the hidden key column). */
  line(row: readonly CellValue[], key: string): Line {
    const width = this.width;
    const values = new Array<Line["values"][number]>(width + 1);
    const formats = new Array<string>(width + 1);
    // brackets and commas of both arrays, of width + 1 items each
    let bytes = 2 * (width + 2);
    for (let c = 0; c <= width; c++) {
      const v = c < width ? (cellData(row[c]) ?? "") : key;
      values[c] = v;
      if (typeof v === "string") {
        formats[c] = TEXT_FORMAT;
        bytes += TEXT_FORMAT_LENGTH + this.textLength(c, v);
      } else if (typeof v === "number") {
        formats[c] = this.numberFormats[c]!;
        bytes += this.numberFormatLengths[c]! + numberLength(v);
      } else {
        formats[c] = GENERAL;
        bytes += GENERAL_LENGTH + (v ? 4 : 5);
      }
    }
    return { values, formats, bytes };
  }

  /** JSON.stringify(text).length, remembered for the column's last text. */
  private textLength(column: number, text: string): number {
    if (this.lastTexts[column] === text) return this.lastTextLengths[column]!;
    const length = valueLength(text);
    this.lastTexts[column] = text;
    this.lastTextLengths[column] = length;
    return length;
  }
}

/** A sheet's header line: the table's headers, then the key column's. */
function headerLine(table: TextTable): Line {
  const headers = [...table.headers, SOURCE_KEY_HEADER];
  return lineWith(
    headers,
    headers.map(() => TEXT_FORMAT),
  );
}

/** Queues one line into a sheet's row (1-based): its number formats first, then its values. */
function queueLine(ws: Excel.Worksheet, last: string, row: number, line: Line): void {
  const range = ws.getRange(`A${row}:${last}${row}`);
  range.numberFormat = [line.formats];
  range.values = [line.values];
}

/**
 * Characters JSON.stringify may escape in a string (quote, backslash, controls, surrogates: a lone one is escaped, a
 * pair is not). Global: stringLength goes on from each one found (lastIndex).
 */
// eslint-disable-next-line no-control-regex -- the control characters JSON escapes are what this finds
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/g;

/**
 * The length of JSON.stringify(text), without making the text: its length and its quotes, and what each escape
 * adds (most texts have none: one search). Texts with a few escapes (messages quoting a value) are not copied.
 */
function stringLength(text: string): number {
  let length = text.length + 2;
  JSON_ESCAPED.lastIndex = 0;
  while (JSON_ESCAPED.test(text)) {
    const at = JSON_ESCAPED.lastIndex - 1;
    const c = text.charCodeAt(at);
    // \" \\ \b \t \n \f \r
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) length += 1;
    // another control character: \u00XX
    else if (c < 0x20) length += 5;
    // a high surrogate followed by a low one: a pair, kept as it is (the low one skipped)
    else if (c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) JSON_ESCAPED.lastIndex++;
    // a lone surrogate: \udXXX
    else length += 5;
  }
  return length;
}

/**
 * The length of JSON.stringify(values), without making the text (stringLength, numberLength). Numbers are finite
 * here (cellData).
 */
export function jsonArrayLength(values: readonly (string | number | boolean)[]): number {
  return arrayLength(values, valueLength);
}

/** The length of JSON.stringify(items), each item's length given by `itemLength`: brackets and commas added. */
function arrayLength<T>(items: readonly T[], itemLength: (item: T) => number): number {
  let n = items.length === 0 ? 2 : items.length + 1;
  for (const item of items) n += itemLength(item);
  return n;
}

/** The length of JSON.stringify(v). */
const valueLength = (v: string | number | boolean): number =>
  typeof v === "string" ? stringLength(v) : typeof v === "number" ? numberLength(v) : v ? 4 : 5;

/**
 * The length of JSON.stringify(n) for a finite number: a whole number's digits are counted (most numbers written are
 * whole: dates, amounts, points), any other number is made into its text.
 */
function numberLength(n: number): number {
  if (!Number.isSafeInteger(n)) return String(n).length;
  // -0 is written "0"
  let length = n < 0 ? 2 : 1;
  for (let rest = Math.abs(n); rest >= 10; rest = Math.floor(rest / 10)) length++;
  return length;
}

/**
 * A row's size in a request, roughly: its texts' lengths and a few characters a cell (its quotes, its number format).
 * Only tells when a request's worth of rows is waiting; each request is then cut by its lines' exact size.
 */
function roughBytes(row: readonly CellValue[]): number {
  let n = 0;
  for (const v of row) n += typeof v === "string" ? v.length + 8 : 12;
  return n;
}

/** JSON length of each number format written (a handful: text, General and the table's formats). */
const FORMAT_LENGTHS = new Map<string, number>();

/** The length of JSON.stringify(formats). */
function formatsLength(formats: readonly string[]): number {
  return arrayLength(formats, formatLength);
}

/** The length of JSON.stringify(format), remembered. */
function formatLength(format: string): number {
  let length = FORMAT_LENGTHS.get(format);
  if (length === undefined) FORMAT_LENGTHS.set(format, (length = JSON.stringify(format).length));
  return length;
}

const TEXT_FORMAT_LENGTH = formatLength(TEXT_FORMAT);
const GENERAL_LENGTH = formatLength(GENERAL);

/**
 * Queues the blocks' rows in requests of at most WRITE_BUDGET_BYTES: `flush` syncs between requests. Formats go
 * before values in each request: a string lands in a text cell and is kept as typed, never parsed.
 */
async function writeBlocks(blocks: Block[], budget: number, flush: () => Promise<void>): Promise<void> {
  let used = 0;
  for (const block of blocks) {
    let start = 0;
    while (start < block.count) {
      const values: Line["values"][] = [];
      const formats: string[][] = [];
      let bytes = 0;
      while (start + values.length < block.count) {
        const line = block.line(start + values.length);
        const next = line.bytes;
        if (values.length > 0 && used + bytes + next > budget) break;
        values.push(line.values);
        formats.push(line.formats);
        bytes += next;
      }
      if (used > 0 && used + bytes > budget) {
        await flush();
        used = 0;
      }
      const end = start + values.length;
      const range = block.ws.getRange(`A${block.firstRow + start + 1}:${block.last}${block.firstRow + end}`);
      range.numberFormat = formats;
      range.values = values;
      used += bytes;
      start = end;
    }
  }
}

/** Header cells read of an earlier sheet (ours have at most 26 columns, the key column included). */
const HEADER_CELLS = 100;

/** An earlier sheet found: which part of which sheet it is, its used range's size and its header row. */
interface Found {
  kind: ConsolidationSheetKind;
  /** 1 for the sheet itself, 2 for "Name (2)"… (sheetPartName). */
  part: number;
  name: string;
  used: Excel.Range;
  header: Excel.Range;
}

/**
 * Reads the data rows of the sheets found (their size and header loaded), only their file (first column) and key
 * (the key column, when the header has one), READ_CELLS cells per request, the sheets' first chunks in one request:
 * neither memory nor the requests grow with an earlier consolidation's text. Each sheet's rows, in the order found.
 */
async function readInChunks(b: Batch, found: readonly Found[]): Promise<EarlierRow[][]> {
  const out: EarlierRow[][] = found.map(() => []);
  const pending: { at: number; ws: Excel.Worksheet; next: number; rows: number; key: number }[] = [];
  found.forEach((f, at) => {
    if (f.used.isNullObject) return;
    const header = (f.header.values[0] ?? []) as CellValue[];
    const rows = f.used.rowIndex + f.used.rowCount;
    const ws = b.context.workbook.worksheets.getItem(f.name);
    pending.push({ at, ws, next: 1, rows, key: header.indexOf(SOURCE_KEY_HEADER) });
  });
  while (pending.some((p) => p.next < p.rows)) {
    let cells = 0;
    const loads: { at: number; files: Excel.Range; keys: Excel.Range | null }[] = [];
    for (const p of pending) {
      const width = p.key >= 0 ? 2 : 1;
      while (p.next < p.rows && (cells === 0 || cells + width <= READ_CELLS)) {
        const count = Math.min(p.rows - p.next, Math.max(1, Math.floor((READ_CELLS - cells) / width)));
        const files = p.ws.getRangeByIndexes(p.next, 0, count, 1);
        files.load("values");
        const keys = p.key >= 0 ? p.ws.getRangeByIndexes(p.next, p.key, count, 1) : null;
        keys?.load("values");
        loads.push({ at: p.at, files, keys });
        cells += count * width;
        p.next += count;
      }
    }
    await b.sync();
    for (const l of loads) {
      const into = out[l.at]!;
      const keys = l.keys?.values;
      l.files.values.forEach((row, i) => into.push({ file: textOf(row[0]), key: textOf(keys?.[i]?.[0]) }));
    }
  }
  return out;
}

/** Data rows a sheet can hold under its header row: Excel's row limit. */
export const ROWS_PER_SHEET = MAX_ROWS - 1;

/**
 * A consolidation written as the files are read: every sheet's rows go into the workbook as they come (a request's
 * worth at a time), those of the files not merged at the end. The pane keeps no row once it is written.
 */
export interface ConsolidationOutput {
  /** Hands on rows made in the output's language; they are written once a request's worth is waiting. */
  add(rows: ConsolidationSheetRows): Promise<void>;
  /**
   * Writes the rows still waiting and those of the files not merged, then removes the earlier rows that this run
   * replaces (same source, or same file), in a last request of its own.
   */
  finish(report: ConsolidationReport): Promise<ConsolidationWriteResult>;
  /**
   * After `cause` (a failure), takes the rows written so far out again, leaving the workbook as it was, then throws
   * `cause`; if taking them out fails too, that failure is thrown, with `cause` as its cause. After a failure of
   * finish's last request (the earlier rows replaced), the sheets are left as that request left them.
   */
  abandon(cause: unknown): Promise<never>;
}

/**
 * Opens the consolidation sheets for writing in `lang`: finds earlier ones (in any language, with their further
 * parts "Name (2)"…) and reads what the replacement needs: of each row, its file and key. Throws a LiatError when a
 * sheet of that name exists and is not a consolidation: nothing is written then.
 *
 * New rows are written below the earlier ones as they come; a sheet whose rows are full (`rowsPerSheet`, earlier
 * rows included) goes on on a further sheet, named as `liat merge` names it. `finish` then removes the earlier rows
 * replaced, so each sheet ends with the rows kept, in their order, then the new ones.
 */
export async function openConsolidationOutput(
  lang: Lang,
  rowsPerSheet: number = ROWS_PER_SHEET,
): Promise<ConsolidationOutput> {
  let syncs = 0;
  let subject = "";
  const run = async <T>(batch: (b: Batch) => Promise<T>): Promise<T> =>
    runExcel(
      async (b) => {
        try {
          return await batch(b);
        } finally {
          syncs += b.syncs;
        }
      },
      () => subject,
    );

  const existing: { f: Found; rows: EarlierRow[] }[] = await run(async (b) => {
    const sheets = b.context.workbook.worksheets;
    sheets.load("items/name");
    await b.sync();
    const names = sheets.items.map((s) => s.name);
    const find = (name: string) => names.find((n) => n.toLowerCase() === name.toLowerCase());
    const found: Found[] = [];
    for (const kind of KINDS) {
      // This language's name first, then the name in any other language (a workbook switched language).
      const named = [lang, ...LANGUAGES].find((l) => find(CONSOLIDATION_SHEETS[kind][l]) !== undefined);
      if (named === undefined) continue;
      // the sheet and its further parts; of each, the used range's size and the header first, the rows then in
      // requests of READ_CELLS cells
      for (let part = 1; ; part++) {
        const name = find(sheetPartName(CONSOLIDATION_SHEETS[kind][named], part));
        if (name === undefined) break;
        const ws = sheets.getItem(name);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,rowCount");
        const header = ws.getRangeByIndexes(0, 0, 1, HEADER_CELLS);
        header.load("values");
        found.push({ kind, part, name, used, header });
      }
    }
    if (found.length === 0) return [];
    await b.sync();
    // a sheet of that name that is not ours is refused before any of its rows is read
    for (const f of found)
      if (!f.used.isNullObject && !isOurs((f.header.values[0] ?? []) as CellValue[], f.kind))
        throw liatError("sheetNameTaken", f.name);
    const reads = await readInChunks(b, found);
    return found.map((f, i) => ({ f, rows: reads[i]! }));
  });

  /**
   * One sheet (or one further part of it) while rows are written: earlier rows first, new rows below them (those of
   * the files not merged only at `finish`).
   */
  interface Part {
    kind: ConsolidationSheetKind;
    table: TextTable;
    /** Makes the lines of its rows (one per part: what it remembers is the part's). */
    lines: LineMaker;
    last: string;
    /** Its name in `lang`, which it takes at `finish`. */
    target: string;
    /** The earlier sheet's data rows, as file and key. */
    earlier: EarlierRow[];
    /** Its name while rows are written (an earlier one keeps its name until `finish`); null until it exists. */
    name: string | null;
    /** Set when this output adds the sheet (from the first request that writes rows). */
    created: boolean;
    /** New rows on the sheet, below the earlier ones; `staged` counts those of a request under way too. */
    written: number;
    staged: number;
    /**
     * Rows handed on and not yet written, and their keys (side by side: no object per row); each made into a line
     * only when its request is built.
     */
    waiting: { rows: (readonly CellValue[])[]; keys: string[] };
  }
  const newPart = (kind: ConsolidationSheetKind, part: number, earlier?: { name: string; rows: EarlierRow[] }) => {
    const table = emptyTable(kind, lang);
    return {
      kind,
      table,
      lines: new LineMaker(table),
      last: lastColumn(table),
      target: sheetPartName(CONSOLIDATION_SHEETS[kind][lang], part),
      earlier: earlier?.rows ?? [],
      name: earlier?.name ?? null,
      created: false,
      written: 0,
      staged: 0,
      waiting: { rows: [], keys: [] },
    } satisfies Part as Part;
  };
  /** Each sheet's parts, in order: the earlier ones, and those this output adds. */
  const series = Object.fromEntries(
    KINDS.map((kind): [ConsolidationSheetKind, Part[]] => {
      const earlier = existing.filter((e) => e.f.kind === kind);
      const parts = earlier.map((e) => newPart(kind, e.f.part, { name: e.f.name, rows: e.rows }));
      return [kind, parts.length > 0 ? parts : [newPart(kind, 1)]];
    }),
  ) as Record<ConsolidationSheetKind, Part[]>;
  const allParts = () => KINDS.flatMap((kind) => series[kind]);
  /** The part of a sheet that takes its next row: its last part, or a new one once that one's rows are full. */
  const partFor = (kind: ConsolidationSheetKind): Part => {
    const parts = series[kind];
    const last = parts[parts.length - 1]!;
    if (last.earlier.length + last.written + last.waiting.rows.length < rowsPerSheet) return last;
    const next = newPart(kind, parts.length + 1);
    parts.push(next);
    return next;
  };
  /** Puts a row and its key in the waiting rows of the part of its sheet that takes it. */
  const wait = (kind: ConsolidationSheetKind, row: readonly CellValue[], key: string) => {
    const { waiting } = partFor(kind);
    waiting.rows.push(row);
    waiting.keys.push(key);
  };
  /** Set once `finish` has begun changing the earlier rows: they can no longer be told from the new ones. */
  let finishing = false;
  /** A rough size of the waiting rows (their texts' lengths), to know when a request's worth is waiting. */
  let waitingBytes = 0;

  /** Queues the creation of the sheets not there yet, in their order; returns each part's sheet. */
  const sheetsIn = (b: Batch): Map<Part, Excel.Worksheet> => {
    const sheets = b.context.workbook.worksheets;
    const out = new Map<Part, Excel.Worksheet>();
    for (const p of allParts()) {
      if (p.name !== null) out.set(p, sheets.getItem(p.name));
      else {
        p.name = p.target;
        p.created = true;
        out.set(p, sheets.add(p.target));
      }
    }
    return out;
  };
  /** Runs a request that writes new rows: they count as staged until it has succeeded. */
  const writing = async (batch: (b: Batch) => Promise<void>): Promise<void> => {
    const parts = allParts();
    for (const p of parts) p.staged = p.written + p.waiting.rows.length;
    await run(batch);
    for (const p of parts) {
      p.written = p.staged;
      p.waiting = { rows: [], keys: [] };
    }
    waitingBytes = 0;
  };
  /** Queues every part's waiting rows, below the rows already on it, in requests of WRITE_BUDGET_BYTES. */
  const queueWaiting = async (b: Batch, ws: Map<Part, Excel.Worksheet>): Promise<void> => {
    subject = series.consolidation[0]!.name ?? series.consolidation[0]!.target;
    const blocks = allParts().map((p): Block => {
      const { rows, keys } = p.waiting;
      return {
        ws: ws.get(p)!,
        last: p.last,
        firstRow: 1 + p.earlier.length + p.written,
        count: rows.length,
        line: (i) => p.lines.line(rows[i]!, keys[i]!),
      };
    });
    await writeBlocks(blocks, WRITE_BUDGET_BYTES, () => b.sync());
  };

  return {
    async add(rows) {
      for (const kind of STREAMED_SHEETS) {
        const sheet = rows.sheets[kind];
        sheet.values.forEach((row, i) => {
          wait(kind, row, sheet.keys[i] ?? "");
          waitingBytes += roughBytes(row);
        });
      }
      if (waitingBytes < WRITE_BUDGET_BYTES) return;
      await writing(async (b) => {
        await queueWaiting(b, sheetsIn(b));
        await b.sync();
      });
      subject = "";
    },

    async finish(report) {
      // the sources this run replaces: every source merged (the report names each one), every file read again
      const keys = new Set(report.sources.map((s) => s.source.key));
      const files = new Set([
        ...report.sources.map((s) => s.source.fileName),
        ...report.unreadable.map((u) => u.fileName),
      ]);
      // the files not merged are known only now: their rows wait like the others'
      for (const row of unreadableTable(report, lang).rows) wait("unreadable", row, "");
      const replacedBy = (r: EarlierRow) => (r.key !== "" && keys.has(r.key)) || (r.file !== "" && files.has(r.file));
      const plans = allParts().map((p) => ({
        p,
        replaced: p.earlier.flatMap((r, i) => (replacedBy(r) ? [i] : [])),
        added: p.written + p.waiting.rows.length,
      }));
      // nothing to undo but the rows added when no earlier row is replaced and no earlier sheet renamed
      const undoable = !plans.some(
        ({ p, replaced }) => replaced.length > 0 || (p.name !== null && p.name !== p.target),
      );

      await writing(async (b) => {
        const ws = sheetsIn(b);
        // The rows still waiting first, below the earlier ones: abandon can take them out until the last request,
        // which alone holds what cannot be undone (the earlier rows replaced, the names).
        await queueWaiting(b, ws);
        if (!undoable && plans.some(({ p }) => p.waiting.rows.length > 0)) await b.sync();
        finishing = !undoable;
        for (const { p, replaced } of plans) {
          subject = p.name ?? p.target;
          const sheet = ws.get(p)!;
          // the earlier rows replaced, bottom up, each run of them at once
          for (let end = replaced.length; end > 0;) {
            let start = end - 1;
            while (start > 0 && replaced[start - 1] === replaced[start]! - 1) start--;
            sheet
              .getRange(`${replaced[start]! + 2}:${replaced[end - 1]! + 2}`)
              .delete("Up" as Excel.DeleteShiftDirection);
            end = start;
          }
          // An earlier sheet in another language takes this language's name (free, or it would have been found).
          if (p.name !== p.target) sheet.name = p.target;
          queueSetup(sheet, p.table, p.last);
          queueLine(sheet, p.last, 1, headerLine(p.table));
        }
        subject = "";
        await b.sync();
      });
      for (const { p } of plans) p.name = p.target;
      const sum = (kind: ConsolidationSheetKind, count: (plan: (typeof plans)[number]) => number) =>
        plans.filter(({ p }) => p.kind === kind).reduce((n, plan) => n + count(plan), 0);
      const kept = (plan: (typeof plans)[number]) => plan.p.earlier.length - plan.replaced.length;
      const sheets = Object.fromEntries(KINDS.map((kind) => [kind, series[kind][0]!.target]));
      const rows = Object.fromEntries(KINDS.map((kind) => [kind, sum(kind, (plan) => kept(plan) + plan.added)]));
      return {
        sheets: sheets as ConsolidationWriteResult["sheets"],
        rows: rows as ConsolidationWriteResult["rows"],
        replaced: sum("consolidation", (plan) => plan.replaced.length),
        kept: sum("consolidation", kept),
        added: sum("consolidation", (plan) => plan.added),
        syncs,
      };
    },

    async abandon(cause) {
      const parts = allParts();
      for (const p of parts) p.waiting = { rows: [], keys: [] };
      // the sheets this output added, and those under whose earlier rows it wrote
      const undo = parts.filter((p) => p.name !== null && (p.created || p.staged > 0));
      if (finishing || undo.length === 0) throw cause;
      await run(async (b) => {
        // each sheet as it is now: a request that failed may or may not have added it
        const sheets = undo.map((p) => {
          const ws = b.context.workbook.worksheets.getItemOrNullObject(p.name!);
          ws.load("name");
          return { p, ws };
        });
        await b.sync();
        for (const { p, ws } of sheets) {
          if (ws.isNullObject) continue;
          if (p.created) ws.delete();
          else
            ws.getRange(`${p.earlier.length + 2}:${p.earlier.length + 1 + p.staged}`).delete(
              "Up" as Excel.DeleteShiftDirection,
            );
        }
        await b.sync();
      }).catch((failure: unknown) => {
        throw failure instanceof Error ? Object.assign(failure, { cause }) : failure;
      });
      for (const p of undo) {
        if (p.created) p.name = null;
        p.created = false;
        p.written = p.staged = 0;
      }
      throw cause;
    },
  };
}

/**
 * Writes a whole consolidation at once (the rows already made in its language): see openConsolidationOutput.
 * Earlier rows from the same sources are replaced, not duplicated; nothing is written when it is refused.
 */
export async function writeConsolidation(
  result: ConsolidationInLanguage,
  rowsPerSheet: number = ROWS_PER_SHEET,
): Promise<ConsolidationWriteResult> {
  const output = await openConsolidationOutput(result.rows.lang, rowsPerSheet);
  try {
    await output.add(result.rows);
    return await output.finish(result);
  } catch (error) {
    return output.abandon(error);
  }
}
