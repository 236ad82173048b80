/**
 * Writes a consolidation (src/core/consolidate.ts) into the open workbook: the consolidation sheet
 * (one row per source and objective, the source named), the summary per source, and the files that
 * could not be merged with the reason, the entry cells not merged (file, sheet, cell, value, reason), and which
 * header cell of each source was read as which column (as `liat merge` writes them). Everything read from other
 * people's files is data: a string
 * cell gets the text number format "@" before its value is written, so "=HYPERLINK(...)", "+1+1",
 * "-2", "@SUM(A1)" or markup stay text and are never evaluated.
 *
 * The consolidation sheet's rows can be written as the files are read (openConsolidationOutput: the pane keeps
 * none), below the earlier rows; the other sheets are written at the end (writeConsolidation does it all at once).
 *
 * Running it again replaces: rows of an earlier consolidation that come from the same source (same
 * file name, or same content key, kept in a hidden last column) are replaced by the new ones; rows
 * of other sources are kept, in their order, before the new ones. Whole 2-D ranges, in requests that stay under Excel on the web's 5 MB
 * whatever the number of sources: 2 syncs for a first consolidation that fits one request, one more per
 * WRITE_BUDGET_BYTES written; a re-run first reads the earlier sheets' size, then their cells READ_CELLS at a time.
 */
import { columnLetter, MAX_ROWS } from "../core/a1";
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

/** The table of a sheet written at the end, with each row's source key ("" when it has none). */
function endTable(
  kind: Exclude<ConsolidationSheetKind, "consolidation">,
  report: ConsolidationReport,
  lang: Lang,
): { table: TextTable; keys: string[] } {
  switch (kind) {
    case "summary":
      return { table: sourceSummaryTable(report, lang), keys: report.sources.map((s) => s.source.key) };
    case "notMerged":
      return { table: notMergedTable(report, lang), keys: [] };
    case "columns":
      return {
        table: columnsReadTable(report, lang),
        keys: report.sources.flatMap((s) => s.columns.map(() => s.source.key)),
      };
    case "unreadable":
      return { table: unreadableTable(report, lang), keys: [] };
  }
}

