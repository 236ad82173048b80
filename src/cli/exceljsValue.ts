/**
 * One ExcelJS cell value as a plain value of the grid (src/core/grid.ts), for the command line's
 * own checks of workbooks it wrote with ExcelJS: rich text and hyperlinks → their text, formulas →
 * their cached result, dates → Excel serial numbers, errors → "#VALUE!" strings. Received files
 * are read by src/xlsx/readXlsx.ts, not through ExcelJS.
 */
import { type CellValue } from "../core/excelValues";
import { dateToSerial } from "../core/dates";

/** One ExcelJS cell value as a plain value. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[]).map((p) => String(p.text ?? "")).join("");
    if ("error" in v && typeof v.error === "string") return v.error;
    if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
    if ("hyperlink" in v || "text" in v) return plainValue(v.text ?? v.hyperlink);
  }
  return String(value);
}
