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

/** The text number format: Excel shows the cell as typed and does not parse an edit as a formula. */
export const TEXT_FORMAT = "@";

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, "0");

/**
 * What XML 1.0 cannot hold: control characters (but tab and LF), CR (which XML turns into a LF), DEL, the
 * noncharacters U+FFFE and U+FFFF, and a surrogate without its pair.
 */
const NOT_IN_XML =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML cannot hold is the point
  /[\x00-\x08\x0B-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as OOXML stores it: what XML cannot hold as `_xHHHH_`, a literal `_xHHHH_` as `_x005F_xHHHH_`. */
export function ooxmlText(text: string): string {
  NOT_IN_XML.lastIndex = 0;
  if (!NOT_IN_XML.test(text) && !/_x[0-9A-Fa-f]{4}_/.test(text)) return text;
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_").replace(NOT_IN_XML, (c) => `_x${hex4(c.charCodeAt(0))}_`);
}

/** Writes a plain value (see cellData); a string becomes a string cell with the text format. Never a formula. */
export function setDataCell(cell: Cell, value: CellValue): void {
  const data = cellData(value);
  // A plain JavaScript string is stored by ExcelJS as a (shared) string, never as a formula.
  cell.value = typeof data === "string" ? ooxmlText(data) : data;
  if (typeof data === "string") cell.numFmt = TEXT_FORMAT;
}
