/**
 * Errors that custom functions return to Excel. Excel shows the error value in the cell and the
 * message in the cell's error tooltip. Outside Excel (tests, command line) a stand-in with the same
 * shape is used, so the functions stay callable anywhere.
 */
import { text, type TextParams } from "../core/i18n/texts";
import { LANGUAGES, type Lang } from "../core/language";
export type FunctionErrorCode = "invalidValue" | "notAvailable" | "invalidNumber";

export interface FunctionError extends Error {
  code: string;
}

class StandInError extends Error implements FunctionError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CustomFunctionError";
  }
}

const EXCEL_CODES: Record<FunctionErrorCode, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
};

/** Builds the error to throw: CustomFunctions.Error inside Office, a look-alike elsewhere. */
export function functionError(code: FunctionErrorCode, message: string): FunctionError {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (runtime?.Error && runtime.ErrorCode) {
    const err = new runtime.Error(runtime.ErrorCode[code], message) as unknown as FunctionError;
    return err;
  }
  return new StandInError(EXCEL_CODES[code], message);
}

/**
 * A function's error message in every language, English first (a function does not know the user's
 * language), so every user can read the tooltip. Texts `functions:<key>`.
 */
export function everyLanguage(key: string, params: TextParams | ((lang: Lang) => TextParams) = {}): string {
  const order = [...LANGUAGES].sort((a, b) => Number(b === "en") - Number(a === "en"));
  return order
    .map((lang) => text(lang, `functions:${key}`, typeof params === "function" ? params(lang) : params))
    .join(" / ");
}
