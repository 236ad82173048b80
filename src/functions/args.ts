import { isLang, type Lang } from "../core/language";
import { bilingual, functionError } from "./functionErrors";

/** Flattens a range argument (Excel passes a 2-D array; a single value may come as a scalar). */
export function flatten(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  const out: unknown[] = [];
  for (const row of value) {
    if (Array.isArray(row)) for (const v of row) out.push(v);
    else out.push(row);
  }
  return out;
}

/** A range argument as a 2-D block (a single value, as some hosts pass one cell, becomes [[value]]). */
export function matrix(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  for (const row of value) if (!Array.isArray(row)) return value.map((r) => (Array.isArray(r) ? r : [r]));
  return value as unknown[][];
}

/** Reads an optional language argument: "fr", "en", "fr-FR", "English"…; blank gives English. */
export function readLang(value: unknown): Lang {
  if (value === null || value === undefined || value === "") return "en";
  if (typeof value === "string") {
    const v = value.trim().toLowerCase();
    const short = v.startsWith("fr") ? "fr" : v.startsWith("en") || v === "anglais" ? "en" : v;
    if (isLang(short)) return short;
  }
  throw functionError(
    "invalidValue",
    bilingual(
      `Language must be "fr" or "en", not ${show(value)}.`,
      `La langue doit être « fr » ou « en », pas ${show(value)}.`,
    ),
  );
}

/** Reads a scalar argument that must be a finite number. */
export function readNumber(value: unknown, name: { en: string; fr: string }): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw functionError(
    "invalidValue",
    bilingual(
      `${name.en} must be a number, not ${show(value)}.`,
      `${name.fr} doit être un nombre, pas ${show(value)}.`,
    ),
  );
}

/** A value as quoted in an error message, shortened. */
export function show(value: unknown): string {
  if (value === "" || value === null || value === undefined) return "blank";
  const text = typeof value === "string" ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
