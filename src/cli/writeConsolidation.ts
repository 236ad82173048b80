/**
 * Writes a consolidation (src/core/consolidate.ts) as an .xlsx, streamed: the consolidation sheet
 * (one row per source and objective) is written row by row as the sources are merged
 * (src/cli/xlsxStreamWriter.ts: our own SpreadsheetML, shared styles, a bounded shared-strings table), so
 * time stays linear and memory flat with the number of files. Then the summary per source, By city, the
 * entry cells not merged, the columns read and the files not merged. Every value from a received file is
 * written as data: strings as text cells, character for character.
 *
 * The JSON output is streamed the same way, and holds the same values.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { StringDecoder } from "node:string_decoder";
import { join } from "node:path";
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
import { byCity, byCityTable, citySource, type CitySource } from "../core/cityPeriods";
import type { CellValue } from "../core/excelValues";
import type { Lang } from "../core/language";
import { writeRowJson, type RowJsonSink } from "./consolidationRowJson";
import { Utf8Pieces } from "./utf8Pieces";
import { XlsxStreamWriter, type SheetStream, type XlsxSink } from "./xlsxStreamWriter";

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
    const buffer = Buffer.alloc(1 << 16);
    // A piece may end inside a character (the decoder keeps its first bytes for the next piece) or inside a
    // line (its start is kept for the next piece).
    const decoder = new StringDecoder("utf8");
    let position = 0;
    let rest = "";
    for (;;) {
      const n = readSync(this.fd, buffer, 0, buffer.length, position);
      if (n === 0) break;
      position += n;
      const text = rest + decoder.write(buffer.subarray(0, n));
      const cut = text.lastIndexOf("\n");
      rest = text.slice(cut + 1);
      for (const line of text.slice(0, cut).split("\n")) if (line !== "") yield line;
    }
    rest += decoder.end();
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
 * What the By city view reads of each source (src/core/cityPeriods.ts: file, city, period, scores), set
 * aside on disk as the sources come and read back once, when the By city rows are made.
 */
class SpilledCitySources {
  private readonly file = new SpillFile("cities");
  add(source: SourceSummary): void {
    this.file.add(JSON.stringify(citySource(source)));
  }
  all(): CitySource[] {
    return Array.from(this.file.lines(), (line) => JSON.parse(line) as CitySource);
  }
  close(): void {
    this.file.close();
  }
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

/** A sheet of a table: its rows set aside first (in the order added), then the table's own rows. */
function writeTable(book: XlsxStreamWriter, name: string, table: TextTable, spilled?: SpilledRows): void {
  const sheet = book.addSheet(name, table);
  if (spilled) for (const values of spilled.rows()) sheet.addRow(values);
  for (const values of table.rows) sheet.addRow(values);
  sheet.end();
}

/** What the merge hands the consolidation workbook: ConsolidationWriter, or the same in a thread of its own. */
export interface ConsolidationOutput {
  addRows(rows: readonly ConsolidationRow[]): void;
  addSource(source: SourceSummary, notMerged: readonly NotMergedCell[]): void;
  finish(result: ConsolidationResult): void;
  close(): void;
  /** Another file's bytes written by the output's thread, where it has one (finish that file first). */
  fileBytes?(fd: number): FileBytes;
}

/** Who writes the bytes of an open file, in order. */
export interface FileBytes {
  /** True when `write` keeps the piece it is given (it must not be reused). */
  readonly keepsPieces: boolean;
  write(bytes: Buffer): void;
  /** Returns once every piece is written; throws when one could not be. */
  flush(): void;
  /** Returns once nothing more is being written to the file (it can be closed); never throws. */
  release(): void;
}

/**
 * The consolidation workbook, written as rows arrive (to a file, or to a sink that takes the bytes in
 * order): call `addRows` and `addSource` for each source, then `finish` with the rest of the result
 * (sources, cells not merged, files not read). Every write is done when the call returns: nothing waits.
 */
export class ConsolidationWriter implements ConsolidationOutput {
  private readonly book: XlsxStreamWriter;
  private readonly sheet: SheetStream;
  private readonly fd: number | null;
  private readonly look = consolidationLook();

  constructor(
    target: { filename: string } | { sink: XlsxSink },
    private readonly lang: Lang,
  ) {
    let sink: XlsxSink;
    if ("filename" in target) {
      const fd = openSync(target.filename, "w");
      this.fd = fd;
      sink = (bytes) => void writeSync(fd, bytes);
    } else {
      this.fd = null;
      sink = target.sink;
    }
    this.book = new XlsxStreamWriter(sink);
    this.sheet = this.book.addSheet(CONSOLIDATION_TEXT.sheet[lang], {
      headers: consolidationHeaders(lang),
      ...this.look,
    });
  }

  addRows(rows: readonly ConsolidationRow[]): void {
    for (const r of rows) this.sheet.addRow(consolidationRow(r, this.lang));
  }

  /** Consolidation rows already made into cell values (src/core/consolidate.ts, consolidationRow). */
  addRowValues(rows: readonly (readonly CellValue[])[]): void {
    for (const values of rows) this.sheet.addRow(values);
  }

  /** What each source adds to the later sheets (summary, cells not merged, columns read), set aside on disk. */
  private readonly spilled = {
    summary: new SpilledRows("summary"),
    notMerged: new SpilledRows("not-merged"),
    columns: new SpilledRows("columns"),
  };

  /** What the By city sheet reads of each source, set aside on disk. */
  private readonly cities = new SpilledCitySources();

  /** One merged source's summary and cells not merged, written at `finish` (not kept in memory meanwhile). */
  addSource(source: SourceSummary, notMerged: readonly NotMergedCell[]): void {
    this.cities.add(source);
    this.spilled.summary.add(sourceSummaryRow(source, this.lang));
    for (const n of notMerged) this.spilled.notMerged.add(notMergedRow(n, this.lang));
    for (const row of columnsReadRows(source, this.lang)) this.spilled.columns.add(row);
  }

