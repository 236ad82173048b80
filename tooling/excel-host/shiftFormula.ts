/**
 * Moving a formula's relative references, as Excel does when a conditional format's formula (written for the
 * top-left cell of its range) applies to another cell of the range: `A1`, `$A1`, `A$1`, `A1:B2`, `A:B`, `1:2`,
 * `Sheet!A1`, `'My sheet'!A1`. Absolute parts ($) stay; string literals, function names (LOG10, ATAN2), named items,
 * error literals and structured references stay as written. A reference moved past the sheet's edge wraps around,
 * as Excel's conditional formats do.
 */
import { columnLetter } from "../../src/core/a1";
import { MAX_COLUMNS, MAX_ROWS, columnIndex } from "./rangeAddress";

/** A piece of a formula: text kept as is, or one end of a reference that moves. */
type Part =
  | { kind: "text"; text: string }
  | { kind: "cell"; col: number; colAbsolute: boolean; row: number; rowAbsolute: boolean }
  | { kind: "column"; col: number; absolute: boolean }
  | { kind: "row"; row: number; absolute: boolean };

/** A formula cut once into parts, to be rendered at any offset. */
export type CompiledFormula = (rowOffset: number, columnOffset: number) => string;

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]{1,7})$/;
const WORD_CHAR = /[A-Za-z0-9_.$\\\u00C0-\uFFFF]/;

function wrap(n: number, size: number): number {
  return ((n % size) + size) % size;
}

function cellPart(word: string): Part | undefined {
  const m = CELL.exec(word);
  if (!m) return undefined;
  const col = columnIndex(m[2]!);
  const row = Number(m[4]) - 1;
  if (col < 0 || col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return undefined;
  return { kind: "cell", col, colAbsolute: m[1] === "$", row, rowAbsolute: m[3] === "$" };
}

function columnPart(word: string): Part | undefined {
  const m = COLUMN.exec(word);
  if (!m) return undefined;
  const col = columnIndex(m[2]!);
  return col >= 0 && col < MAX_COLUMNS ? { kind: "column", col, absolute: m[1] === "$" } : undefined;
}

function rowPart(word: string): Part | undefined {
  const m = ROW.exec(word);
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  return row >= 0 && row < MAX_ROWS ? { kind: "row", row, absolute: m[1] === "$" } : undefined;
}

/** Index just past a quoted run starting at `start` (`"..."` or `'...'`, the quote doubled inside). */
function skipQuoted(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

/** Index just past a bracketed run (structured reference or external workbook), nested brackets included. */
function skipBracketed(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    if (formula[i] === "[") depth++;
    else if (formula[i] === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}

function wordEnd(formula: string, start: number): number {
  let i = start;
  while (i < formula.length && WORD_CHAR.test(formula[i]!)) i++;
  return i;
}

/** Cuts a formula into text and moving references. */
export function compileFormula(formula: string): CompiledFormula {
  const parts: Part[] = [];
  let text = "";
  const flush = () => {
    if (text) parts.push({ kind: "text", text });
    text = "";
  };
  const push = (part: Part) => {
    flush();
    parts.push(part);
  };
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(formula, i);
      text += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "[") {
      const end = skipBracketed(formula, i);
      text += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "#") {
      // error literal (#REF!, #N/A, #DIV/0!): never a reference
      const end = wordEnd(formula, i + 1);
      text += formula.slice(i, end);
      i = end;
      continue;
    }
    if (!WORD_CHAR.test(ch)) {
      text += ch;
      i++;
      continue;
    }
    const end = wordEnd(formula, i);
    const word = formula.slice(i, end);
    const next = formula[end];
    i = end;
    if (next === "(" || next === "!" || next === "[") {
      // function name, sheet name, or table name
      text += word;
      continue;
    }
    const cell = cellPart(word);
    if (cell) {
      push(cell);
      continue;
    }
    // whole columns (A:B) and whole rows (1:2) are references only as the two ends of a range
    if (next === ":") {
      const otherEnd = wordEnd(formula, end + 1);
      const other = formula.slice(end + 1, otherEnd);
      const pair = [columnPart(word), columnPart(other)] as const;
      const rows = [rowPart(word), rowPart(other)] as const;
      const ends = pair[0] && pair[1] ? pair : rows[0] && rows[1] ? rows : undefined;
      if (ends) {
        push(ends[0]!);
        text += ":";
        push(ends[1]!);
        i = otherEnd;
        continue;
      }
    }
    text += word;
  }
  flush();
  return (dr, dc) => {
    let out = "";
    for (const p of parts) {
      if (p.kind === "text") out += p.text;
      else if (p.kind === "cell") {
        const col = p.colAbsolute ? p.col : wrap(p.col + dc, MAX_COLUMNS);
        const row = p.rowAbsolute ? p.row : wrap(p.row + dr, MAX_ROWS);
        out += `${p.colAbsolute ? "$" : ""}${columnLetter(col)}${p.rowAbsolute ? "$" : ""}${row + 1}`;
      } else if (p.kind === "column") {
        out += `${p.absolute ? "$" : ""}${columnLetter(p.absolute ? p.col : wrap(p.col + dc, MAX_COLUMNS))}`;
      } else {
        out += `${p.absolute ? "$" : ""}${(p.absolute ? p.row : wrap(p.row + dr, MAX_ROWS)) + 1}`;
      }
    }
    return out;
  };
}

/** The formula as it applies `rowOffset` rows below and `columnOffset` columns right of the cell it was written for. */
export function shiftFormula(formula: string, rowOffset: number, columnOffset: number): string {
  return compileFormula(formula)(rowOffset, columnOffset);
}
