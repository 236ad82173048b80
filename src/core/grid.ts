/**
 * The plain grid every reader produces and the core works on: a received workbook as sheets of
 * 2-D cell values, whatever read it (the streaming .xlsx reader of src/xlsx on the command line
 * and in the task pane). Values are plain (text, number, boolean, blank); what a plain value
 * cannot say about a cell is in the sheet's marks, so the core can report it where it is:
 * a formula with no cached value (the value is then blank: it is NOT an empty cell), and text
 * longer than a cell of Excel holds (kept whole here; cut where it is written to a workbook).
 *
 * Dates are Excel serial numbers in the 1900 date system (readers convert 1904 workbooks and ISO
 * date cells), with the time of day as the fraction, to the millisecond.
 */
import { MAX_COLUMNS } from "./a1";
import type { CellValue } from "./excelValues";

export type { CellValue } from "./excelValues";

/** Most characters a cell of Excel holds; longer text is cut there when written to a workbook. */
export const EXCEL_MAX_CELL_TEXT = 32_767;

/** What a plain value cannot say about a cell. */
export type CellMark =
  /** A formula whose result was never computed or saved: the value is blank, the result unknown. */
  | { kind: "formulaNoValue"; row: number; col: number; formula: string }
  /** Text longer than Excel's 32,767 characters: kept whole in the grid; `length` is its length. */
  | { kind: "textOverLimit"; row: number; col: number; length: number };

export interface SheetData {
  name: string;
  /** Row 0 is the sheet's row `top` + 1 (row 1 when there is no `top`); blank cells are null, "" or missing. */
  rows: CellValue[][];
  /**
   * 0-based sheet row and column of rows[0][0], for a grid that does not start at A1 (an Excel used
   * range handed over by the add-in); 0 when absent.
   */
  top?: number;
  left?: number;
  /** Cells whose plain value needs a word (0-based sheet row and column), in reading order; absent when none. */
  marks?: CellMark[];
}

export interface WorkbookData {
  fileName: string;
  /** Content hash of the file's bytes, when the reader has one (same bytes, same source). */
  hash?: string;
  sheets: SheetData[];
}

/** Excel's last column is XFD: row * COLUMNS + col identifies a cell. */
const COLUMNS = MAX_COLUMNS;
const markIndex = new WeakMap<SheetData, Map<number, CellMark>>();

/** The mark of one cell (0-based row and column), if any. */
export function cellMark(sheet: SheetData, row: number, col: number): CellMark | undefined {
  if (sheet.marks === undefined || sheet.marks.length === 0) return undefined;
  let index = markIndex.get(sheet);
  if (index === undefined) {
    index = new Map(sheet.marks.map((m) => [m.row * COLUMNS + m.col, m]));
    markIndex.set(sheet, index);
  }
  return index.get(row * COLUMNS + col);
}
