/** Facts about values as Excel hands them over (range.values, custom-function arguments, ExcelJS). */
import { SPACE_CHARS } from "./spaces";

/** A cell value as read: Excel gives "" for an empty cell; other libraries give null or undefined. */
export type CellValue = string | number | boolean | null | undefined;

/** The error values Excel shows in a cell. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** True for the text of an Excel error value such as "#VALUE!" or "#N/A". */
export function isErrorValue(value: unknown): value is string {
  return typeof value === "string" && value.length <= 14 && ERROR_VALUES.has(value);
}

/** True for an empty cell: "", null, undefined or spaces only (the spaces of src/core/spaces.ts, as the native checks see them). */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // Blank when every character is a folded space (what squeezeSpaces would reduce to ""); most text fails at once.
  for (let i = 0; i < value.length; i++) if (!FOLDED_SPACES.has(value.charCodeAt(i))) return false;
  return true;
}

const FOLDED_SPACES: ReadonlySet<number> = new Set(SPACE_CHARS.map((c) => c.charCodeAt(0)));
