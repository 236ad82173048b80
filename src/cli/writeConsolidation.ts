/**
 * Writes a consolidation (src/core/consolidate.ts) as an .xlsx, streamed: the consolidation sheet
 * (one row per source and objective) is written row by row as the sources are merged, with shared
 * styles (ExcelJS's streaming WorkbookWriter; shared strings, as Excel writes them), so time stays linear and memory flat
 * with the number of files. Then the summary per source, the entry cells not merged, the columns
 * read and the files not merged. Every value from a received file is written as data: strings as
 * text cells, character for character (see cellText.ts).
 *
 * The JSON output is streamed the same way, and holds the same values.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import {
  CONSOLIDATION_TEXT,
  cellData,
  columnsReadRows,
  columnsReadTable,
  consolidationHeaders,
  consolidationLook,
  consolidationRow,
  notMergedRow,
  notMergedTable,
  sourceSummaryRow,
  sourceSummaryTable,
  unreadableTable,
  type ConsolidationResult,
  type ConsolidationRow,
  type NotMergedCell,
  type SourceSummary,
  type TextTable,
} from "../core/consolidate";
import { byCity, byCityTable } from "../core/cityPeriods";
import type { CellValue } from "../core/excelValues";
import type { Lang } from "../core/language";
import { setDataCell, TEXT_FORMAT } from "./cellText";
import { styleHeaderCell } from "./writeWorkbook";

type SheetWriter = ExcelJS.Worksheet;

/** A sheet with a styled, frozen header row and column widths; rows are added and committed one by one. */
function startSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  headers: readonly string[],
  widths: TextTable["widths"],
): SheetWriter {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = headers.map((h, c) => ({ width: widths[c] ?? Math.min(40, Math.max(10, h.length + 2)) }));
  const header = ws.getRow(1);
  headers.forEach((h, c) => {
    const cell = header.getCell(c + 1);
    cell.value = h;
    styleHeaderCell(cell);
  });
  header.commit();
  return ws;
}

/**
 * Cell styles shared by every cell that has them: ExcelJS then finds a style it has already written by
 * the object (not by comparing its content), so a style costs nothing per cell.
 */
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const sharedStyles = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(numFmt: string | undefined): Partial<ExcelJS.Style> {
  if (numFmt === undefined) return NO_STYLE;
  let style = sharedStyles.get(numFmt);
  if (style === undefined) sharedStyles.set(numFmt, (style = Object.freeze({ numFmt })));
  return style;
}

function addRow(ws: SheetWriter, rowNumber: number, values: readonly CellValue[], formats: TextTable["numberFormats"]) {
  const row = ws.getRow(rowNumber);
  values.forEach((v, c) => {
    const cell = row.getCell(c + 1);
    setDataCell(cell, v);
    // the style setDataCell gave (text format for a string), or the column's number format, as a shared object
    const data = cellData(v);
    const format = formats[c];
    cell.style = sharedStyle(
      typeof data === "string" ? TEXT_FORMAT : format !== undefined && typeof data === "number" ? format : undefined,
    );
  });
  row.commit();
}

function finishSheet(ws: SheetWriter, rows: number, columns: number): void {
  if (columns > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: columns } };
  ws.commit();
}

/**
 * Lines of text kept in a temporary file, not in memory: what a merge lists per source (summary, columns
 * read, cells not merged) is set aside there as the sources come, and read back once at the end, so that
 * memory does not grow with the number of files.
 */
export class SpillFile {
  private readonly path: string;
  private readonly fd: number;
  private pending = "";
  count = 0;

  constructor(name: string) {
    this.path = join(tmpdir(), `liat-merge-${process.pid}-${Math.random().toString(36).slice(2)}-${name}.ndjson`);
    this.fd = openSync(this.path, "w+");
  }

  /** Adds one line (text without a line break, e.g. JSON). */
  add(line: string): void {
    this.pending += `${line}\n`;
    this.count++;
    if (this.pending.length > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.pending !== "") writeSync(this.fd, this.pending);
    this.pending = "";
  }

  /** Every line, in the order added, read back a piece at a time. */
  *lines(): Generator<string> {
    this.flush();
    const buffer = Buffer.alloc(1 << 20);
    let position = 0;
    let rest = "";
    for (;;) {
      const n = readSync(this.fd, buffer, 0, buffer.length, position);
      if (n === 0) break;
      position += n;
      const text = rest + buffer.toString("utf8", 0, n);
      // A piece may end inside a character or a line: keep the unfinished end for the next piece.
      const cut = text.lastIndexOf("\n");
      rest = text.slice(cut + 1);
      for (const line of text.slice(0, cut).split("\n")) if (line !== "") yield line;
    }
    if (rest !== "") yield rest;
  }

  private closed = false;

