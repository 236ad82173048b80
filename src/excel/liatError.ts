/**
 * Errors the workbook operations raise, with a message in every language that the task pane
 * shows as is. Excel's own errors (protected sheet, name taken, ...) are turned into these.
 */
import { localized } from "../core/i18n/texts";
import type { Localized } from "../core/language";

export type LiatErrorKey =
  | "noExcel"
  | "sheetProtected"
  | "sheetNameTaken"
  | "tableNameTaken"
  | "notLiatWorkbook"
  | "newerSchema"
  | "cellNotFound"
  | "domainNotFound"
  | "upgradeFirst"
  | "excel";

export class LiatError extends Error {
  /** The localized message; `Error.message` carries the English text. */
  readonly localized: Localized;
  constructor(
    readonly key: LiatErrorKey,
    message: Localized,
    override readonly cause?: unknown,
  ) {
    super(message.en);
    this.name = "LiatError";
    this.localized = message;
  }
}

/** An error with its message in every language (texts `errors:<key>`, the subject filling {{subject}}). */
export function liatError(key: LiatErrorKey, subject = "", cause?: unknown): LiatError {
  return new LiatError(key, localized(`errors:${key}`, { subject }), cause);
}

/** Turns whatever Excel.run threw into a LiatError (kept as is when it already is one). */
export function toLiatError(error: unknown, subject = ""): LiatError {
  if (error instanceof LiatError) return error;
  const code = (error as { code?: unknown })?.code;
  const text = error instanceof Error ? error.message : String(error);
  if (code === "AccessDenied") return liatError("sheetProtected", subject, error);
  if (code === "ItemAlreadyExists") return liatError("sheetNameTaken", subject, error);
  return liatError("excel", text, error);
}
