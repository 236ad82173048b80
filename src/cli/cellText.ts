/**
 * Writing values from other people's files into an ExcelJS cell, as data: a string is always a
 * string cell with the text number format "@" (so "=HYPERLINK(...)", "+1+1", "-2", "@SUM(A1)" or
 * markup are shown as typed, never evaluated), numbers and booleans stay what they are.
 */
import type { Cell } from "exceljs";
import { cellData } from "../core/consolidate";
import type { CellValue } from "../core/excelValues";

/** The text number format: Excel shows the cell as typed and does not parse an edit as a formula. */
export const TEXT_FORMAT = "@";

/** Writes a plain value (see cellData); a string becomes a string cell with the text format. Never a formula. */
export function setDataCell(cell: Cell, value: CellValue): void {
  const data = cellData(value);
  // A plain JavaScript string is stored by ExcelJS as a (shared) string, never as a formula.
  cell.value = data;
  if (typeof data === "string") cell.numFmt = TEXT_FORMAT;
}