  /** Closes and deletes the file (once). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}

/**
 * A source as the By city view reads it (src/core/cityPeriods.ts: city, period, file, scores): what a
 * writer keeps of each source set aside, a few numbers instead of its columns, issues and code lists.
 */
function citySource(s: SourceSummary): SourceSummary {
  return {
    ...s,
    columns: [],
    tableIssues: [],
    summary: { ...s.summary, priorities: [], domains: s.summary.domains.map((d) => ({ ...d, codes: [] })) },
  };
}

/** Table rows set aside in a spill file (values as a writer puts them, so JSON keeps them exactly). */
class SpilledRows {
  private readonly file: SpillFile;
  constructor(name: string) {
    this.file = new SpillFile(name);
  }
  add(values: readonly CellValue[]): void {
    this.file.add(JSON.stringify(values.map(cellData)));
  }
  get count(): number {
    return this.file.count;
  }
  *rows(): Generator<CellValue[]> {
    for (const line of this.file.lines()) yield JSON.parse(line) as CellValue[];
  }
  close(): void {
    this.file.close();
  }
}

/** Most bytes of sheet XML let wait for the zip before the writer waits for it (see drainSheet). */
const MAX_BACKLOG = 4 << 20;

/**
 * Bytes written to a sheet that the zip has not taken in yet: ExcelJS hands a sheet's XML on without
 * waiting (no backpressure), so on a busy machine, or while an earlier sheet is being zipped, it piles up.
 */
function sheetBacklog(ws: SheetWriter): number {
  type Buffered = { length?: number } | undefined;
  type Pipe = { _writableState?: Buffered; _readableState?: Buffered };
  const stream = (ws as unknown as { stream?: { pipes?: Pipe[] } }).stream;
  let n = 0;
  // archiver's entry input (a readable-stream PassThrough, which has no writableLength getter)
  for (const p of stream?.pipes ?? []) n += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  return n;
}

/** Waits until the zip has taken in most of a sheet's XML; gives up after a while rather than hang. */
async function drainSheet(ws: SheetWriter): Promise<void> {
  const until = Date.now() + 30_000;
  while (sheetBacklog(ws) > MAX_BACKLOG && Date.now() < until)
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
}

/** A sheet of a table: its rows set aside first (in the order added), then the table's own rows. */
async function writeTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  table: TextTable,
  spilled?: SpilledRows,
): Promise<void> {
  const ws = startSheet(wb, name, table.headers, table.widths);
  let r = 0;
  const add = async (values: readonly CellValue[]) => {
    addRow(ws, ++r + 1, values, table.numberFormats);
    if (r % 1_000 === 0) await drainSheet(ws);
  };
  if (spilled) for (const values of spilled.rows()) await add(values);
  for (const values of table.rows) await add(values);
  finishSheet(ws, r, table.headers.length);
}

/**
 * The consolidation workbook, written to a stream as rows arrive: call `addRows` for each source,
 * then `finish` with the rest of the result (sources, cells not merged, files not read).
 */
export class ConsolidationWriter {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly ws: SheetWriter;
  private readonly look = consolidationLook();
  private readonly headers: string[];
  private rowsWritten = 0;

  constructor(
    target: { filename: string } | { stream: Writable },
    private readonly lang: Lang,
  ) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: true });
    this.wb.creator = "LIAT";
    this.headers = consolidationHeaders(lang);
    this.ws = startSheet(this.wb, CONSOLIDATION_TEXT.sheet[lang], this.headers, this.look.widths);
  }

  addRows(rows: readonly ConsolidationRow[]): void {
    for (const r of rows)
      addRow(this.ws, ++this.rowsWritten + 1, consolidationRow(r, this.lang), this.look.numberFormats);
  }

  /**
   * Bytes written to the consolidation sheet that the zip has not taken in yet: ExcelJS hands a sheet's
   * XML on without waiting (no backpressure), so on a busy machine it piles up in the zip's input.
   */
  backlog(): number {
    return sheetBacklog(this.ws);
  }

  /** Waits until the zip has taken in most of what was written (call between files: memory stays flat). */
  async drain(): Promise<void> {
    await drainSheet(this.ws);
  }

  /** What each source adds to the later sheets (summary, cells not merged, columns read), set aside on disk. */
  private readonly spilled = {
    summary: new SpilledRows("summary"),
    notMerged: new SpilledRows("not-merged"),
    columns: new SpilledRows("columns"),
  };

  /** What the By city view reads of each source set aside (see citySource). */
  private readonly citySources: SourceSummary[] = [];

  /** One merged source's summary and cells not merged, written at `finish` (not kept in memory meanwhile). */
  addSource(source: SourceSummary, notMerged: readonly NotMergedCell[]): void {
    this.citySources.push(citySource(source));
    this.spilled.summary.add(sourceSummaryRow(source, this.lang));
    for (const n of notMerged) this.spilled.notMerged.add(notMergedRow(n, this.lang));
    for (const row of columnsReadRows(source, this.lang)) this.spilled.columns.add(row);
  }

  /**
   * Writes the other sheets and closes the file: what `addSource` set aside, then `result`'s own
   * sources, cells not merged and rows (when there are any).
   */
  async finish(result: ConsolidationResult): Promise<void> {
    try {
      this.addRows(result.rows);
      finishSheet(this.ws, this.rowsWritten, this.headers.length);
      const T = CONSOLIDATION_TEXT;
      const lang = this.lang;
      const { summary, notMerged, columns } = this.spilled;
      await writeTable(this.wb, T.summarySheet[lang], sourceSummaryTable(result, lang), summary);
      const cities = byCity([...this.citySources, ...result.sources]);
      await writeTable(this.wb, T.byCitySheet[lang], byCityTable(cities, lang));
      await writeTable(this.wb, T.notMergedSheet[lang], notMergedTable(result, lang), notMerged);
      await writeTable(this.wb, T.columnsSheet[lang], columnsReadTable(result, lang), columns);
      await writeTable(this.wb, T.unreadableSheet[lang], unreadableTable(result, lang));
      await this.wb.commit();
    } finally {
      this.close();
    }
  }

  /** Deletes what was set aside (after finish, or after a failure). */
  close(): void {
    for (const spill of Object.values(this.spilled)) spill.close();
  }
}

