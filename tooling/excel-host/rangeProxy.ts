/** Range proxies: values, formulas, number formats, format, data validation, conditional formats, navigation. */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  formatRect,
  intersect,
  isValidRect,
  parseAddress,
  qualifiedAddress,
  rectColumns,
  rectRows,
  type Rect,
} from "./rangeAddress";
import {
  ClientCollection,
  ClientObject,
  CountedCollection,
  type ClientResult,
  type RequestContext,
} from "./clientObject";
import { HostError, invalidArgument } from "./hostError";
import type { CellFormat, ConditionalFormatModel, SheetModel } from "./hostWorkbook";
import { STANDARD_COLUMN_WIDTH, STANDARD_ROW_HEIGHT } from "./hostWorkbook";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** Creates worksheet proxies for `range.worksheet` (set by worksheetProxy.ts, avoiding an import cycle). */
export const rangeLinks: { worksheetFor?: (context: RequestContext, sheetId: () => string) => unknown } = {};

/** A worksheet proxy for a navigation property such as `range.worksheet` or `table.worksheet`. */
export function linkedWorksheet(context: RequestContext, sheetId: () => string): Excel.Worksheet {
  const make = rangeLinks.worksheetFor;
  if (!make) throw new Error("worksheet proxies are not linked");
  return make(context, sheetId) as Excel.Worksheet;
}

function checkAlive(context: RequestContext, sheet: SheetModel): void {
  if (!context.model.sheets.includes(sheet))
    throw new HostError("ItemNotFound", `The worksheet '${sheet.name}' was deleted.`);
}

export class HostRange extends ClientObject<RangeTarget> {
  private formatProxy?: HostRangeFormat;
  private validationProxy?: HostDataValidation;
  private conditionalFormatsProxy?: HostConditionalFormatCollection;

  protected override describe(): string {
    return "Range";
  }

  protected scalarProperties(): readonly string[] {
    return [
      "address",
      "addressLocal",
      "cellCount",
      "columnCount",
      "columnIndex",
      "rowCount",
      "rowIndex",
      "values",
      "formulas",
      "formulasLocal",
      "numberFormat",
      "numberFormatLocal",
      "text",
      "valueTypes",
      "isEntireColumn",
      "isEntireRow",
      "hidden",
      "rowHidden",
      "columnHidden",
    ];
  }

  protected readProperty(name: string): unknown {
    const { sheet, rect } = this.target();
    checkAlive(this.context, sheet);
    const m = this.context.model;
    switch (name) {
      case "address":
      case "addressLocal":
        return qualifiedAddress(sheet.name, rect);
      case "cellCount":
        return rectRows(rect) * rectColumns(rect);
      case "columnCount":
        return rectColumns(rect);
      case "rowCount":
        return rectRows(rect);
      case "columnIndex":
        return rect.c0;
      case "rowIndex":
        return rect.r0;
      case "values":
        return m.values(sheet, this.bounded(rect));
      case "formulas":
      case "formulasLocal":
        return m.formulas(sheet, this.bounded(rect));
      case "numberFormat":
      case "numberFormatLocal":
        return m.numberFormats(sheet, this.bounded(rect));
      case "text":
        return m.texts(sheet, this.bounded(rect));
      case "valueTypes":
        return m.valueTypes(sheet, this.bounded(rect));
      case "isEntireColumn":
        return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
      case "isEntireRow":
        return rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
      case "hidden":
        return this.allRowsHidden(sheet, rect) || this.allColumnsHidden(sheet, rect);
      case "rowHidden":
        return this.allRowsHidden(sheet, rect);
      case "columnHidden":
        return this.allColumnsHidden(sheet, rect);
      default:
        throw invalidArgument(`property ${name}`);
    }
  }

  private allRowsHidden(sheet: SheetModel, rect: Rect): boolean {
    for (let r = rect.r0; r <= rect.r1; r++) if (!sheet.hiddenRows.has(r)) return false;
    return true;
  }

  private allColumnsHidden(sheet: SheetModel, rect: Rect): boolean {
    for (let c = rect.c0; c <= rect.c1; c++) if (!sheet.hiddenColumns.has(c)) return false;
    return true;
  }

