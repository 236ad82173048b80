/**
 * Turns an error from a workbook operation into what the pane shows: a LiatError carries its own
 * French and English message; anything else gets the generic message, with its text as details.
 */
import { isLang, type Lang, type Localized } from "../core/language";

export interface ErrorText {
  /** True when the operation failed because the workbook or a sheet is protected. */
  protectedWorkbook: boolean;
  /** The localized message, or null when the error is unknown (show the generic message). */
  message: string | null;
  /** Technical details of an unknown error. */
  details: string | null;
}

function isLocalized(value: unknown): value is Localized {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.keys(value).some(isLang) &&
    Object.entries(value).every(([k, v]) => !isLang(k) || typeof v === "string")
  );
}

/** LiatError keys (src/excel/errors.ts) and Excel error codes that mean "protected". */
const PROTECTED_CODES = new Set(["sheetProtected", "AccessDenied"]);

export function errorText(error: unknown, lang: Lang): ErrorText {
  const e = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const localized = [e["localized"], e["localizedMessage"], e["message"]].find(isLocalized);
  const code = typeof e["code"] === "string" ? e["code"] : typeof e["kind"] === "string" ? e["kind"] : "";
  const protectedWorkbook = PROTECTED_CODES.has(code);
  if (localized) {
    return { protectedWorkbook, message: localized[lang] ?? localized.en ?? localized.fr ?? null, details: null };
  }
  const details =
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === "string" ? error : safeJson(error);
  return { protectedWorkbook, message: null, details };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
