/** Range proxies: values, formulas, number formats, format, data validation, conditional formats. */
import {
  formatRect,
  intersect,
  isValidRect,
  parseAddress,
  qualifiedAddress,
  rectColumns,
  rectRows,
  type Rect,
} from "./rangeAddress";
import { ClientCollection, ClientObject, type ClientResult, type Readers, type RequestContext } from "./clientObject";
import { HostError, invalidArgument } from "./hostError";
import type { CellFormat, ConditionalFormatModel, SheetModel } from "./hostWorkbook";
import { STANDARD_COLUMN_WIDTH } from "./hostWorkbook";
import type { OfficeShape } from "./officeShapes";
import { supportsSet } from "./requirementSets";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** Creates worksheet proxies for `table.worksheet` (set by worksheetProxy.ts, avoiding an import cycle). */
export const rangeLinks: { worksheetFor?: (context: RequestContext, sheetId: () => string) => unknown } = {};

/** A worksheet proxy for a navigation property such as `table.worksheet`. */
export function linkedWorksheet<W>(context: RequestContext, sheetId: () => string): W {
  const make = rangeLinks.worksheetFor;
  if (!make) throw new Error("worksheet proxies are not linked");
  return make(context, sheetId) as W;
}

/** Reading whole columns/rows is limited to 5 million cells, as a guard (Excel has a similar payload limit). */
function bounded(rect: Rect): Rect {
  if (rectRows(rect) * rectColumns(rect) > 5_000_000) {
    throw new HostError("GeneralException", "The response payload size has exceeded the limit (range too large).");
  }
  return rect;
}

function checkAlive(context: RequestContext, sheet: SheetModel): void {
  if (!context.model.sheets.includes(sheet))
    throw new HostError("ItemNotFound", `The worksheet '${sheet.name}' was deleted.`);
}

/** Members of Excel.Range the host implements. */
type RangeMembers =
  | "address"
  | "rowIndex"
  | "columnIndex"
  | "rowCount"
  | "columnCount"
  | "values"
  | "formulas"
  | "numberFormat"
  | "text"
  | "valueTypes"
  | "columnHidden"
  | "format"
  | "dataValidation"
  | "conditionalFormats"
  | "getResizedRange"
  | "getIntersectionOrNullObject"
  | "select"
  | "clear"
  | "insert"
  | "delete";

export class HostRange extends ClientObject<RangeTarget> implements OfficeShape<Excel.Range, RangeMembers> {
  protected override assertExists({ sheet }: RangeTarget): void {
    checkAlive(this.context, sheet);
  }

  protected readonly readers: Readers<RangeTarget> = {
    address: ({ sheet, rect }) => qualifiedAddress(sheet.name, rect),
    columnCount: ({ rect }) => rectColumns(rect),
    columnIndex: ({ rect }) => rect.c0,
    rowCount: ({ rect }) => rectRows(rect),
    rowIndex: ({ rect }) => rect.r0,
    values: ({ sheet, rect }) => this.context.model.values(sheet, bounded(rect)),
    formulas: ({ sheet, rect }) => this.context.model.formulas(sheet, bounded(rect)),
    numberFormat: ({ sheet, rect }) => this.context.model.numberFormats(sheet, bounded(rect)),
    text: ({ sheet, rect }) => this.context.model.texts(sheet, bounded(rect)),
    valueTypes: ({ sheet, rect }) => this.context.model.valueTypes(sheet, bounded(rect)),
    columnHidden: ({ sheet, rect }) => {
      for (let c = rect.c0; c <= rect.c1; c++) if (!sheet.hiddenColumns.has(c)) return false;
      return true;
    },
  };

  // ---------------------------------------------------------------- properties

  get address(): string {
    return this.get("address");
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
    return this.child("format", () => new HostRangeFormat(this.context, this));
  }

  get dataValidation(): HostDataValidation {
    return this.child("dataValidation", () => new HostDataValidation(this.context, this));
  }