  /** Reading whole columns/rows is limited to 5 million cells, as a guard (Excel has a similar payload limit). */
  private bounded(rect: Rect): Rect {
    if (rectRows(rect) * rectColumns(rect) > 5_000_000) {
      throw new HostError("GeneralException", "The response payload size has exceeded the limit (range too large).");
    }
    return rect;
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "worksheet") return this.worksheet as unknown as ClientObject<unknown>;
    return undefined;
  }

  // ---------------------------------------------------------------- properties

  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.get("valueTypes");
  }
  get isEntireColumn(): boolean {
    return this.get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this.get("isEntireRow");
  }
  get hidden(): boolean {
    return this.get("hidden");
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  get values(): any[][] {
    return this.get("values");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  set values(values: any[][]) {
    this.set("values", values, () => {
      const { sheet, rect } = this.target();
      checkAlive(this.context, sheet);
      this.context.model.writeCells(sheet, rect, values, "values", "ThisLocalAddin");
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  get formulas(): any[][] {
    return this.get("formulas");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  set formulas(formulas: any[][]) {
    this.set("formulas", formulas, () => {
      const { sheet, rect } = this.target();
      checkAlive(this.context, sheet);
      this.context.model.writeCells(sheet, rect, formulas, "formulas", "ThisLocalAddin");
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  get formulasLocal(): any[][] {
    return this.get("formulasLocal");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  set formulasLocal(formulas: any[][]) {
    this.formulas = formulas;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  get numberFormat(): any[][] {
    return this.get("numberFormat");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  set numberFormat(formats: any[][]) {
    this.set("numberFormat", formats, () => {
      const { sheet, rect } = this.target();
      this.context.model.setNumberFormats(sheet, rect, formats);
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  get numberFormatLocal(): any[][] {
    return this.get("numberFormatLocal");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  set numberFormatLocal(formats: any[][]) {
    this.numberFormat = formats;
  }

  get rowHidden(): boolean {
    return this.get("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.set("rowHidden", hidden, () => {
      const { sheet, rect } = this.target();
      for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 100_000); r++) {
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
      this.context.model.notify();
    });
  }

  get columnHidden(): boolean {
    return this.get("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.set("columnHidden", hidden, () => {
      const { sheet, rect } = this.target();
      for (let c = rect.c0; c <= rect.c1; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
      this.context.model.notify();
    });
  }

  get format(): HostRangeFormat {
    this.formatProxy ??= new HostRangeFormat(this.context, this);
    return this.formatProxy;
  }

  get dataValidation(): HostDataValidation {
    this.validationProxy ??= new HostDataValidation(this.context, this);
    return this.validationProxy;
  }

  get conditionalFormats(): HostConditionalFormatCollection {
    this.conditionalFormatsProxy ??= new HostConditionalFormatCollection(this.context, this);
    return this.conditionalFormatsProxy;
  }

  private worksheetProxy?: Excel.Worksheet;
  /** The same proxy on every access (office.js caches navigation properties), so loads through it are readable. */
  get worksheet(): Excel.Worksheet {
    this.worksheetProxy ??= linkedWorksheet(this.context, () => this.target().sheet.id);
    return this.worksheetProxy;
  }

  // ---------------------------------------------------------------- navigation

  private derive(transform: (t: RangeTarget) => Rect | undefined, orNull = false): HostRange {
    return new HostRange(
      this.context,
      () => {
        const t = this.target();
        const r = transform(t);
        if (r === undefined) return undefined;
        if (!isValidRect(r)) throw invalidArgument(`range outside the worksheet (${formatRect(t.rect)})`);
        return { sheet: t.sheet, rect: r };
      },
      orNull,
    );
  }

  getCell(row: number, column: number): HostRange {
    return this.derive(({ rect }) => ({
      r0: rect.r0 + row,
      c0: rect.c0 + column,
      r1: rect.r0 + row,
      c1: rect.c0 + column,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): HostRange {
    return this.derive(({ rect }) => ({
      r0: rect.r0 + rowOffset,
      r1: rect.r1 + rowOffset,
      c0: rect.c0 + columnOffset,
      c1: rect.c1 + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): HostRange {
    return this.derive(({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): HostRange {
    return this.derive(({ rect }) => ({ ...rect, r1: rect.r0 + numRows - 1, c1: rect.c0 + numColumns - 1 }));
  }

  getRow(row: number): HostRange {
    return this.derive(({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }

  getColumn(column: number): HostRange {
    return this.derive(({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }

  getRowsAbove(count = 1): HostRange {
    return this.derive(({ rect }) => ({ ...rect, r0: rect.r0 - count, r1: rect.r0 - 1 }));
  }

  getRowsBelow(count = 1): HostRange {
    return this.derive(({ rect }) => ({ ...rect, r0: rect.r1 + 1, r1: rect.r1 + count }));
  }

  getColumnsBefore(count = 1): HostRange {
    return this.derive(({ rect }) => ({ ...rect, c0: rect.c0 - count, c1: rect.c0 - 1 }));
  }

  getColumnsAfter(count = 1): HostRange {
    return this.derive(({ rect }) => ({ ...rect, c0: rect.c1 + 1, c1: rect.c1 + count }));
  }

  getLastRow(): HostRange {
    return this.derive(({ rect }) => ({ ...rect, r0: rect.r1 }));
  }

  getLastColumn(): HostRange {
    return this.derive(({ rect }) => ({ ...rect, c0: rect.c1 }));
  }

  getLastCell(): HostRange {
    return this.derive(({ rect }) => ({ r0: rect.r1, c0: rect.c1, r1: rect.r1, c1: rect.c1 }));
  }

  getEntireRow(): HostRange {
    return this.derive(({ rect }) => ({ ...rect, c0: 0, c1: MAX_COLUMNS - 1 }));
  }

  getEntireColumn(): HostRange {
    return this.derive(({ rect }) => ({ ...rect, r0: 0, r1: MAX_ROWS - 1 }));
  }

  private otherRect(other: Excel.Range | HostRange | string): (t: RangeTarget) => Rect {
    return (t) => {
      if (typeof other === "string") return parseAddress(other).rect;
      const o = (other as unknown as HostRange).target();
      if (o.sheet !== t.sheet) throw invalidArgument("ranges on different worksheets");
      return o.rect;
    };
  }

  getIntersection(other: Excel.Range | HostRange | string): HostRange {
    const get = this.otherRect(other);
    return this.derive((t) => {
      const r = intersect(t.rect, get(t));
      if (!r) throw invalidArgument("the ranges do not intersect");
      return r;
    });
  }

  getIntersectionOrNullObject(other: Excel.Range | HostRange | string): HostRange {
    const get = this.otherRect(other);
    return this.derive((t) => intersect(t.rect, get(t)), true);
  }

  getBoundingRect(other: Excel.Range | HostRange | string): HostRange {
    const get = this.otherRect(other);
    return this.derive((t) => {
      const o = get(t);
      return {
        r0: Math.min(t.rect.r0, o.r0),
        c0: Math.min(t.rect.c0, o.c0),
        r1: Math.max(t.rect.r1, o.r1),
        c1: Math.max(t.rect.c1, o.c1),
      };
    });
  }

  getUsedRange(valuesOnly?: boolean): HostRange {
    return this.usedRange(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange {
    return this.usedRange(valuesOnly, true);
  }

  /** The used part of this range; when nothing is used, its first cell (or the null object). */
  private usedRange(valuesOnly: boolean | undefined, orNull: boolean): HostRange {
    return this.derive((t) => {
      const used = this.context.model.usedRect(t.sheet, valuesOnly === true);
      const r = used && intersect(used, t.rect);
      return r ?? (orNull ? undefined : { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0, c1: t.rect.c0 });
    }, orNull);
  }

  getRange(address: string): HostRange {
    return this.derive(({ rect }) => {
      const r = parseAddress(address).rect;
      return { r0: rect.r0 + r.r0, c0: rect.c0 + r.c0, r1: rect.r0 + r.r1, c1: rect.c0 + r.c1 };
    });
  }

  // ---------------------------------------------------------------- methods

  select(): void {
    this.queue(() => {
      const { sheet, rect } = this.target();
      this.context.model.select(sheet, rect);
    });
  }

  activate(): void {
    this.select();
  }

  clear(
    applyTo: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All",
  ): void {
    this.queue(() => {
      const { sheet, rect } = this.target();
      this.context.model.clear(
        sheet,
        rect,
        applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks" ? "None" : applyTo,
        "ThisLocalAddin",
      );
    });
  }

  /** Deletes the cells. Up shifts whole rows (and Left whole columns): partial-width shifts are treated as whole rows. */
  delete(shift: Excel.DeleteShiftDirection | "Up" | "Left"): void {
    this.queue(() => {
      const { sheet, rect } = this.target();
      const m = this.context.model;
      if (shift === "Up") m.shiftRows(sheet, rect.r0, -rectRows(rect), "ThisLocalAddin");
      else if (shift === "Left") {
        if (sheet.protection.protected && !sheet.protection.options.allowDeleteColumns)
          throw new HostError("AccessDenied", "The sheet is protected.");
        m.engine.removeColumns(sheet.engineId, rect.c0, rectColumns(rect));
        m.notify();
      } else throw invalidArgument(`shift ${String(shift)}`);
    });
  }

  /** Inserts cells. Down inserts whole rows (partial-width shifts are treated as whole rows). */
  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): HostRange {
    this.queue(() => {
      const { sheet, rect } = this.target();
      const m = this.context.model;
      if (shift === "Down") m.shiftRows(sheet, rect.r0, rectRows(rect), "ThisLocalAddin");
      else if (shift === "Right") {
        if (sheet.protection.protected && !sheet.protection.options.allowInsertColumns)
          throw new HostError("AccessDenied", "The sheet is protected.");
        m.engine.addColumns(sheet.engineId, rect.c0, rectColumns(rect));
        m.notify();
      } else throw invalidArgument(`shift ${String(shift)}`);
    });
    return this.derive(({ rect }) => rect);
  }

  merge(_across?: boolean): void {
    this.queue(() => this.target());
  }

  unmerge(): void {
    this.queue(() => this.target());
  }

  calculate(): void {
    this.queue(() => this.context.model.engine.recalculate());
  }

  showCard(): void {
    this.queue(() => this.target());
  }

  getCellProperties(): ClientResult<unknown> {
    return this.result(() => {
      throw new HostError("NotImplemented", "getCellProperties is not implemented by the in-memory host.");
    });
  }
}

// ---------------------------------------------------------------- format

type FormatKey = keyof CellFormat;

abstract class FormatPart extends ClientObject<RangeTarget> {
  constructor(
    context: RequestContext,
    protected readonly range: HostRange,
  ) {
    super(context, () => range.target());
  }

  protected readFormat<K extends FormatKey>(key: K): CellFormat[K] | null {
    const { sheet, rect } = this.target();
    return this.context.model.uniformFormat(sheet, rect, key);
  }

  protected writeFormat(name: string, props: Partial<CellFormat>, value: unknown): void {
    this.set(name, value, () => {
      const { sheet, rect } = this.target();
      this.context.model.setFormat(sheet, rect, props, `format.${name}`);
    });
  }
}

export class HostRangeFill extends FormatPart {
  protected scalarProperties(): readonly string[] {
    return ["color", "pattern"];
  }
  protected readProperty(name: string): unknown {
    if (name === "pattern") return this.readFormat("fillColor") === null ? "None" : "Solid";
    return this.readFormat("fillColor") ?? null;
  }
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.writeFormat("color", { fillColor: normalizeColor(color) }, color);
  }
  clear(): void {
    this.queue(() => {
      const { sheet, rect } = this.target();
      this.context.model.setFormat(sheet, rect, { fillColor: null }, "fill.clear");
    });
  }
}

const COLOR_NAMES: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
};

function normalizeColor(color: string): string {
  const named = COLOR_NAMES[color.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/i.test(color)) return color.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(color))
    return `#${color
      .slice(1)
      .split("")
      .map((c) => c + c)
      .join("")}`.toUpperCase();
  throw invalidArgument(`color ${color}`);
}

export class HostRangeFont extends FormatPart {
  protected scalarProperties(): readonly string[] {
    return ["bold", "italic", "color", "name", "size", "underline"];
  }
  protected readProperty(name: string): unknown {
    const key = (
      {
        bold: "bold",
        italic: "italic",
        color: "fontColor",
        name: "fontName",
        size: "fontSize",
        underline: "underline",
      } as const
    )[name as "bold"];
    return this.readFormat(key);
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.writeFormat("bold", { bold: v }, v);
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(v: boolean) {
    this.writeFormat("italic", { italic: v }, v);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.writeFormat("color", { fontColor: normalizeColor(v) }, v);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.writeFormat("name", { fontName: v }, v);
  }
  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    if (!(v > 0 && v <= 409)) throw invalidArgument(`font size ${v}`);
    this.writeFormat("size", { fontSize: v }, v);
  }
  get underline(): string {
    return this.get("underline");
  }
  set underline(v: string) {
    this.writeFormat("underline", { underline: v }, v);
  }
}

export class HostFormatProtection extends FormatPart {
  protected scalarProperties(): readonly string[] {
    return ["locked", "formulaHidden"];
  }
  protected readProperty(name: string): unknown {
    return this.readFormat(name === "locked" ? "locked" : "formulaHidden");
  }
  get locked(): boolean {
    return this.get("locked");
  }
  set locked(v: boolean) {
    this.writeFormat("locked", { locked: v }, v);
  }
  get formulaHidden(): boolean {
    return this.get("formulaHidden");
  }
  set formulaHidden(v: boolean) {
    this.writeFormat("formulaHidden", { formulaHidden: v }, v);
  }
}

/** Borders are accepted and kept on the proxy only (the preview page does not draw them). */
export class HostRangeBorder extends ClientObject<RangeTarget> {
  constructor(
    context: RequestContext,
    range: HostRange,
    readonly sideIndex: string,
  ) {
    super(context, () => range.target());
  }
  protected scalarProperties(): readonly string[] {
    return ["color", "style", "weight", "sideIndex"];
  }
  protected readProperty(name: string): unknown {
    return (
      this.loaded.get(name) ??
      (name === "sideIndex" ? this.sideIndex : name === "style" ? "None" : name === "weight" ? "Thin" : "#000000")
    );
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set("color", v, () => undefined);
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.set("style", v, () => undefined);
  }
  get weight(): string {
    return this.get("weight");
  }
  set weight(v: string) {
    this.set("weight", v, () => undefined);
  }
}

export class HostRangeBorderCollection extends ClientCollection<HostRangeBorder> {
  constructor(
    context: RequestContext,
    private readonly range: HostRange,
  ) {
    super(context);
  }
  protected currentItems(): HostRangeBorder[] {
    return ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"].map(
      (side) => new HostRangeBorder(this.context, this.range, side),
    );
  }
  getItem(index: string): HostRangeBorder {
    return new HostRangeBorder(this.context, this.range, index);
  }
}

export class HostRangeFormat extends FormatPart {
  private fillProxy?: HostRangeFill;
  private fontProxy?: HostRangeFont;
  private protectionProxy?: HostFormatProtection;
  private bordersProxy?: HostRangeBorderCollection;

  protected scalarProperties(): readonly string[] {
    return ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight", "indentLevel"];
  }

  protected readProperty(name: string): unknown {
    const { sheet, rect } = this.target();
    switch (name) {
      case "columnWidth": {
        const first = sheet.columnWidths.get(rect.c0) ?? STANDARD_COLUMN_WIDTH;
        for (let c = rect.c0; c <= rect.c1; c++)
          if ((sheet.columnWidths.get(c) ?? STANDARD_COLUMN_WIDTH) !== first) return null;
        return first;
      }
      case "rowHeight": {
        const first = sheet.rowHeights.get(rect.r0) ?? STANDARD_ROW_HEIGHT;
        for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 10_000); r++)
          if ((sheet.rowHeights.get(r) ?? STANDARD_ROW_HEIGHT) !== first) return null;
        return first;
      }
      case "wrapText":
      case "horizontalAlignment":
      case "verticalAlignment":
      case "indentLevel":
        return this.readFormat(name);
      default:
        throw invalidArgument(`property ${name}`);
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "protection") return this.protection;
    return undefined;
  }

  get fill(): HostRangeFill {
    this.fillProxy ??= new HostRangeFill(this.context, this.range);
    return this.fillProxy;
  }
  get font(): HostRangeFont {
    this.fontProxy ??= new HostRangeFont(this.context, this.range);
    return this.fontProxy;
  }
  get protection(): HostFormatProtection {
    this.protectionProxy ??= new HostFormatProtection(this.context, this.range);
    return this.protectionProxy;
  }
  get borders(): HostRangeBorderCollection {
    this.bordersProxy ??= new HostRangeBorderCollection(this.context, this.range);
    return this.bordersProxy;
  }

  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.writeFormat("wrapText", { wrapText: v }, v);
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(v: Excel.HorizontalAlignment | string) {
    this.writeFormat("horizontalAlignment", { horizontalAlignment: v }, v);
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(v: Excel.VerticalAlignment | string) {
    this.writeFormat("verticalAlignment", { verticalAlignment: v }, v);
  }
  get indentLevel(): number {
    return this.get("indentLevel");
  }
  set indentLevel(v: number) {
    this.writeFormat("indentLevel", { indentLevel: v }, v);
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v, () => {
      const { sheet, rect } = this.target();
      if (!(v >= 0)) throw invalidArgument(`columnWidth ${v}`);
      this.context.model.assertCanFormat(sheet, rect, "columnWidth");
      for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, v);
      this.context.model.notify();
    });
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v, () => {
      const { sheet, rect } = this.target();
      if (!(v >= 0)) throw invalidArgument(`rowHeight ${v}`);
      this.context.model.assertCanFormat(sheet, rect, "rowHeight");
      for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 100_000); r++) sheet.rowHeights.set(r, v);
      this.context.model.notify();
    });
  }
  autofitColumns(): void {
    this.queue(() => this.target());
  }
  autofitRows(): void {
    this.queue(() => this.target());
  }
}

// ---------------------------------------------------------------- data validation

export class HostDataValidation extends ClientObject<RangeTarget> {
  constructor(context: RequestContext, range: HostRange) {
    super(context, () => range.target());
  }

  protected scalarProperties(): readonly string[] {
    return ["rule", "errorAlert", "prompt", "ignoreBlanks", "type", "valid"];
  }

  protected readProperty(name: string): unknown {
    const { sheet, rect } = this.target();
    const m = this.context.model;
    const v = m.validationFor(sheet, rect);
    switch (name) {
      case "rule":
        return v ? structuredClone(v.rule) : {};
      case "errorAlert":
        return v ? { ...v.errorAlert } : { showAlert: true, style: "Stop", title: "", message: "" };
      case "prompt":
        return v ? { ...v.prompt } : { showPrompt: false, title: "", message: "" };
      case "ignoreBlanks":
        return v ? v.ignoreBlanks : true;
      case "type": {
        if (!v) return sheet.validations.some((x) => intersect(x.rect, rect)) ? "Inconsistent" : "None";
        const kind = Object.keys(v.rule)[0];
        return kind === "list" ? "List" : kind.charAt(0).toUpperCase() + kind.slice(1);
      }
      case "valid": {
        if (!v) return true;
        const check = m.entryChecker(sheet, v);
        return m.values(sheet, rect).every((row) => row.every((value) => check(value).ok));
      }
      default:
        throw invalidArgument(`property ${name}`);
    }
  }

  get rule(): Excel.DataValidationRule {
    return this.get("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    const clean = Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined && v !== null));
    this.set("rule", clean, () => {
      const { sheet, rect } = this.target();
      this.context.model.setValidation(sheet, rect, { rule: structuredClone(clean) });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.get("errorAlert");
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.set("errorAlert", alert, () => {
      const { sheet, rect } = this.target();
      const current = this.context.model.validationFor(sheet, rect)?.errorAlert ?? {
        showAlert: true,
        style: "Stop",
        title: "",
        message: "",
      };
      this.context.model.setValidation(sheet, rect, { errorAlert: { ...current, ...alert } });
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.get("prompt");
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.set("prompt", prompt, () => {
      const { sheet, rect } = this.target();
      const current = this.context.model.validationFor(sheet, rect)?.prompt ?? {
        showPrompt: false,
        title: "",
        message: "",
      };
      this.context.model.setValidation(sheet, rect, { prompt: { ...current, ...prompt } });
    });
  }
  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.set("ignoreBlanks", v, () => {
      const { sheet, rect } = this.target();
      this.context.model.setValidation(sheet, rect, { ignoreBlanks: v });
    });
  }
  get type(): string {
    return this.get("type");
  }
  get valid(): boolean {
    return this.get("valid");
  }
  clear(): void {
    this.queue(() => {
      const { sheet, rect } = this.target();
      this.context.model.clearValidation(sheet, rect);
    });
  }
}

// ---------------------------------------------------------------- conditional formats

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

export class HostConditionalRangeFormat extends ClientObject<CfTarget> {
  private fillProxy?: { color: string; clear(): void };
  private fontProxy?: { color: string; bold: boolean; italic: boolean };
  constructor(
    context: RequestContext,
    private readonly owner: HostConditionalFormat,
  ) {
    super(context, () => owner.target());
  }
  protected scalarProperties(): readonly string[] {
    return ["numberFormat"];
  }
  protected readProperty(): unknown {
    return null;
  }
  get fill(): { color: string; clear(): void } {
    const { owner, context } = this;
    this.fillProxy ??= {
      get color() {
        return owner.target().cf.format.fillColor ?? "";
      },
      set color(v: string) {
        context.enqueue(() => {
          owner.target().cf.format.fillColor = normalizeColor(v);
          context.model.notify();
        });
      },
      clear() {
        context.enqueue(() => {
          owner.target().cf.format.fillColor = null;
        });
      },
    };
    return this.fillProxy;
  }
  get font(): { color: string; bold: boolean; italic: boolean } {
    const { owner, context } = this;
    const fmt = () => owner.target().cf.format;
    this.fontProxy ??= {
      get color() {
        return fmt().fontColor ?? "";
      },
      set color(v: string) {
        context.enqueue(() => {
          fmt().fontColor = normalizeColor(v);
        });
      },
      get bold() {
        return fmt().bold ?? false;
      },
      set bold(v: boolean) {
        context.enqueue(() => {
          fmt().bold = v;
        });
      },
      get italic() {
        return fmt().italic ?? false;
      },
      set italic(v: boolean) {
        context.enqueue(() => {
          fmt().italic = v;
        });
      },
    };
    return this.fontProxy;
  }
}

/** A conditional format's rule-bearing part (custom, cellValue, ...): `rule` and `format`. */
class HostConditionalRule {
  private formatProxy?: HostConditionalRangeFormat;
  constructor(
    private readonly owner: HostConditionalFormat,
    private readonly context: RequestContext,
  ) {}
  get format(): HostConditionalRangeFormat {
    this.formatProxy ??= new HostConditionalRangeFormat(this.context, this.owner);
    return this.formatProxy;
  }
  /** custom.rule.formula = "=..." (a rule object with a formula), or cellValue.rule = { formula1, operator }. */
  get rule(): Record<string, unknown> {
    const context = this.context;
    const owner = this.owner;
    const setKey = (key: string, value: unknown) =>
      context.enqueue(() => {
        owner.target().cf.rule = { ...owner.target().cf.rule, [key]: value };
        context.model.notify();
      });
    const loaded = (): Record<string, unknown> => owner.loadedRule();
    return {
      get formula() {
        return loaded().formula;
      },
      set formula(v: unknown) {
        setKey("formula", v);
      },
      get formulaLocal() {
        return loaded().formula;
      },
      set formulaLocal(v: unknown) {
        setKey("formula", v);
      },
      get formula1() {
        return loaded().formula1;
      },
      get formula2() {
        return loaded().formula2;
      },
      get operator() {
        return loaded().operator;
      },
    };
  }
  set rule(rule: Record<string, unknown>) {
    this.context.enqueue(() => {
      const { cf } = this.owner.target();
      cf.rule = { ...rule };
      this.context.model.notify();
    });
  }
}

export class HostConditionalFormat extends ClientObject<CfTarget> {
  private ruleProxy?: HostConditionalRule;
  protected scalarProperties(): readonly string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  protected readProperty(name: string): unknown {
    const { sheet, cf } = this.target();
    if (name === "priority") return sheet.conditionalFormats.indexOf(cf);
    if (name === "type") return cf.type;
    if (name === "stopIfTrue") return cf.stopIfTrue;
    return cf.id;
  }
  loadedRule(): Record<string, unknown> {
    return this.get("rule");
  }
  override applyLoad(paths: string[][]): void {
    const rest: string[][] = [];
    for (const p of paths) {
      if (["custom", "cellValue", "expression"].includes(p[0]) && (p[1] === "rule" || p.length === 1)) {
        this.loaded.set("rule", structuredClone(this.target().cf.rule));
      } else rest.push(p);
    }
    if (rest.length) super.applyLoad(rest);
  }
  private rulePart(): HostConditionalRule {
    this.ruleProxy ??= new HostConditionalRule(this, this.context);
    return this.ruleProxy;
  }
  get custom(): HostConditionalRule {
    return this.rulePart();
  }
  get cellValue(): HostConditionalRule {
    return this.rulePart();
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get priority(): number {
    return this.get("priority");
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.set("stopIfTrue", v, () => {
      this.target().cf.stopIfTrue = v;
    });
  }
  getRange(): HostRange {
    return new HostRange(this.context, () => {
      const { sheet, cf } = this.target();
      return { sheet, rect: cf.rect };
    });
  }
  delete(): void {
    this.queue(() => {
      const { sheet, cf } = this.target();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
      this.context.model.notify();
    });
  }
}

export class HostConditionalFormatCollection extends CountedCollection<HostConditionalFormat> {
  constructor(
    context: RequestContext,
    private readonly range: HostRange,
  ) {
    super(context);
  }
  /** The conditional formats that touch the range, in priority order. */
  private matching(): CfTarget[] {
    const { sheet, rect } = this.range.target();
    return sheet.conditionalFormats.filter((cf) => intersect(cf.rect, rect)).map((cf) => ({ sheet, cf }));
  }
  protected currentItems(): HostConditionalFormat[] {
    return this.matching().map((t) => new HostConditionalFormat(this.context, () => t));
  }
  protected itemCount(): number {
    return this.matching().length;
  }
  add(type: Excel.ConditionalFormatType | string): HostConditionalFormat {
    const supported = [
      "Custom",
      "CellValue",
      "ContainsText",
      "DataBar",
      "ColorScale",
      "IconSet",
      "TopBottom",
      "PresetCriteria",
    ];
    return new HostConditionalFormat(this.context, () => {
      if (!supported.includes(type)) throw invalidArgument(`conditional format type ${type}`);
      const { sheet, rect } = this.range.target();
      const m = this.context.model;
      m.assertCanFormat(sheet, rect, "conditionalFormats.add");
      const cf: ConditionalFormatModel = {
        id: m.newId("cf"),
        rect,
        type,
        rule: {},
        format: { fillColor: null, fontColor: null, bold: null, italic: null },
        stopIfTrue: false,
        priority: 0,
      };
      sheet.conditionalFormats.unshift(cf); // a new rule gets priority 0
      m.notify();
      return { sheet, cf };
    });
  }
  clearAll(): void {
    this.queue(() => {
      const { sheet, rect } = this.range.target();
      this.context.model.assertCanFormat(sheet, rect, "conditionalFormats.clearAll");
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, rect));
      this.context.model.notify();
    });
  }
  getItem(id: string): HostConditionalFormat {
    return new HostConditionalFormat(this.context, () => {
      const { sheet } = this.range.target();
      const cf = sheet.conditionalFormats.find((x) => x.id === id);
      return cf ? { sheet, cf } : undefined;
    });
  }
  getItemAt(index: number): HostConditionalFormat {
    return new HostConditionalFormat(this.context, () => this.matching()[index]);
  }
}
