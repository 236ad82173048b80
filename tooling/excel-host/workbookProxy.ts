/** Workbook proxies: the workbook, named items, document (custom) properties, the application. */
import type { Rect } from "./rangeAddress";
import { ClientCollection, ClientObject, type ClientResult, type RequestContext } from "./clientObject";
import { HostError, invalidArgument } from "./hostError";
import { HostRange } from "./rangeProxy";
import { HostTableCollection } from "./tableProxy";
import { HostEventSource, HostWorksheetCollection } from "./worksheetProxy";
import type { CustomPropertyModel, NameModel } from "./hostWorkbook";

export class HostNamedItem extends ClientObject<NameModel> {
  protected override describe(): string {
    return "NamedItem";
  }
  protected scalarProperties(): readonly string[] {
    return ["name", "formula", "comment", "visible", "type", "value", "scope"];
  }
  protected readProperty(name: string): unknown {
    const n = this.target();
    const m = this.context.model;
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return m.engine.nameFormula(n.name) ?? n.formula;
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      case "scope":
        return "Workbook";
      case "type":
        return m.nameRange(n) ? "Range" : "String";
      case "value": {
        const r = m.nameRange(n);
        return r ? m.describe(r.sheet, r.rect) : String(m.engine.evaluate(n.formula, m.sheets[0]?.engineId ?? 0));
      }
      default:
        throw invalidArgument(`property ${name}`);
    }
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(formula: string) {
    this.set("formula", formula, () => {
      const n = this.target();
      this.context.model.engine.addName(n.name, formula);
      n.formula = formula;
    });
  }
  get comment(): string {
    return this.get("comment");
  }
  set comment(comment: string) {
    this.set("comment", comment, () => {
      this.target().comment = comment;
    });
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.set("visible", v, () => {
      this.target().visible = v;
    });
  }
  get type(): string {
    return this.get("type");
  }
  get value(): unknown {
    return this.get("value");
  }
  getRange(): HostRange {
    return this.rangeOf(false);
  }
  getRangeOrNullObject(): HostRange {
    return this.rangeOf(true);
  }
  private rangeOf(orNull: boolean): HostRange {
    return new HostRange(
      this.context,
      () => {
        const r = this.context.model.nameRange(this.target());
        if (!r && !orNull)
          throw new HostError("InvalidOperation", `The name '${this.target().name}' does not refer to a range.`);
        return r;
      },
      orNull,
    );
  }
  delete(): void {
    this.queue(() => this.context.model.deleteName(this.target().name));
  }
}

export class HostNamedItemCollection extends ClientCollection<HostNamedItem> {
  protected currentItems(): HostNamedItem[] {
    return [...this.context.model.names.values()].map((n) => new HostNamedItem(this.context, () => n));
  }
  add(name: string, reference: HostRange | string, comment?: string): HostNamedItem {
    return new HostNamedItem(this.context, () => {
      const m = this.context.model;
      const formula =
        typeof reference === "string"
          ? reference
          : (() => {
              const { sheet, rect } = reference.target();
              const absolute = m.describe(sheet, rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
              return `=${absolute}`;
            })();
      return m.addName(name, formula, comment ?? "");
    });
  }
  addFormulaLocal(name: string, formula: string, comment?: string): HostNamedItem {
    return this.add(name, formula, comment);
  }
  getItem(name: string): HostNamedItem {
    return new HostNamedItem(this.context, () => this.context.model.names.get(name.toLowerCase()));
  }
  getItemOrNullObject(name: string): HostNamedItem {
    return new HostNamedItem(this.context, () => this.context.model.names.get(name.toLowerCase()), true);
  }
  getCount(): ClientResult<number> {
    return this.result(() => this.context.model.names.size);
  }
}

export class HostCustomProperty extends ClientObject<CustomPropertyModel> {
  protected scalarProperties(): readonly string[] {
    return ["key", "value", "type"];
  }
  protected readProperty(name: string): unknown {
    const p = this.target();
    if (name === "key") return p.key;
    if (name === "value") return p.value;
    const v = p.value;
    return typeof v === "number"
      ? "Number"
      : typeof v === "boolean"
        ? "Boolean"
        : v instanceof Date
          ? "Date"
          : "String";
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    this.set("value", v, () => {
      this.target().value = v;
    });
  }
  get type(): string {
    return this.get("type");
  }
  delete(): void {
    this.queue(() => {
      this.context.model.customProperties.delete(this.target().key.toLowerCase());
    });
  }
}

export class HostCustomPropertyCollection extends ClientCollection<HostCustomProperty> {
  protected currentItems(): HostCustomProperty[] {
    return [...this.context.model.customProperties.values()].map((p) => new HostCustomProperty(this.context, () => p));
  }
  add(key: string, value: unknown): HostCustomProperty {
    return new HostCustomProperty(this.context, () => {
      if (key.length === 0 || key.length > 255) throw invalidArgument(`custom property key '${key}'`);
      if (typeof value === "string" && value.length > 255)
        throw invalidArgument(`custom property value longer than 255 characters`);
      const props = this.context.model.customProperties;
      const existing = props.get(key.toLowerCase());
      if (existing) {
        existing.value = value;
        return existing;
      }
      const created = { key, value };
      props.set(key.toLowerCase(), created);
      return created;
    });
  }
  getItem(key: string): HostCustomProperty {
    return new HostCustomProperty(this.context, () => this.context.model.customProperties.get(key.toLowerCase()));
  }
  getItemOrNullObject(key: string): HostCustomProperty {
    return new HostCustomProperty(this.context, () => this.context.model.customProperties.get(key.toLowerCase()), true);
  }
  getCount(): ClientResult<number> {
    return this.result(() => this.context.model.customProperties.size);
  }
  deleteAll(): void {
    this.queue(() => this.context.model.customProperties.clear());
  }
}

export class HostDocumentProperties extends ClientObject<true> {
  private customProxy?: HostCustomPropertyCollection;
  constructor(context: RequestContext) {
    super(context, () => true);
  }
  protected scalarProperties(): readonly string[] {
    return ["title", "author", "subject", "keywords", "comments", "category", "company", "manager"];
  }
  protected readProperty(name: string): unknown {
    return this.context.model.settings.get(`doc.${name}`) ?? "";
  }
  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === "custom" ? this.custom : undefined;
  }
  get custom(): HostCustomPropertyCollection {
    this.customProxy ??= new HostCustomPropertyCollection(this.context);
    return this.customProxy;
  }
  private prop(name: string): string {
    return this.get(name);
  }
  private setProp(name: string, v: string): void {
    this.set(name, v, () => this.context.model.settings.set(`doc.${name}`, v));
  }
  get title(): string {
    return this.prop("title");
  }
  set title(v: string) {
    this.setProp("title", v);
  }
  get author(): string {
    return this.prop("author");
  }
  set author(v: string) {
    this.setProp("author", v);
  }
  get subject(): string {
    return this.prop("subject");
  }
  set subject(v: string) {
    this.setProp("subject", v);
  }
  get comments(): string {
    return this.prop("comments");
  }
  set comments(v: string) {
    this.setProp("comments", v);
  }
}

