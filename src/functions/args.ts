import { isLang, LANGUAGES, type Lang } from "../core/language";
import { text } from "../core/i18n/texts";
import { textKey } from "../core/textKey";
import { everyLanguage, functionError } from "./functionErrors";

/** Argument names quoted in messages (texts `functions:argName.*`). */
export type ArgName = "domain" | "score" | "baseline" | "target" | "actual";

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

/** Reads an optional language argument: a code ("es", "fr-FR") or a language's own name ("English", "Français"); blank gives English. */
export function readLang(value: unknown): Lang {
  if (value === null || value === undefined || value === "") return "en";
  if (typeof value === "string") {
    const v = value.trim().toLowerCase();
    const short = v.split(/[-_]/)[0];
    if (isLang(short)) return short;
    const named = LANGUAGES.find((lang) => textKey(text(lang, "language:name")) === textKey(v));
    if (named) return named;
  }
  throw functionError("invalidValue", everyLanguage("badLang", { allowed: LANGUAGES.join(", "), value: show(value) }));
}

/** Reads a scalar argument that must be a finite number. */
export function readNumber(value: unknown, name: ArgName): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw functionError(
    "invalidValue",
    everyLanguage("notANumber", (lang) => ({ name: text(lang, `functions:argName.${name}`), value: show(value) })),
  );
}

/** A value as quoted in an error message, shortened. */
export function show(value: unknown): string {
  if (value === "" || value === null || value === undefined) return "—";
  const text = typeof value === "string" ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
