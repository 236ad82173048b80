/**
 * A1 notation, the one module for the whole project: the add-in, the command line, the .xlsx reader and
 * the in-memory host format and read cell addresses here.
 */

/** Excel's grid: 1,048,576 rows and 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Longest sheet name Excel takes (characters). */
export const MAX_SHEET_NAME = 31;

/**
 * The name of a sheet's n-th part (1-based), where a table goes on once a sheet's rows are full: the name itself,
 * then "Name (2)", "Name (3)"…, cut so that the name and its number fit in a sheet name.
 */
export function sheetPartName(name: string, n: number): string {
  if (n <= 1) return name;
  const suffix = ` (${n})`;
  return name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/** Column letter(s) for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Address of a cell from 0-based row and column: (0, 0) → "A1". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** 0-based index of column letters, any case: "A" → 0, "aa" → 26; -1 when not one to three letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n - 1;
}

/**
 * 0-based row and column of one cell's address: "F5", "$F$5", "f5" → { row: 4, column: 5 }; null when it
 * is not a single cell's address. No bound is checked (callers say what a row or column past Excel's
 * grid means to them). Written for speed: the .xlsx reader reads every cell's address with it.
 */
export function parseCellAddress(address: string): { row: number; column: number } | null {
  const ref = { row: 0, column: 0 };
  return readCellAddress(address, ref) ? ref : null;
}

/** parseCellAddress without making an object per cell: writes `into`; false when not a single cell's address. */
export function readCellAddress(address: string, into: { row: number; column: number }): boolean {
  let i = address.charCodeAt(0) === 36 ? 1 : 0; // "$"
  const start = i;
  let column = 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  if (i === start) return false;
  if (address.charCodeAt(i) === 36) i++;
  if (i === address.length) return false;
  let row = 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (row < 1) return false;
  into.row = row - 1;
  into.column = column - 1;
  return true;
}
