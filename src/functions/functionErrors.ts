/**
 * Errors that custom functions return to Excel. Excel shows the error value in the cell and the
 * message in the cell's error tooltip. Outside Excel (tests, command line) a stand-in with the same
 * shape is used, so the functions stay callable anywhere.
 */
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

/** A bilingual message: English first, then French, so every user can read the tooltip. */
export function bilingual(en: string, fr: string): string {
  return `${en} / ${fr}`;
}
