/**
 * What a user types into a cell, read as Excel reads it in the user's locale. Values written through the API
 * (`range.values`) are always read the en-US way (cellValue.ts); only typing depends on the locale: in French,
 * "12 000,50" is a number, "01/09/2025" is the first of September and VRAI a boolean, while "12.5" and TRUE are not.
 */
import { isoDateToSerial } from "../../src/core/dates";

export interface TypingLocale {
  decimal: "." | ",";
  /** Digit group separators accepted between groups of three digits. */
  groups: readonly string[];
  /** Order of day, month and year in a date typed with slashes (or dots, or dashes). */
  dateOrder: "dmy" | "mdy";
  /** The TRUE and FALSE of the locale's Excel. */
  booleans: readonly [string, string];
}

const SPACES = [" ", "\u00a0", "\u202f"];

/** The locales the preview speaks, keyed by BCP 47 tag. */
export const TYPING_LOCALES: Readonly<Record<string, TypingLocale>> = {
  "en-US": { decimal: ".", groups: [","], dateOrder: "mdy", booleans: ["TRUE", "FALSE"] },
  "en-GB": { decimal: ".", groups: [","], dateOrder: "dmy", booleans: ["TRUE", "FALSE"] },
  "fr-FR": { decimal: ",", groups: SPACES, dateOrder: "dmy", booleans: ["VRAI", "FAUX"] },
  "es-ES": { decimal: ",", groups: [".", ...SPACES], dateOrder: "dmy", booleans: ["VERDADERO", "FALSO"] },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A number typed with the locale's separators ("12 000,50", "-3,5", "40 %"), or undefined. */
export function typedNumber(text: string, locale: TypingLocale): number | undefined {
  let t = text.trim();
  let percent = false;
  if (/[\s\u00a0\u202f]*%$/.test(t)) {
    percent = true;
    t = t.replace(/[\s\u00a0\u202f]*%$/, "");
  }
  const group = `(?:${locale.groups.map(escape).join("|")})`;
  const decimal = escape(locale.decimal);
  const shape = new RegExp(`^[+-]?(?:\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:${decimal}\\d+)?$`);
  if (!/\d/.test(t) || !shape.test(t)) return undefined;
  let plain = t;
  for (const g of locale.groups) plain = plain.split(g).join("");
  const n = Number(plain.replace(locale.decimal, "."));
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

/** A date typed in the locale's order ("01/09/2025" in French), as ISO "2025-09-01", or undefined. */
export function typedDate(text: string, locale: TypingLocale): string | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [a, b, year] = [Number(m[1]), Number(m[2]), m[3]!];
  const [day, month] = locale.dateOrder === "dmy" ? [a, b] : [b, a];
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isoDateToSerial(iso) === null ? undefined : iso;
}

/**
 * What a typed text becomes before Excel's usual reading: a number, a boolean, an ISO date (which the usual reading
 * turns into a date), or the text itself. In a locale whose decimal is a comma, a text that is no number there stays
 * text even when en-US would read it as one ("12.5"), as in that locale's Excel.
 */
export function typedInput(value: unknown, localeTag: string | undefined): unknown {
  if (typeof value !== "string" || localeTag === undefined) return value;
  const locale = TYPING_LOCALES[localeTag];
  if (locale === undefined) throw new Error(`No typing rules for the locale ${localeTag}`);
  const t = value.trim();
  if (t === "" || value.startsWith("=") || value.startsWith("'")) return value;
  const n = typedNumber(t, locale);
  if (n !== undefined) return n;
  const date = typedDate(t, locale);
  if (date !== undefined) return date;
  const upper = t.toUpperCase();
  if (upper === locale.booleans[0]) return true;
  if (upper === locale.booleans[1]) return false;
  if (upper === "TRUE" || upper === "FALSE" || (locale.decimal === "," && /^[+-]?[\d.,]+%?$/.test(t)))
    return `'${value}`;
  return value;
}