const JSON_ROWS_PER_WRITE = 500;

/**
 * The consolidation JSON, written as rows arrive: `{"rows": [...], "sources": ..., "byCity": ..., "notMerged": ...,
 * "unreadable": ...}` (`byCity`: src/core/cityPeriods.ts).
 */
export class ConsolidationJsonWriter {
  private readonly fd: number;
  private first = true;

  constructor(path: string) {
    this.fd = openSync(path, "w");
    writeSync(this.fd, '{\n  "rows": [');
  }

  addRows(rows: readonly ConsolidationRow[]): void {
    if (rows.length === 0) return;
    // A few hundred rows per write: a large table is never one huge string.
    for (let i = 0; i < rows.length; i += JSON_ROWS_PER_WRITE) {
      const text = rows
        .slice(i, i + JSON_ROWS_PER_WRITE)
        .map((r) => `\n    ${JSON.stringify(r)}`)
        .join(",");
      writeSync(this.fd, (this.first ? "" : ",") + text);
      this.first = false;
    }
  }

  /** Sources and cells not merged, set aside on disk as they come (one JSON value a line). */
  private readonly spilled = { sources: new SpillFile("sources"), notMerged: new SpillFile("not-merged-json") };
  private closed = false;
  /** What the By city view reads of each source set aside (see citySource). */
  private readonly citySources: SourceSummary[] = [];

  /** One merged source's summary and cells not merged, written at `finish` (not kept in memory meanwhile). */
  addSource(source: SourceSummary, notMerged: readonly NotMergedCell[]): void {
    this.spilled.sources.add(JSON.stringify(source));
    this.citySources.push(citySource(source));
    for (const n of notMerged) this.spilled.notMerged.add(JSON.stringify(n));
  }

  /** Writes one array of the JSON: what was set aside, then `items`, one value a line. */
  private writeArray(name: string, spilled: SpillFile | null, items: readonly unknown[]): void {
    writeSync(this.fd, `  ${JSON.stringify(name)}: [`);
    let first = true;
    let pending = "";
    const add = (json: string) => {
      pending += `${first ? "" : ","}\n    ${json}`;
      first = false;
      if (pending.length > 1 << 16) {
        writeSync(this.fd, pending);
        pending = "";
      }
    };
    if (spilled) for (const line of spilled.lines()) add(line);
    for (const item of items) add(JSON.stringify(item));
    writeSync(this.fd, `${pending}${first ? "" : "\n  "}]`);
  }

  finish(result: ConsolidationResult): void {
    try {
      this.addRows(result.rows);
      writeSync(this.fd, `${this.first ? "" : "\n  "}],\n`);
      this.writeArray("sources", this.spilled.sources, result.sources);
      writeSync(this.fd, ",\n");
      this.writeArray("byCity", null, byCity([...this.citySources, ...result.sources]));
      writeSync(this.fd, ",\n");
      this.writeArray("notMerged", this.spilled.notMerged, result.notMerged);
      writeSync(this.fd, ",\n");
      this.writeArray("unreadable", null, result.unreadable);
      writeSync(this.fd, "\n}\n");
    } finally {
      this.abort();
    }
  }

  /** Closes the file (unfinished, after a failure) and deletes what was set aside. */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    for (const spill of Object.values(this.spilled)) spill.close();
  }
}

/** The whole consolidation workbook as bytes (small results: the task pane's tests, the command line's tests). */
export async function writeConsolidation(result: ConsolidationResult, lang: Lang): Promise<Buffer> {
  const { PassThrough } = await import("node:stream");
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  await new ConsolidationWriter({ stream }, lang).finish(result);
  await done;
  return Buffer.concat(chunks);
}
