/** Cell values as the Excel JavaScript API shows them, and how a written value is interpreted (like typing). */

/** What `range.values` holds per cell: "" for blank, error values as strings such as "#VALUE!". */
export type CellScalar = number | string | boolean;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error" | "Unknown";

export const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!"];

/** What the host stores for a written value. `text` is a string that must stay text. */
export type CellInput =
  | { kind: "empty" }
  | { kind: "formula"; formula: string }
  | { kind: "number"; value: number; numberFormat?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "text"; value: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1899-12-30 (Excel's serial date, with its 1900 leap-year quirk folded in for dates after March 1900). */
export function dateToSerial(year: number, month: number, day: number): number {
  const utc = Date.UTC(year, month - 1, day);
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (t === "" || !/\d/.test(t)) return undefined;
  if (t.endsWith("%")) {
    const n = parseNumberText(t.slice(0, -1));
    return n === undefined ? undefined : n / 100;
  }
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Interprets a value written through `range.values` (or typed by a user) as Excel does in an en-US locale:
 * "=..." is a formula, numeric text becomes a number, "TRUE"/"FALSE" booleans, "#N/A" an error,
 * "2024-01-15" a date, a leading apostrophe forces text. With the Text number format ("@") everything
 * written is kept as text, never a formula.
 */
export function interpretInput(raw: unknown, numberFormat: string, asFormula = false): CellInput {
  if (raw === null || raw === undefined) return { kind: "empty" };
  if (typeof raw === "number") {
    if (numberFormat === "@") return { kind: "text", value: String(raw) };
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "error", value: "#NUM!" };
  }
  if (typeof raw === "boolean") {
    return numberFormat === "@" ? { kind: "text", value: raw ? "TRUE" : "FALSE" } : { kind: "boolean", value: raw };
  }
  const text = typeof raw === "string" ? raw : String(raw);
  if (text === "") return { kind: "empty" };
  if (numberFormat === "@") return { kind: "text", value: text };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", formula: text };
  if (asFormula && text.startsWith("=")) return { kind: "formula", formula: text };
  if (text.startsWith("'")) return { kind: "text", value: text.slice(1) };
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "boolean", value: upper === "TRUE" };
  if (ERROR_LITERALS.includes(upper)) return { kind: "error", value: upper };
  const n = parseNumberText(text);
  if (n !== undefined) return { kind: "number", value: n, ...(text.trim().endsWith("%") ? { numberFormat: "0%" } : {}) };
  const iso = ISO_DATE.exec(text.trim());
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { kind: "number", value: dateToSerial(y, m, d), numberFormat: "yyyy-mm-dd" };
  }
  return { kind: "text", value: text };
}

/** What HyperFormula is given for an input (strings are prefixed with an apostrophe so they stay text). */
export function toEngineContent(input: CellInput): string | number | boolean | null {
  switch (input.kind) {
    case "empty":
      return null;
    case "formula":
      return input.formula;
    case "number":
    case "boolean":
      return input.value;
    case "error":
      return input.value;
    case "text":
      return `'${input.value}`;
  }
}
