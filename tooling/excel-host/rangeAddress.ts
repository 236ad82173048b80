/** A1 addresses: parsing and formatting cell references, whole rows/columns, and sheet-qualified addresses. */
import { cellAddress, columnIndex, columnLetter, MAX_COLUMNS, MAX_ROWS } from "../../src/core/a1";
import { HostError } from "./hostError";

export { columnIndex, MAX_COLUMNS, MAX_ROWS };

/** A rectangle of cells, zero-based, inclusive on both ends. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rectRows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function rectColumns(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function isInside(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : undefined;
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function isValidRect(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

/** Formats a rectangle as Excel does: "A1", "A1:C3", "B:B" (whole columns), "3:5" (whole rows). */
export function formatRect(r: Rect): string {
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1 && !(r.c0 === 0 && r.c1 === MAX_COLUMNS - 1)) {
    return `${columnLetter(r.c0)}:${columnLetter(r.c1)}`;
  }
  if (r.c0 === 0 && r.c1 === MAX_COLUMNS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  const first = cellAddress(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? first : `${first}:${cellAddress(r.r1, r.c1)}`;
}

/** Excel quotes sheet names that are not plain identifiers (spaces, punctuation, a leading digit, ...). */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatRect(r)}`;
}

interface Point {
  row?: number;
  col?: number;
}

function parsePoint(text: string): Point | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const point: Point = {};
  if (m[1] !== undefined) point.col = columnIndex(m[1]);
  if (m[2] !== undefined) point.row = Number(m[2]) - 1;
  return point;
}

/** Splits "'My sheet'!A1:B2" into sheet name and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const trimmed = address.trim();
  const bang = trimmed.lastIndexOf("!");
  if (bang < 0) return { local: trimmed };
  let sheet = trimmed.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: trimmed.slice(bang + 1) };
}

/** Parses "A1", "A1:C3", "B:B", "3:5", "$A$1" (optionally sheet-qualified). Throws InvalidArgument. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  const { sheet, local } = splitSheet(address);
  const parts = local.split(":");
  const bad = () =>
    new HostError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === "")) throw bad();
  const a = parsePoint(parts[0]);
  const b = parsePoint(parts[1] ?? parts[0]);
  if (!a || !b) throw bad();
  let r: Rect;
  if (a.row === undefined || b.row === undefined) {
    // whole columns: both must be columns only
    if (a.col === undefined || b.col === undefined || a.row !== undefined || b.row !== undefined || parts.length !== 2)
      throw bad();
    r = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.col, b.col), c1: Math.max(a.col, b.col) };
  } else if (a.col === undefined || b.col === undefined) {
    if (a.col !== undefined || b.col !== undefined || parts.length !== 2) throw bad();
    r = { r0: Math.min(a.row, b.row), r1: Math.max(a.row, b.row), c0: 0, c1: MAX_COLUMNS - 1 };
  } else {
    r = {
      r0: Math.min(a.row, b.row),
      r1: Math.max(a.row, b.row),
      c0: Math.min(a.col, b.col),
      c1: Math.max(a.col, b.col),
    };
  }
  if (!isValidRect(r)) throw bad();
  return sheet === undefined ? { rect: r } : { sheet, rect: r };
}
