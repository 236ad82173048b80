/**
 * Writes a consolidation (src/core/consolidate.ts) as an .xlsx with ExcelJS: the consolidation
 * sheet (one row per source and objective), the summary per source, and the files not merged
 * with the reason. Every value from a received file is written as data: strings as text cells.
 */
import ExcelJS from "exceljs";
import {
  CONSOLIDATION_TEXT,
  consolidationTable,
  sourceSummaryTable,
  unreadableTable,
  type ConsolidationResult,
  type TextTable,
} from "../core/consolidate";
import { ENTRY_FIELDS } from "../core/entrySchema";
import type { Lang } from "../core/language";
import { setDataCell } from "./cellText";

const HEADER_FILL = "FF1F4E79";

function addTableSheet(wb: ExcelJS.Workbook, name: string, table: TextTable, formats: Record<number, string>, widths: Record<number, number>): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const header = ws.getRow(1);
  table.headers.forEach((h, c) => {
    const cell = header.getCell(c + 1);
    cell.value = h;
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle", wrapText: true };
    ws.getColumn(c + 1).width = widths[c] ?? Math.min(40, Math.max(10, h.length + 2));
  });
  table.rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      setDataCell(cell, v);
      const format = formats[c];
      if (format !== undefined && typeof v === "number") cell.numFmt = format;
    });
  });
  if (table.headers.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.headers.length } };
  }
}

/** The consolidation workbook. */
export function buildConsolidationWorkbook(result: ConsolidationResult, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "LIAT";
  wb.subject = "LIAT consolidation";
  const T = CONSOLIDATION_TEXT;
  const main = consolidationTable(result, lang);
  const col = (header: string) => main.headers.indexOf(header);
  // Entry columns follow the 8 source and catalogue columns, in ENTRY_FIELDS order.
  const start = 8 + ENTRY_FIELDS.indexOf("start");
  const end = 8 + ENTRY_FIELDS.indexOf("end");
  addTableSheet(wb, T.sheet[lang], main, { [start]: "yyyy-mm-dd", [end]: "yyyy-mm-dd", [col(T.points[lang])]: "0" }, {
    0: 24, 3: 18, 4: 8, 5: 8, 6: 8, 7: 50, [col(T.issues[lang])]: 60,
  });
  const summary = sourceSummaryTable(result, lang);
  const formats: Record<number, string> = { 3: "0.0", 5: "0%" };
  for (let c = 8; c < 8 + 6; c++) formats[c] = "0.0";
  addTableSheet(wb, T.summarySheet[lang], summary, formats, { 0: 24 });
  addTableSheet(wb, T.unreadableSheet[lang], unreadableTable(result, lang), {}, { 0: 30, 1: 70, 2: 40 });
  return wb;
}

export async function writeConsolidation(result: ConsolidationResult, lang: Lang): Promise<Buffer> {
  const data = await buildConsolidationWorkbook(result, lang).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
