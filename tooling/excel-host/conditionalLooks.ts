/**
 * What conditional formats paint on cells: each rule's formula is moved to the cell (Excel writes it for the
 * top-left cell of the rule's range) and evaluated by HyperFormula in the context of the rule's sheet. Rules apply
 * in priority order (the sheet's stored order, first = highest): a true rule sets the properties that no higher
 * rule has set, and stops the lower ones when it has stopIfTrue. TRUE or a nonzero number is true; errors, text
 * and blanks are false. Nothing is cached but the parsed formulas, so the result always follows the cells.
 * Custom and CellValue rules are evaluated; other types (data bars, colour scales, ...) paint nothing.
 */
import { DetailedCellError } from "hyperformula";
import { cellAddress } from "../../src/core/a1";
import { intersect, isInside, type Rect } from "./rangeAddress";
import { compileFormula, type CompiledFormula } from "./shiftFormula";
import type { ConditionalFormatModel, SheetModel, WorkbookModel } from "./hostWorkbook";

/** The conditional format showing on a cell (only the properties some true rule sets). */
export interface ConditionalLook {
  fill?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
}

const compiled = new Map<string, CompiledFormula>();

function compiledFormula(formula: string): CompiledFormula {
  let f = compiled.get(formula);
  if (!f) {
    if (compiled.size > 2000) compiled.clear();
    f = compileFormula(formula);
    compiled.set(formula, f);
  }
  return f;
}

function operand(formula: unknown): string {
  const text = String(formula ?? "").trim();
  return `(${text.startsWith("=") ? text.slice(1) : text})`;
}

/** A CellValue rule as the custom formula it amounts to, written for the top-left cell of its range. */
function cellValueFormula(cf: ConditionalFormatModel): string | undefined {
  const { formula1, formula2, operator } = cf.rule as { formula1?: unknown; formula2?: unknown; operator?: unknown };
  if (formula1 === undefined || formula1 === null || formula1 === "") return undefined;
  const self = cellAddress(cf.rect.r0, cf.rect.c0);
  const a = operand(formula1);
  const b = operand(formula2);
  switch (operator) {
    case "Between":
      return `=AND(${self}>=MIN(${a},${b}),${self}<=MAX(${a},${b}))`;
    case "NotBetween":
      return `=OR(${self}<MIN(${a},${b}),${self}>MAX(${a},${b}))`;
    case "EqualTo":
      return `=${self}=${a}`;
    case "NotEqualTo":
      return `=${self}<>${a}`;
    case "GreaterThan":
      return `=${self}>${a}`;
    case "LessThan":
      return `=${self}<${a}`;
    case "GreaterThanOrEqual":
      return `=${self}>=${a}`;
    case "LessThanOrEqual":
      return `=${self}<=${a}`;
    default:
      return undefined;
  }
}

/** The rule's formula for its top-left cell, or undefined when the rule cannot be evaluated. */
function ruleFormula(cf: ConditionalFormatModel): string | undefined {
  if (cf.type === "Custom") {
    const formula = typeof cf.rule.formula === "string" ? cf.rule.formula.trim() : "";
    if (formula === "") return undefined;
    return formula.startsWith("=") ? formula : `=${formula}`;
  }
  if (cf.type === "CellValue") return cellValueFormula(cf);
  return undefined;
}

function isTrue(value: unknown): boolean {
  if (value instanceof DetailedCellError) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  return false;
}

/** Whether a rule holds at a cell of its range. */
function holds(
  model: WorkbookModel,
  sheet: SheetModel,
  cf: ConditionalFormatModel,
  formula: CompiledFormula,
  row: number,
  col: number,
): boolean {
  try {
    return isTrue(model.engine.evaluate(formula(row - cf.rect.r0, col - cf.rect.c0), sheet.engineId));
  } catch {
    return false; // a formula HyperFormula cannot parse paints nothing
  }
}

/**
 * The conditional look of every cell of a rectangle (null where no rule applies), evaluating only covered cells
 * and none of the rows `skipRow` leaves out (rows a grid does not draw, for instance).
 */
export function conditionalLooks(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: Rect,
  skipRow?: (row: number) => boolean,
): (ConditionalLook | null)[][] {
  const rules: { cf: ConditionalFormatModel; formula: CompiledFormula }[] = [];
  for (const cf of sheet.conditionalFormats) {
    if (!intersect(cf.rect, rect)) continue;
    const formula = ruleFormula(cf);
    if (formula !== undefined) rules.push({ cf, formula: compiledFormula(formula) });
  }
  const out: (ConditionalLook | null)[][] = [];
  for (let row = rect.r0; row <= rect.r1; row++) {
    const line: (ConditionalLook | null)[] = [];
    if (skipRow?.(row)) {
      out.push(new Array<ConditionalLook | null>(rect.c1 - rect.c0 + 1).fill(null));
      continue;
    }
    for (let col = rect.c0; col <= rect.c1; col++) {
      let look: ConditionalLook | null = null;
      for (const { cf, formula } of rules) {
        if (!isInside(cf.rect, row, col) || !holds(model, sheet, cf, formula, row, col)) continue;
        look ??= {};
        const f = cf.format;
        if (f.fillColor && look.fill === undefined) look.fill = f.fillColor;
        if (f.fontColor && look.font === undefined) look.font = f.fontColor;
        if (f.bold !== null && look.bold === undefined) look.bold = f.bold;
        if (f.italic !== null && look.italic === undefined) look.italic = f.italic;
        if (cf.stopIfTrue) break;
      }
      line.push(look && Object.keys(look).length > 0 ? look : null);
    }
    out.push(line);
  }
  return out;
}
