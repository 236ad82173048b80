/** Cell values as the Excel JavaScript API shows them, and how a written value is interpreted (like typing). */
import { ERROR_VALUES } from "../../src/core/excelValues";
import { isoDateToSerial } from "../../src/core/dates";

/** What `range.values` holds per cell: "" for blank, error values as strings such as "#VALUE!". */
export type CellScalar = number | string | boolean;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error" | "Unknown";

/** What the host stores for a written value. `text` is a string that must stay text. */
export type CellInput =
  | { kind: "empty" }
  | { kind: "formula"; formula: string }
  | { kind: "number"; value: number; numberFormat?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "text"; value: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

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
  if (text.startsWith("=") && (text.length > 1 || asFormula)) return { kind: "formula", formula: text };
  if (text.startsWith("'")) return { kind: "text", value: text.slice(1) };
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "boolean", value: upper === "TRUE" };
  if (ERROR_VALUES.has(upper)) return { kind: "error", value: upper };
  const n = parseNumberText(text);
  if (n !== undefined)
    return { kind: "number", value: n, ...(text.trim().endsWith("%") ? { numberFormat: "0%" } : {}) };
  const serial = isoDateToSerial(text.trim());
  if (serial !== null) return { kind: "number", value: serial, numberFormat: "yyyy-mm-dd" };
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
