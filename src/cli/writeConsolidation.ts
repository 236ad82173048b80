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
import { closeSync, openSync, writeSync } from "node:fs";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import {
  CONSOLIDATION_TEXT,
  columnsReadTable,
  consolidationHeaders,
  consolidationLook,
  consolidationRow,
  notMergedTable,
  sourceSummaryTable,
  unreadableTable,
  type ConsolidationResult,
  type ConsolidationRow,
  type TextTable,
} from "../core/consolidate";
import { byCity, byCityTable } from "../core/cityPeriods";
import type { CellValue } from "../core/excelValues";
import type { Lang } from "../core/language";
import { setDataCell } from "./cellText";
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
    const format = formats[c];
    cell.style = sharedStyle(format !== undefined && typeof v === "number" ? format : cell.numFmt);
  });
  row.commit();
}

function finishSheet(ws: SheetWriter, rows: number, columns: number): void {
  if (columns > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: columns } };
  ws.commit();
}

function writeTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, table: TextTable): void {
  const ws = startSheet(wb, name, table.headers, table.widths);
  table.rows.forEach((values, r) => addRow(ws, r + 2, values, table.numberFormats));
  finishSheet(ws, table.rows.length, table.headers.length);
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

  /** Writes the other sheets and closes the file. `result.rows` are written too, when there are any. */
  async finish(result: ConsolidationResult): Promise<void> {
    this.addRows(result.rows);
    finishSheet(this.ws, this.rowsWritten, this.headers.length);
    const T = CONSOLIDATION_TEXT;
    const lang = this.lang;
    writeTable(this.wb, T.summarySheet[lang], sourceSummaryTable(result, lang));
    writeTable(this.wb, T.byCitySheet[lang], byCityTable(byCity(result.sources), lang));
    writeTable(this.wb, T.notMergedSheet[lang], notMergedTable(result, lang));
    writeTable(this.wb, T.columnsSheet[lang], columnsReadTable(result, lang));
    writeTable(this.wb, T.unreadableSheet[lang], unreadableTable(result, lang));
    await this.wb.commit();
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

  finish(result: ConsolidationResult): void {
    this.addRows(result.rows);
    const parts = {
      sources: result.sources,
      byCity: byCity(result.sources),
      notMerged: result.notMerged,
      unreadable: result.unreadable,
    };
    const rest = Object.entries(parts)
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, "\n  ")}`)
      .join(",\n");
    writeSync(this.fd, `${this.first ? "" : "\n  "}],\n${rest}\n}\n`);
    closeSync(this.fd);
  }

  /** Closes the file without finishing it (after a failure). */
  abort(): void {
    closeSync(this.fd);
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
