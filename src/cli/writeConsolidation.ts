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
import type { Lang } from "../core/language";
import { setDataCell } from "./cellText";
import { styleHeaderCell } from "./writeWorkbook";

function addTableSheet(wb: ExcelJS.Workbook, name: string, table: TextTable): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const header = ws.getRow(1);
  table.headers.forEach((h, c) => {
    const cell = header.getCell(c + 1);
    cell.value = h;
    styleHeaderCell(cell);
    ws.getColumn(c + 1).width = table.widths[c] ?? Math.min(40, Math.max(10, h.length + 2));
  });
  table.rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      setDataCell(cell, v);
      const format = table.numberFormats[c];
      if (format !== undefined && typeof v === "number") cell.numFmt = format;
    });
  });
  if (table.headers.length > 0) {
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, table.rows.length + 1), column: table.headers.length },
    };
  }
}

/** The consolidation workbook. */
function buildConsolidationWorkbook(result: ConsolidationResult, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "LIAT";
  wb.subject = "LIAT consolidation";
  const T = CONSOLIDATION_TEXT;
  addTableSheet(wb, T.sheet[lang], consolidationTable(result, lang));
  addTableSheet(wb, T.summarySheet[lang], sourceSummaryTable(result, lang));
  addTableSheet(wb, T.unreadableSheet[lang], unreadableTable(result, lang));
  return wb;
}

export async function writeConsolidation(result: ConsolidationResult, lang: Lang): Promise<Buffer> {
  const data = await buildConsolidationWorkbook(result, lang).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
