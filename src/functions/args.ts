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

/** Digits in groups of three separated by `sep` (space, no-break or narrow no-break space, thin space, Swiss apostrophe, "," or ".") ("1 000 000"), or digits alone ("1000000"): the digits, else undefined. */
function ungroup(digits: string, sep: string | undefined): string | undefined {
  if (sep === undefined) return /^\d+$/.test(digits) ? digits : undefined;
  const groups = digits.split(sep);
  const ok = /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
  return ok ? groups.join("") : undefined;
}

/**
 * A number written as text, in either decimal convention: "66.67" and "66,67"; "1 000,5" (space, no-break or
 * narrow no-break space between thousands, as French Excel writes them), "1,000.5", "1.000,5", "1'000.5",
 * "1,000,000"; "-3", "+3", "1E+21", "1,5E-3". A "," or "." that appears once and is not followed by the other
 * is the decimal separator (Excel writes a number as text without thousands separators, with its locale's
 * decimal separator); otherwise it separates thousands. Anything else (a word, a date, "1,2.3", "") is undefined,
 * and so is a number that reads two ways by the conventions (isAmbiguousNumber: "1,000" is one thousand in English
 * and one in French; "1.000" the reverse in English and Spanish): no guess, the function answers #VALUE! saying so.
 */
export function numberFromText(text: string): number | undefined {
  if (isAmbiguousNumber(text)) return undefined;
  const m = /^([-+]?)(\d[\d.,\u00a0\u202f\u2009'\u2019 ]*)(?:[eE]([-+]?\d+))?$/.exec(text.trim());
  if (!m || !/\d$/.test(m[2]!)) return undefined;
  const [, sign, mantissa, exponent] = m as unknown as [string, string, string, string?];
  const last = Math.max(mantissa.lastIndexOf(","), mantissa.lastIndexOf("."));
  const mark = last < 0 ? undefined : mantissa[last]!;
  const isDecimal = mark !== undefined && mantissa.indexOf(mark) === last;
  const whole = isDecimal ? mantissa.slice(0, last) : mantissa;
  const fraction = isDecimal ? mantissa.slice(last + 1) : "";
  if (!/^\d*$/.test(fraction)) return undefined;
  const seps = new Set([...whole].filter((c) => !/\d/.test(c)));
  if (seps.size > 1) return undefined;
  const digits = ungroup(whole, [...seps][0]);
  if (digits === undefined) return undefined;
  const n = Number(`${sign}${digits}${fraction ? `.${fraction}` : ""}${exponent ? `e${exponent}` : ""}`);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Text that reads as two different numbers by the decimal conventions: one to three digits (not a lone 0), then a
 * single "," or "." and exactly three digits ("1,000", "12.500", "-1,250"): a thousands separator in one convention,
 * the decimal separator in the other.
 */
export function isAmbiguousNumber(text: string): boolean {
  return /^[-+]?[1-9]\d{0,2}[.,]\d{3}$/.test(text.trim());
}

/**
 * A number as Excel passes a number cell to a text parameter: digits with the locale's decimal separator ("1000.5" or
 * "1000,5"), never thousands separators, never a fraction ending in 0 (Excel writes the shortest form), maybe an
 * exponent ("1E+21"). Anything else (text typed by a person, such as "1 000,5" or "1,000") is undefined: it is text in
 * the cell, as the sheet's native Check column sees it.
 */
export function numberAsPassed(text: string): number | undefined {
  const m = /^([-+]?\d+)(?:[.,](\d*[1-9]))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const n = Number(`${m[1]}${m[2] ? `.${m[2]}` : ""}${m[3] ? `e${m[3]}` : ""}`);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads a scalar argument that must be a finite number: a number; a number written as text in either decimal
 * convention (numberFromText); a blank ("" or null, as Excel on the web passes an empty cell) reads as 0, as
 * Excel for Windows and Mac passes an empty cell to a number parameter, so the answer is the same everywhere.
 */
export function readNumber(value: unknown, name: ArgName): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value === null || value === undefined || value === "") return 0;
  if (typeof value === "string") {
    const n = numberFromText(value);
    if (n !== undefined) return n;
    if (isAmbiguousNumber(value)) {
      throw functionError(
        "invalidValue",
        everyLanguage("ambiguousNumber", (lang) => ({
          name: text(lang, `functions:argName.${name}`),
          value: show(value),
        })),
      );
    }
  }
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
