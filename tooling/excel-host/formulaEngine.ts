/** One HyperFormula instance mirroring every sheet of the host's workbook (formulas, named items, custom functions). */
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { cellAddress } from "../../src/core/a1";
import { MAX_COLUMNS, MAX_ROWS, quoteSheetName } from "./rangeAddress";
import type { CellScalar, ValueType } from "./cellValue";
import {
  NULL_ERROR_MARKER,
  createCustomFunctionPlugin,
  type EmptyAnyArgument,
  type RegisteredFunction,
} from "./customFunctionPlugin";

export interface EngineCell {
  value: CellScalar;
  type: ValueType;
  /** For error values: the message (a custom function's CustomFunctions.Error message, for instance). */
  errorMessage?: string;
}

const registeredTranslations = new Set<string>();

function errorText(error: DetailedCellError): { value: string; message: string } {
  if (error.message.startsWith(NULL_ERROR_MARKER))
    return { value: "#NULL!", message: error.message.slice(NULL_ERROR_MARKER.length) };
  if (error.type === "CYCLE") return { value: "#REF!", message: error.message || "Circular reference" };
  return { value: error.value, message: error.message };
}

export class FormulaEngine {
  readonly hf: HyperFormula;
  readonly functions = new Map<string, RegisteredFunction>();
  emptyAnyArgument: EmptyAnyArgument = 0;

  constructor() {
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      leapYear1900: true,
      nullDate: { year: 1899, month: 12, day: 30 },
      evaluateNullToZero: true,
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      useArrayArithmetic: false,
      // Excel compares text ignoring case but not accents ("é" is not "e" for =, MATCH, COUNTIF).
      accentSensitive: true,
      // Excel hands formula results over as full doubles (13/39 is 0.3333333333333333, not 0.33333333333).
      smartRounding: false,
    });
  }

  addSheet(name: string): number {
    const created = this.hf.addSheet(name);
    const id = this.hf.getSheetId(created);
    if (id === undefined) throw new Error(`HyperFormula lost sheet ${name}`);
    return id;
  }

  renameSheet(id: number, name: string): void {
    this.hf.renameSheet(id, name);
  }

  removeSheet(id: number): void {
    this.hf.removeSheet(id);
  }

  setContents(sheet: number, row: number, col: number, contents: RawCellContent[][]): void {
    if (contents.length === 0 || contents[0].length === 0) return;
    this.hf.setCellContents({ sheet, row, col }, contents);
  }

  readCell(sheet: number, row: number, col: number): EngineCell {
    return this.toCell(this.hf.getCellValue({ sheet, row, col }));
  }

  toCell(value: unknown): EngineCell {
    if (value === null || value === undefined) return { value: "", type: "Empty" };
    if (value instanceof DetailedCellError) {
      const { value: text, message } = errorText(value);
      return { value: text, type: "Error", errorMessage: message };
    }
    if (typeof value === "number") return { value, type: "Double" };
    if (typeof value === "boolean") return { value, type: "Boolean" };
    return { value: String(value), type: "String" };
  }

  /** Values of a block of cells, "" for blank. */
  readValues(sheet: number, r0: number, c0: number, rows: number, cols: number): CellScalar[][] {
    const dims = this.hf.getSheetDimensions(sheet);
    const out: CellScalar[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const row: CellScalar[] = new Array(cols);
      const rr = r0 + r;
      for (let c = 0; c < cols; c++) {
        const cc = c0 + c;
        if (rr >= dims.height || cc >= dims.width) {
          row[c] = "";
          continue;
        }
        row[c] = this.toCell(this.hf.getCellValue({ sheet, row: rr, col: cc })).value;
      }
      out[r] = row;
    }
    return out;
  }

  formula(sheet: number, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet, row, col });
  }

  /** The raw content as HyperFormula holds it (strings keep their leading apostrophe). */
  serialized(sheet: number, row: number, col: number): RawCellContent {
    return this.hf.getCellSerialized({ sheet, row, col });
  }

  dimensions(sheet: number): { width: number; height: number } {
    return this.hf.getSheetDimensions(sheet);
  }

  addRows(sheet: number, index: number, count: number): void {
    this.hf.addRows(sheet, [index, count]);
  }

  removeRows(sheet: number, index: number, count: number): void {
    this.hf.removeRows(sheet, [index, count]);
  }

  addColumns(sheet: number, index: number, count: number): void {
    this.hf.addColumns(sheet, [index, count]);
  }

  removeColumns(sheet: number, index: number, count: number): void {
    this.hf.removeColumns(sheet, [index, count]);
  }

  addName(name: string, formula: string): void {
    const expression = formula.startsWith("=") ? formula : `=${formula}`;
    if (this.hf.listNamedExpressions().some((n) => n.toUpperCase() === name.toUpperCase())) {
      this.hf.changeNamedExpression(name, expression);
    } else {
      this.hf.addNamedExpression(name, expression);
    }
  }

  removeName(name: string): void {
    this.hf.removeNamedExpression(name);
  }

  nameFormula(name: string): string | undefined {
    return this.hf.getNamedExpressionFormula(name);
  }

  /** Evaluates a formula (e.g. a data-validation list source) in the context of a sheet. */
  evaluate(formula: string, sheet: number): unknown {
    return this.hf.calculateFormula(formula.startsWith("=") ? formula : `=${formula}`, sheet);
  }

  sheetName(id: number): string {
    return this.hf.getSheetName(id) ?? "";
  }

  /** Registers (or replaces) custom functions and rebuilds the engine so formulas that use them recompute. */
  registerFunctions(functions: RegisteredFunction[]): void {
    for (const f of functions) this.functions.set(f.formulaName, f);
    const names = [...this.functions.keys()];
    const fresh = names.filter((n) => !registeredTranslations.has(n));
    if (fresh.length > 0) {
      for (const code of HyperFormula.getRegisteredLanguagesCodes()) {
        HyperFormula.getLanguage(code).extendFunctions(Object.fromEntries(fresh.map((n) => [n, n])));
      }
      fresh.forEach((n) => registeredTranslations.add(n));
    }
    const plugin = createCustomFunctionPlugin(names, {
      functions: () => this.functions,
      emptyAnyArgument: () => this.emptyAnyArgument,
      describeAddress: (sheet, row, col) => `${quoteSheetName(this.sheetName(sheet))}!${cellAddress(row, col)}`,
    });
    this.hf.updateConfig({ functionPlugins: [...HyperFormula.getAllFunctionPlugins(), plugin] });
  }

  recalculate(): void {
    this.hf.rebuildAndRecalculate();
  }
}
