/** A1 notation shared by the add-in, the command line and the in-memory host. */

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