  get conditionalFormats(): HostConditionalFormatCollection {
    return this.child("conditionalFormats", () => new HostConditionalFormatCollection(this.context, this));
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

  getResizedRange(deltaRows: number, deltaColumns: number): HostRange {
    return this.derive(({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }

  getIntersectionOrNullObject(anotherRange: HostRange | string): HostRange {
    return this.derive((t) => {
      if (typeof anotherRange === "string") return intersect(t.rect, parseAddress(anotherRange).rect);
      const o = anotherRange.target();
      if (o.sheet !== t.sheet) throw invalidArgument("ranges on different worksheets");
      return intersect(t.rect, o.rect);
    }, true);
  }

  // ---------------------------------------------------------------- methods

  select(): void {
    this.queue(() => {
      const { sheet, rect } = this.target();
      this.context.model.select(sheet, rect);
    });
  }

  /** Clears. ResetContents (ExcelApi 1.18) is Contents here: the host has no cell controls to reset. */
  clear(
    applyTo:
      Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents" = "All",
  ): void {
    this.queue(() => {
      const { sheet, rect } = this.target();
      if (applyTo === "ResetContents" && !supportsSet(this.context.profile, "ExcelApi 1.18"))
        throw invalidArgument(`applyTo ${applyTo}`);
      const what = applyTo === "ResetContents" ? "Contents" : applyTo;
      this.context.model.clear(
        sheet,
        rect,
        what === "Hyperlinks" || what === "RemoveHyperlinks" ? "None" : what,
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
}

// ---------------------------------------------------------------- format

type FormatKey = keyof CellFormat;

/** A part of a range's format: reads the uniform value of the range's cells, writes to every cell. */
abstract class FormatPart extends ClientObject<RangeTarget> {
  constructor(
    context: RequestContext,
    protected readonly range: HostRange,
  ) {
    super(context, () => range.target());
  }

  /** The cells' common value of a format property (null when they differ). */
  protected readFormat<K extends FormatKey>({ sheet, rect }: RangeTarget, key: K): CellFormat[K] | null {
    return this.context.model.uniformFormat(sheet, rect, key);
  }

  protected writeFormat(name: string, props: Partial<CellFormat>, value: unknown): void {
    this.set(name, value, () => {
      const { sheet, rect } = this.target();
      this.context.model.setFormat(sheet, rect, props, `format.${name}`);
    });
  }
}

export class HostRangeFill extends FormatPart implements OfficeShape<Excel.RangeFill, "color"> {
  protected readonly readers: Readers<RangeTarget> = { color: (t) => this.readFormat(t, "fillColor") };
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.writeFormat("color", { fillColor: normalizeColor(color) }, color);
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

export class HostRangeFont
  extends FormatPart
  implements OfficeShape<Excel.RangeFont, "bold" | "italic" | "color" | "size">
{
  protected readonly readers: Readers<RangeTarget> = {
    bold: (t) => this.readFormat(t, "bold"),
    italic: (t) => this.readFormat(t, "italic"),
    color: (t) => this.readFormat(t, "fontColor"),
    size: (t) => this.readFormat(t, "fontSize"),
  };
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
  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    if (!(v > 0 && v <= 409)) throw invalidArgument(`font size ${v}`);
    this.writeFormat("size", { fontSize: v }, v);
  }
}

export class HostFormatProtection extends FormatPart implements OfficeShape<Excel.FormatProtection, "locked"> {
  protected readonly readers: Readers<RangeTarget> = { locked: (t) => this.readFormat(t, "locked") };
  get locked(): boolean {
    return this.get("locked");
  }
  set locked(v: boolean) {
    this.writeFormat("locked", { locked: v }, v);
  }
}

/** Excel's vertical alignments: any other value is refused (InvalidArgument), as Excel does. */
const VERTICAL_ALIGNMENTS = ["Center", "Bottom", "Top", "Justify", "Distributed"];

export class HostRangeFormat
  extends FormatPart
  implements
    OfficeShape<Excel.RangeFormat, "fill" | "font" | "protection" | "wrapText" | "verticalAlignment" | "columnWidth">
{
  protected readonly readers: Readers<RangeTarget> = {
    wrapText: (t) => this.readFormat(t, "wrapText"),
    verticalAlignment: (t) => this.readFormat(t, "verticalAlignment"),
    columnWidth: ({ sheet, rect }) => {
      const first = sheet.columnWidths.get(rect.c0) ?? STANDARD_COLUMN_WIDTH;
      for (let c = rect.c0; c <= rect.c1; c++)
        if ((sheet.columnWidths.get(c) ?? STANDARD_COLUMN_WIDTH) !== first) return null;
      return first;
    },
  };

  get fill(): HostRangeFill {
    return this.child("fill", () => new HostRangeFill(this.context, this.range));
  }
  get font(): HostRangeFont {
    return this.child("font", () => new HostRangeFont(this.context, this.range));
  }
  get protection(): HostFormatProtection {
    return this.child("protection", () => new HostFormatProtection(this.context, this.range));
  }

  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.writeFormat("wrapText", { wrapText: v }, v);
  }
  get verticalAlignment(): Excel.VerticalAlignment | "Center" | "Bottom" | "Top" | "Justify" | "Distributed" {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(v: Excel.VerticalAlignment | "Center" | "Bottom" | "Top" | "Justify" | "Distributed") {
    if (!VERTICAL_ALIGNMENTS.includes(v)) throw invalidArgument(`verticalAlignment ${v}`);
    this.writeFormat("verticalAlignment", { verticalAlignment: v }, v);
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
}

// ---------------------------------------------------------------- data validation

export class HostDataValidation
  extends ClientObject<RangeTarget>
  implements OfficeShape<Excel.DataValidation, "rule" | "errorAlert" | "prompt" | "ignoreBlanks" | "type">
{
  constructor(context: RequestContext, range: HostRange) {
    super(context, () => range.target());
  }

  protected readonly readers: Readers<RangeTarget> = {
    rule: (t) => structuredClone(this.validation(t)?.rule ?? {}),
    errorAlert: (t) => ({ ...(this.validation(t)?.errorAlert ?? DEFAULT_ERROR_ALERT) }),
    prompt: (t) => ({ ...(this.validation(t)?.prompt ?? DEFAULT_PROMPT) }),
    ignoreBlanks: (t) => this.validation(t)?.ignoreBlanks ?? true,
    type: ({ sheet, rect }) => {
      const v = this.validation({ sheet, rect });
      if (!v) return sheet.validations.some((x) => intersect(x.rect, rect)) ? "Inconsistent" : "None";
      const kind = Object.keys(v.rule)[0]!;
      return kind === "list" ? "List" : kind.charAt(0).toUpperCase() + kind.slice(1);
    },
  };

  /** The validation over the whole range (undefined when none, or when its cells differ). */
  private validation({ sheet, rect }: RangeTarget) {
    return this.context.model.validationFor(sheet, rect);
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
      const current = this.context.model.validationFor(sheet, rect)?.errorAlert ?? DEFAULT_ERROR_ALERT;
      this.context.model.setValidation(sheet, rect, { errorAlert: { ...current, ...alert } });
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.get("prompt");
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.set("prompt", prompt, () => {
      const { sheet, rect } = this.target();
      const current = this.context.model.validationFor(sheet, rect)?.prompt ?? DEFAULT_PROMPT;
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
  get type(): Excel.DataValidationType | DataValidationTypeName {
    return this.get("type");
  }
}

type DataValidationTypeName = `${Excel.DataValidationType}`;

/** What a cell without validation answers (and what a rule starts from). */
const DEFAULT_ERROR_ALERT = { showAlert: true, style: "Stop", title: "", message: "" } as const;
const DEFAULT_PROMPT = { showPrompt: false, title: "", message: "" } as const;

// ---------------------------------------------------------------- conditional formats

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

/** A part of one conditional format (its rule, its format, their fill and font), bound to the same model object. */
abstract class ConditionalPart extends ClientObject<CfTarget> {
  constructor(context: RequestContext, bind: () => CfTarget | undefined) {
    super(context, bind);
  }

  protected readonly readers: Readers<CfTarget> = {};

  /** Queues a write to the conditional format's look (fill, font colour, bold). */
  protected setLook(name: string, value: unknown, look: (f: ConditionalFormatModel["format"]) => void): void {
    this.set(name, value, () => {
      look(this.target().cf.format);
      this.context.model.notify();
    });
  }
}

export class HostConditionalRangeFill
  extends ConditionalPart
  implements OfficeShape<Excel.ConditionalRangeFill, "color">
{
  protected override readonly readers: Readers<CfTarget> = { color: ({ cf }) => cf.format.fillColor };
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setLook("color", v, (f) => (f.fillColor = normalizeColor(v)));
  }
}

export class HostConditionalRangeFont
  extends ConditionalPart
  implements OfficeShape<Excel.ConditionalRangeFont, "color" | "bold">
{
  protected override readonly readers: Readers<CfTarget> = {
    color: ({ cf }) => cf.format.fontColor,
    bold: ({ cf }) => cf.format.bold ?? false,
  };
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setLook("color", v, (f) => (f.fontColor = normalizeColor(v)));
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.setLook("bold", v, (f) => (f.bold = v));
  }
}

export class HostConditionalRangeFormat
  extends ConditionalPart
  implements OfficeShape<Excel.ConditionalRangeFormat, "fill" | "font">
{
  get fill(): HostConditionalRangeFill {
    return this.child("fill", () => new HostConditionalRangeFill(this.context, () => this.target()));
  }
  get font(): HostConditionalRangeFont {
    return this.child("font", () => new HostConditionalRangeFont(this.context, () => this.target()));
  }
}

/** The rule of a custom conditional format: its formula, written for the top-left cell of the format's range. */
export class HostConditionalFormatRule
  extends ConditionalPart
  implements OfficeShape<Excel.ConditionalFormatRule, "formula">
{
  protected override readonly readers: Readers<CfTarget> = { formula: ({ cf }) => cf.rule.formula ?? "" };
  get formula(): string {
    return this.get("formula");
  }
  set formula(v: string) {
    this.set("formula", v, () => {
      const { cf } = this.target();
      cf.rule = { ...cf.rule, formula: v };
      this.context.model.notify();
    });
  }
}

/** `custom` and `cellValue` of a conditional format: its format, and its rule (an object or a plain value). */
abstract class ConditionalKind extends ConditionalPart {
  get format(): HostConditionalRangeFormat {
    return this.child("format", () => new HostConditionalRangeFormat(this.context, () => this.target()));
  }
}

export class HostCustomConditionalFormat
  extends ConditionalKind
  implements OfficeShape<Excel.CustomConditionalFormat, "format" | "rule">
{
  get rule(): HostConditionalFormatRule {
    return this.child("rule", () => new HostConditionalFormatRule(this.context, () => this.target()));
  }
}

export class HostCellValueConditionalFormat
  extends ConditionalKind
  implements OfficeShape<Excel.CellValueConditionalFormat, "format" | "rule">
{
  protected override readonly readers: Readers<CfTarget> = { rule: ({ cf }) => structuredClone(cf.rule) };
  get rule(): Excel.ConditionalCellValueRule {
    return this.get("rule");
  }
  set rule(rule: Excel.ConditionalCellValueRule) {
    this.set("rule", rule, () => {
      this.target().cf.rule = { ...rule };
      this.context.model.notify();
    });
  }
}

export class HostConditionalFormat
  extends ClientObject<CfTarget>
  implements OfficeShape<Excel.ConditionalFormat, "custom" | "cellValue" | "stopIfTrue">
{
  protected readonly readers: Readers<CfTarget> = { stopIfTrue: ({ cf }) => cf.stopIfTrue };
  get custom(): HostCustomConditionalFormat {
    return this.child("custom", () => new HostCustomConditionalFormat(this.context, () => this.ofType("Custom")));
  }
  get cellValue(): HostCellValueConditionalFormat {
    return this.child(
      "cellValue",
      () => new HostCellValueConditionalFormat(this.context, () => this.ofType("CellValue")),
    );
  }
  /** The format's model when it is of `type`; otherwise nothing (ItemNotFound at the sync, as in Excel). */
  private ofType(type: string): CfTarget | undefined {
    const t = this.target();
    return t.cf.type === type ? t : undefined;
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.set("stopIfTrue", v, () => {
      this.target().cf.stopIfTrue = v;
    });
  }
}

/** Types of conditional format Excel adds (the host evaluates Custom and CellValue rules only). */
const CONDITIONAL_FORMAT_TYPES = [
  "Custom",
  "CellValue",
  "ContainsText",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
];

export class HostConditionalFormatCollection
  extends ClientCollection<HostConditionalFormat>
  implements OfficeShape<Excel.ConditionalFormatCollection, "items" | "add" | "clearAll" | "getCount">
{
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
  getCount(): ClientResult<number> {
    return this.result(() => this.matching().length);
  }
  add(
    type:
      | Excel.ConditionalFormatType
      | "Custom"
      | "DataBar"
      | "ColorScale"
      | "IconSet"
      | "TopBottom"
      | "PresetCriteria"
      | "ContainsText"
      | "CellValue",
  ): HostConditionalFormat {
    return new HostConditionalFormat(this.context, () => {
      if (!CONDITIONAL_FORMAT_TYPES.includes(type)) throw invalidArgument(`conditional format type ${type}`);
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
}
