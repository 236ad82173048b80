/**
 * Writing values from other people's files into an ExcelJS cell, as data: a string is always a
 * string cell with the text number format "@" (so "=HYPERLINK(...)", "+1+1", "-2", "@SUM(A1)" or
 * markup are shown as typed, never evaluated), numbers and booleans stay what they are. Text is kept
 * character for character: what XML cannot carry (control characters, a CR, which XML turns into a
 * LF) is written as OOXML's `_xHHHH_` escape, and a literal `_xHHHH_` in the text is escaped itself.
 */
import type { Cell } from "exceljs";
import { cellData } from "../core/consolidate";
import type { CellValue } from "../core/excelValues";
import { encodeXString } from "../xlsx/ooxmlText";

/** The text number format: Excel shows the cell as typed and does not parse an edit as a formula. */
export const TEXT_FORMAT = "@";

/** Writes a plain value (see cellData); a string becomes a string cell with the text format. Never a formula. */
export function setDataCell(cell: Cell, value: CellValue): void {
  const data = cellData(value);
  // A plain JavaScript string is stored by ExcelJS as a (shared) string, never as a formula.
  // ExcelJS drops DEL from the XML it writes: escaped too, so that it is kept
  cell.value = typeof data === "string" ? encodeXString(data).replace(/\x7F/g, "_x007F_") : data;
  if (typeof data === "string") cell.numFmt = TEXT_FORMAT;
}
