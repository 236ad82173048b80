/** Helpers for the command-line and consolidation tests: workbooks built in the test itself. */
import ExcelJS from "exceljs";
import { setDataCell } from "../../src/cli/cellText";
import { readWorkbookBytes } from "../../src/cli/readWorkbook";
import type { CellValue } from "../../src/core/excelValues";
import type { SheetData, WorkbookData } from "../../src/core/workbookModel";

/** Reads bytes that must be a readable workbook. */
export async function readOk(bytes: Uint8Array, fileName = "test.xlsx"): Promise<WorkbookData> {
  const r = await readWorkbookBytes(bytes, fileName);
  if (!r.ok) throw new Error(`expected a readable workbook, got ${r.reason}`);
  return r.workbook;
}

/** Writes plain sheets as a plain .xlsx (no tables, no formulas): a copy someone re-typed or pasted. */
export async function writePlainWorkbook(sheets: readonly SheetData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((cells, r) => cells?.forEach((v, c) => setDataCell(ws.getCell(r + 1, c + 1), v)));
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The same sheet with its columns in another order: `order[i]` is the old index of new column i. */
export function moveColumns(sheet: SheetData, order: readonly number[]): SheetData {
  return { name: sheet.name, rows: sheet.rows.map((cells) => order.map((old) => (cells?.[old] ?? null) as CellValue)) };
}

/** Reads a cell of an ExcelJS workbook written by the code under test. */
export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
