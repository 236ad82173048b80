/**
 * Turns an error from a workbook operation into what the pane shows: a LiatError (every failure of
 * src/excel becomes one) carries its own message in every supported language; anything else gets the generic
 * message, with its text as details.
 */
import type { Lang } from "../core/language";
import { LiatError } from "../excel/liatError";

export interface ErrorText {
  /** True when the operation failed because the workbook or a sheet is protected. */
  protectedWorkbook: boolean;
  /** The localized message, or null when the error is unknown (show the generic message). */
  message: string | null;
  /** Technical details of an unknown error. */
  details: string | null;
}

export function errorText(error: unknown, lang: Lang): ErrorText {
  if (error instanceof LiatError) {
    return { protectedWorkbook: error.key === "sheetProtected", message: error.localized[lang], details: null };
  }
  const details =
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === "string" ? error : safeJson(error);
  return { protectedWorkbook: false, message: null, details };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