export interface ConsolidationWriteResult {
  /** Name of each sheet written. */
  sheets: Record<ConsolidationSheetKind, string>;
  /** Data rows on each sheet after the write (earlier rows kept + new rows). */
  rows: Record<ConsolidationSheetKind, number>;
  /** Earlier rows of the consolidation sheet replaced by this run (same sources). */
  replaced: number;
  /** Earlier rows of the consolidation sheet kept (other sources). */
  kept: number;
  /** Rows this run added to the consolidation sheet. */
  added: number;
  syncs: number;
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
  /**
   * Values of the used range from A1 (row 0 = header), or [] when the sheet is blank; the consolidation sheet's
   * data rows only as [file, key] (readInChunks).
   */
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
  /** Lines of the block, header included when it starts at A1. */
  count: number;
  line: (index: number) => Line;
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

/** The letter of a sheet's last column: the hidden key column after the table's. */
const lastColumn = (table: TextTable) => columnLetter(table.headers.length);

/**
 * A row as written: cell data ("" clears a cell: null would leave it as it was), then the source's key; values and
 * formats made in one pass (a line per row written).
 */
function lineOf(table: TextTable, row: readonly CellValue[], key: string): Line {
  const width = table.headers.length;
  const values = new Array<Line["values"][number]>(width + 1);
  const formats = new Array<string>(width + 1);
  for (let c = 0; c < width; c++) {
    const v = cellData(row[c]) ?? "";
    values[c] = v;
    formats[c] = formatOf(v, c, table);
  }
  values[width] = key;
  formats[width] = formatOf(key, width, table);
  return lineWith(values, formats);
}

/** A sheet's header and rows from A1 (earlier rows kept, then the new ones), made into lines as they are written. */
function blockOf(
  ws: Excel.Worksheet,
  table: TextTable,
  kept: readonly { row: CellValue[]; key: string }[],
  keys: readonly string[],
): Block {
  const headers = [...table.headers, SOURCE_KEY_HEADER];
  return {
    ws,
    last: lastColumn(table),
    firstRow: 0,
    count: 1 + kept.length + table.rows.length,
    line: (i) => {
      if (i === 0)
        return lineWith(
          headers,
          headers.map(() => TEXT_FORMAT),
        );
      const k = kept[i - 1];
      if (k) return lineOf(table, k.row, k.key);
      const n = i - 1 - kept.length;
      return lineOf(table, table.rows[n]!, keys[n] ?? "");
    },
  };
}

/** Characters JSON.stringify escapes in a string (quote, backslash, controls, lone surrogates). */
// eslint-disable-next-line no-control-regex -- the control characters JSON escapes are what this finds
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The length of JSON.stringify(values), without making the text: a string that needs no escape is its length and
 * its quotes (most cells; the others are stringified). Numbers are finite here (cellData).
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
  typeof v === "string"
    ? v.length === 0
      ? 2
      : JSON_ESCAPED.test(v)
        ? JSON.stringify(v).length
        : v.length + 2
    : typeof v === "number"
      ? JSON.stringify(v).length
      : v
        ? 4
        : 5;

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

/**
 * Reads the used ranges found (their size loaded) from A1, READ_CELLS cells per request; row 0 = header row.
 * All the sheets' first chunks go in one request. The consolidation sheet's data rows are kept only as
 * [file, key] (its first column and its key column): memory does not grow with an earlier consolidation's text.
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
    for (const l of loads) {
      const into = out[l.kind]!;
      for (const cells of l.range.values as CellValue[][]) {
        if (l.kind !== "consolidation" || into.length === 0) into.push(cells);
        else into.push([cells[0] ?? null, cells[into[0]!.indexOf(SOURCE_KEY_HEADER)] ?? null]);
      }
    }
  }
  return out;
}

/** Data rows a sheet can hold under its header row: Excel's row limit. */
export const ROWS_PER_SHEET = MAX_ROWS - 1;

/** An earlier consolidation sheet's data rows, each as its file and its source's key ("" when blank). */
function earlierSources(existing: Existing): { file: string; key: string }[] {
  return existing.values.slice(1).map(([file, key]) => ({
    file: isBlankValue(file) ? "" : String(file),
    key: isBlankValue(key) ? "" : String(key),
  }));
}

/**
 * A consolidation written as the files are read: the consolidation sheet's rows go into the workbook as they come
 * (a request's worth at a time), the other sheets at the end. The pane keeps no row once it is written.
 */
export interface ConsolidationOutput {
  /** Hands on rows made in the output's language; they are written once a request's worth is waiting. */
  add(rows: ConsolidationSheetRows): Promise<void>;
  /**
   * Writes the rows still waiting and the other sheets, and removes the earlier rows that this run replaces (same
   * source, or same file). Throws "consolidationTooLong" before writing when the sheet would pass `rowsPerSheet`.
   */
  finish(report: ConsolidationReport): Promise<ConsolidationWriteResult>;
  /**
   * After `cause` (a failure, or a refusal), takes the rows written so far out again, leaving the workbook as it
   * was, then throws `cause`; if taking them out fails too, that failure is thrown, with `cause` as its cause.
   */
  abandon(cause: unknown): Promise<never>;
}

/**
 * Opens the consolidation sheets for writing in `lang`: finds earlier ones (in any language) and reads what the
 * replacement needs: of the consolidation sheet, only each row's file and key. Throws a LiatError when a sheet of
 * that name exists and is not a consolidation: nothing is written then.
 *
 * New rows are written below the earlier ones as they come; `finish` then removes the earlier rows replaced, so the
 * sheet ends with the rows kept, in their order, then the new ones. While rows are being written the sheet must hold
 * the earlier rows and the new ones together: past `rowsPerSheet` rows the merge is refused (and abandoned).
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

  const existing: Partial<Record<ConsolidationSheetKind, Existing>> = await run(async (b) => {
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
    const out: Partial<Record<ConsolidationSheetKind, Existing>> = {};
    if (Object.keys(found).length === 0) return out;
    await b.sync();
    const reads = await readInChunks(b, found);
    for (const kind of KINDS) {
      const f = found[kind];
      if (!f) continue;
      const e = { name: f.name, values: reads[kind] ?? [] };
      if (!isOurs(e, kind)) throw liatError("sheetNameTaken", f.name);
      out[kind] = e;
    }
    return out;
  });

  const target = CONSOLIDATION_SHEETS.consolidation[lang];
  const table: TextTable = { headers: consolidationHeaders(lang), rows: [], ...consolidationLook() };
  const last = lastColumn(table);
  const earlier = existing.consolidation ? earlierSources(existing.consolidation) : [];
  /** The consolidation sheet's name while rows are written (an earlier one keeps its name until `finish`). */
  let sheetName = existing.consolidation?.name ?? null;
  /** Set when this output adds the consolidation sheet (from the first request that writes to it). */
  let created = false;
  /** New rows on the sheet, below the earlier ones; `staged` counts those of a request under way too. */
  let written = 0;
  let staged = 0;
  /** Set once `finish` has begun changing the earlier rows: they can no longer be told from the new ones. */
  let finishing = false;
  /** Rows handed on and not yet written, with their keys; each is made into a line only when its request is built. */
  let waiting: { row: readonly CellValue[]; key: string }[] = [];
  /** A rough size of the waiting rows (their texts' lengths), to know when a request's worth is waiting. */
  let waitingBytes = 0;
  const keys = new Set<string>();
  const files = new Set<string>();