export class HostApplication extends ClientObject<true> {
  constructor(context: RequestContext) {
    super(context, () => true);
  }
  protected scalarProperties(): readonly string[] {
    return ["calculationMode", "calculationState"];
  }
  protected readProperty(name: string): unknown {
    return name === "calculationMode" ? "Automatic" : "Done";
  }
  get calculationMode(): string {
    return this.get("calculationMode");
  }
  set calculationMode(v: string) {
    this.set("calculationMode", v, () => undefined);
  }
  calculate(_calculationType: Excel.CalculationType | string): void {
    this.queue(() => this.context.model.engine.recalculate());
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queue(() => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.queue(() => undefined);
  }
}

export class HostWorkbook extends ClientObject<true> {
  readonly worksheets: HostWorksheetCollection;
  readonly names: HostNamedItemCollection;
  readonly tables: HostTableCollection;
  readonly properties: HostDocumentProperties;
  readonly application: HostApplication;

  constructor(context: RequestContext) {
    super(context, () => true);
    this.worksheets = new HostWorksheetCollection(context);
    this.names = new HostNamedItemCollection(context);
    this.tables = new HostTableCollection(context);
    this.properties = new HostDocumentProperties(context);
    this.application = new HostApplication(context);
  }

  protected scalarProperties(): readonly string[] {
    return ["name", "readOnly", "isDirty"];
  }
  protected readProperty(name: string): unknown {
    if (name === "name") return String(this.context.model.settings.get("workbook.name") ?? "Book1.xlsx");
    if (name === "readOnly") return false;
    return true;
  }
  protected override navigation(name: string): ClientObject<unknown> | undefined {
    const children: Record<string, ClientObject<unknown>> = {
      worksheets: this.worksheets,
      names: this.names,
      tables: this.tables,
      properties: this.properties,
      application: this.application,
    };
    return children[name];
  }
  get name(): string {
    return this.get("name");
  }
  get readOnly(): boolean {
    return this.get("readOnly");
  }

  get onSelectionChanged(): HostEventSource {
    return new HostEventSource(this.context, "selectionChanged", () => undefined);
  }

  getSelectedRange(): HostRange {
    return this.selected((r) => r);
  }

  getActiveCell(): HostRange {
    return this.selected((r) => ({ r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c0 }));
  }

  /** A range picked from the selection at sync time. */
  private selected(pick: (selection: Rect) => Rect): HostRange {
    return new HostRange(this.context, () => {
      const m = this.context.model;
      const selection = m.selection;
      if (!selection) throw new HostError("InvalidSelection", "There is no selection.");
      return { sheet: m.sheetById(selection.sheetId), rect: pick(selection.rect) };
    });
  }
}