  /**
   * Writes the other sheets and closes the file: what `addSource` set aside, then `result`'s own
   * sources, cells not merged and rows (when there are any).
   */
  finish(result: ConsolidationResult): void {
    try {
      this.addRows(result.rows);
      this.sheet.end();
      const T = CONSOLIDATION_TEXT;
      const lang = this.lang;
      const { summary, notMerged, columns } = this.spilled;
      writeTable(this.book, T.summarySheet[lang], sourceSummaryTable(result, lang), summary);
      const cities = byCity([...this.cities.all(), ...result.sources]);
      writeTable(this.book, T.byCitySheet[lang], byCityTable(cities, lang));
      writeTable(this.book, T.notMergedSheet[lang], notMergedTable(result, lang), notMerged);
      writeTable(this.book, T.columnsSheet[lang], columnsReadTable(result, lang), columns);
      writeTable(this.book, T.unreadableSheet[lang], unreadableTable(result, lang));
      this.book.finish();
    } finally {
      this.close();
    }
  }

  /** Closes the file and deletes what was set aside (after finish, or after a failure). */
  close(): void {
    for (const spill of Object.values(this.spilled)) spill.close();
    this.cities.close();
    if (this.fd !== null && !this.closed) closeSync(this.fd);
    this.closed = true;
  }
  private closed = false;
}

/**
 * The consolidation JSON, written as rows arrive: `{"rows": [...], "sources": ..., "byCity": ..., "notMerged": ...,
 * "unreadable": ...}` (`byCity`: src/core/cityPeriods.ts). Written a piece at a time (src/cli/utf8Pieces.ts): a large
 * table is never one long string.
 */
export class ConsolidationJsonWriter {
  private readonly fd: number;
  private readonly out: Utf8Pieces;
  private readonly bytes: FileBytes;
  private first = true;

  /** `path`: the file; `writer`: who writes its bytes, given the open file (this thread by default). */
  constructor(path: string, writer?: (fd: number) => FileBytes | undefined) {
    const fd = (this.fd = openSync(path, "w"));
    this.bytes = writer?.(fd) ?? {
      keepsPieces: false,
      write: (bytes) => void writeSync(fd, bytes),
      flush: () => undefined,
      release: () => undefined,
    };
    this.out = new Utf8Pieces((bytes) => this.bytes.write(bytes), this.bytes.keepsPieces);
    this.out.add('{\n  "rows": [');
  }

  addRows(rows: readonly ConsolidationRow[]): void {
    for (const r of rows) {
      this.out.add(this.first ? "\n    " : ",\n    ");
      writeRowJson(r, this.rowSink);
      this.first = false;
    }
  }

  /** A row's JSON into the output: the shared parts written more than once as their bytes, encoded once. */
  private readonly rowSink: RowJsonSink = {
    text: (text) => this.out.add(text),
    shared: (json) => {
      if (json.uses++ === 0) this.out.add(json.text);
      else this.out.addBytes((json.bytes ??= Buffer.from(json.text, "utf8")));
    },
  };

  /** Sources and cells not merged, set aside on disk as they come (one JSON value a line). */
  private readonly spilled = { sources: new SpillFile("sources"), notMerged: new SpillFile("not-merged-json") };
  private closed = false;
  /** What the By city view reads of each source, set aside on disk. */
  private readonly cities = new SpilledCitySources();

  /** One merged source's summary and cells not merged, written at `finish` (not kept in memory meanwhile). */
  addSource(source: SourceSummary, notMerged: readonly NotMergedCell[]): void {
    this.spilled.sources.add(JSON.stringify(source));
    this.cities.add(source);
    for (const n of notMerged) this.spilled.notMerged.add(JSON.stringify(n));
  }

  /** Writes one array of the JSON: what was set aside, then `items`, one value a line. */
  private writeArray(name: string, spilled: SpillFile | null, items: readonly unknown[]): void {
    this.out.add(`  ${JSON.stringify(name)}: [`);
    let first = true;
    const add = (json: string) => {
      this.out.add(`${first ? "" : ","}\n    ${json}`);
      first = false;
    };
    if (spilled) for (const line of spilled.lines()) add(line);
    for (const item of items) add(JSON.stringify(item));
    this.out.add(`${first ? "" : "\n  "}]`);
  }

  finish(result: ConsolidationResult): void {
    try {
      this.addRows(result.rows);
      this.out.add(`${this.first ? "" : "\n  "}],\n`);
      this.writeArray("sources", this.spilled.sources, result.sources);
      this.out.add(",\n");
      this.writeArray("byCity", null, byCity([...this.cities.all(), ...result.sources]));
      this.out.add(",\n");
      this.writeArray("notMerged", this.spilled.notMerged, result.notMerged);
      this.out.add(",\n");
      this.writeArray("unreadable", null, result.unreadable);
      this.out.add("\n}\n");
      this.out.flush();
      this.bytes.flush();
    } finally {
      this.abort();
    }
  }

  /** Closes the file (unfinished, after a failure) and deletes what was set aside. */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    this.bytes.release();
    closeSync(this.fd);
    for (const spill of Object.values(this.spilled)) spill.close();
    this.cities.close();
  }
}

/** The whole consolidation workbook as bytes (small results: the task pane's tests, the command line's tests). */
export function writeConsolidation(result: ConsolidationResult, lang: Lang): Buffer {
  const chunks: Uint8Array[] = [];
  new ConsolidationWriter({ sink: (bytes) => chunks.push(bytes) }, lang).finish(result);
  return Buffer.concat(chunks);
}