  /** Queues the creation of the consolidation sheet when there is none yet; returns it. */
  const sheetIn = (b: Batch): Excel.Worksheet => {
    const sheets = b.context.workbook.worksheets;
    if (sheetName !== null) return sheets.getItem(sheetName);
    sheetName = target;
    created = true;
    return sheets.add(target);
  };
  /** Runs a request that writes new rows: they count as staged until it has succeeded. */
  const writing = async (batch: (b: Batch) => Promise<void>): Promise<void> => {
    staged = written + waiting.length;
    await run(batch);
    written = staged;
    waiting = [];
    waitingBytes = 0;
  };
  /** The waiting rows as a block below the rows already on the sheet (kept after `keptAbove` earlier rows). */
  const waitingBlock = (ws: Excel.Worksheet, keptAbove: number): Block => {
    const rows = waiting;
    return {
      ws,
      last,
      firstRow: 1 + keptAbove + written,
      count: rows.length,
      line: (i) => lineOf(table, rows[i]!.row, rows[i]!.key),
    };
  };
  const tooLong = () => liatError("consolidationTooLong", target);

  return {
    async add(rows) {
      rows.values.forEach((row, i) => {
        const key = rows.keys[i] ?? "";
        waiting.push({ row, key });
        waitingBytes += roughBytes(row);
        if (key !== "") keys.add(key);
        if (typeof row[0] === "string") files.add(row[0]);
      });
      if (waitingBytes < WRITE_BUDGET_BYTES) return;
      if (earlier.length + written + waiting.length > rowsPerSheet) throw tooLong();
      subject = sheetName ?? target;
      await writing(async (b) => {
        await writeBlocks([waitingBlock(sheetIn(b), earlier.length)], WRITE_BUDGET_BYTES, () => b.sync());
        await b.sync();
      });
      subject = "";
    },

    async finish(report) {
      for (const s of report.sources) {
        keys.add(s.source.key);
        files.add(s.source.fileName);
      }
      for (const u of report.unreadable) files.add(u.fileName);
      const replacedBy = (r: { key: string; file: string }) =>
        (r.key !== "" && keys.has(r.key)) || (r.file !== "" && files.has(r.file));
      const replaced = earlier.flatMap((r, i) => (replacedBy(r) ? [i] : []));
      const kept = earlier.length - replaced.length;
      const newRows = written + waiting.length;
      if (kept + newRows > rowsPerSheet) throw tooLong();

      // the other sheets: earlier rows kept, then the new ones; every sheet checked before anything is queued
      const others = (["summary", "notMerged", "columns", "unreadable"] as const).map((kind) => {
        const t = endTable(kind, report, lang);
        const e = existing[kind];
        const keptRows = (e ? earlierRows(e, t.table.headers.length) : []).filter((r) => !replacedBy(r));
        const name = CONSOLIDATION_SHEETS[kind][lang];
        if (keptRows.length + t.table.rows.length > rowsPerSheet) throw liatError("consolidationTooLong", name);
        return { kind, ...t, e, keptRows, name };
      });

      let out: Pick<ConsolidationWriteResult, "sheets" | "rows"> | undefined;
      await writing(async (b) => {
        const sheets = b.context.workbook.worksheets;
        subject = sheetName ?? target;
        const ws = sheetIn(b);
        finishing = replaced.length > 0 || sheetName !== target;
        // the earlier rows replaced, bottom up, each run of them at once
        for (let end = replaced.length; end > 0;) {
          let start = end - 1;
          while (start > 0 && replaced[start - 1] === replaced[start]! - 1) start--;
          ws.getRange(`${replaced[start]! + 2}:${replaced[end - 1]! + 2}`).delete("Up" as Excel.DeleteShiftDirection);
          end = start;
        }
        if (sheetName !== target) ws.name = target;
        queueSetup(ws, table, false, last);
        // the header (the table has no rows of its own: they are the waiting ones), then the waiting rows
        const blocks: Block[] = [blockOf(ws, table, [], []), waitingBlock(ws, kept)];
        const names = { consolidation: target } as ConsolidationWriteResult["sheets"];
        const rows = { consolidation: kept + newRows } as ConsolidationWriteResult["rows"];
        for (const o of others) {
          subject = o.e?.name ?? o.name;
          let sheet: Excel.Worksheet;
          if (o.e) {
            sheet = sheets.getItem(o.e.name);
            // An earlier sheet in the other language takes this language's name (free, or it would have been found).
            if (o.e.name !== o.name) sheet.name = o.name;
          } else {
            sheet = sheets.add(o.name);
          }
          const block = blockOf(sheet, o.table, o.keptRows, o.keys);
          queueSetup(sheet, o.table, o.e !== undefined, block.last);
          blocks.push(block);
          names[o.kind] = o.name;
          rows[o.kind] = o.keptRows.length + o.table.rows.length;
        }
        subject = "";
        await writeBlocks(blocks, WRITE_BUDGET_BYTES, () => b.sync());
        await b.sync();
        out = { sheets: names, rows };
      });
      sheetName = target;
      return { ...out!, replaced: replaced.length, kept, added: newRows, syncs };
    },

    async abandon(cause) {
      waiting = [];
      const name = sheetName;
      if (name === null || finishing || (!created && staged === 0)) throw cause;
      await run(async (b) => {
        // the sheet as it is now: a request that failed may or may not have added it
        const ws = b.context.workbook.worksheets.getItemOrNullObject(name);
        ws.load("name");
        await b.sync();
        // eslint-disable-next-line office-addins/call-sync-before-read -- synced just above by b.sync() (context.sync() counted, src/excel/excelApi.ts), which the rule does not know by name
        if (ws.isNullObject) return;
        if (created) ws.delete();
        else
          ws.getRange(`${earlier.length + 2}:${earlier.length + 1 + staged}`).delete(
            "Up" as Excel.DeleteShiftDirection,
          );
        await b.sync();
      }).catch((failure: unknown) => {
        throw failure instanceof Error ? Object.assign(failure, { cause }) : failure;
      });
      if (created) sheetName = null;
      created = false;
      written = staged = 0;
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
