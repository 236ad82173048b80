/** Workbook proxies: the workbook, named items, document (custom) properties. */
import { ClientCollection, ClientObject, type Readers, type RequestContext } from "./clientObject";
import { HostError, invalidArgument } from "./hostError";
import type { OfficeShape } from "./officeShapes";
import { HostRange } from "./rangeProxy";
import { HostTableCollection } from "./tableProxy";
import { HostWorksheetCollection } from "./worksheetProxy";
import type { CustomPropertyModel, NameModel } from "./hostWorkbook";

export class HostNamedItem
  extends ClientObject<NameModel>
  implements OfficeShape<Excel.NamedItem, "name" | "formula" | "type" | "delete">
{
  protected readonly readers: Readers<NameModel> = {
    name: (n) => n.name,
    formula: (n) => this.context.model.engine.nameFormula(n.name) ?? n.formula,
    type: (n) => (this.context.model.nameRange(n) ? "Range" : "String"),
  };
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
  /** Range or String: the names the host holds (a formula that is not a range is evaluated as text). */
  get type(): "Range" | "String" {
    return this.get("type");
  }
  delete(): void {
    this.queue(() => this.context.model.deleteName(this.target().name));
  }
}

export class HostNamedItemCollection
  extends ClientCollection<HostNamedItem>
  implements OfficeShape<Excel.NamedItemCollection, "items" | "add" | "getItem" | "getItemOrNullObject">
{
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
  getItem(name: string): HostNamedItem {
    return new HostNamedItem(this.context, () => this.context.model.names.get(name.toLowerCase()));
  }
  getItemOrNullObject(name: string): HostNamedItem {
    return new HostNamedItem(this.context, () => this.context.model.names.get(name.toLowerCase()), true);
  }
}

export class HostCustomProperty
  extends ClientObject<CustomPropertyModel>
  implements OfficeShape<Excel.CustomProperty, "key" | "value" | "delete">
{
  protected readonly readers: Readers<CustomPropertyModel> = { key: (p) => p.key, value: (p) => p.value };
  get key(): string {
    return this.get("key");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  get value(): any {
    return this.get("value");
  }
  delete(): void {
    this.queue(() => {
      this.context.model.customProperties.delete(this.target().key.toLowerCase());
    });
  }
}

export class HostCustomPropertyCollection
  extends ClientCollection<HostCustomProperty>
  implements OfficeShape<Excel.CustomPropertyCollection, "items" | "add" | "getItem" | "getItemOrNullObject">
{
  protected currentItems(): HostCustomProperty[] {
    return [...this.context.model.customProperties.values()].map((p) => new HostCustomProperty(this.context, () => p));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this parameter
  add(key: string, value: any): HostCustomProperty {
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
}

export class HostDocumentProperties
  extends ClientObject<true>
  implements OfficeShape<Excel.DocumentProperties, "custom">
{
  protected readonly readers: Readers<true> = {};
  constructor(context: RequestContext) {
    super(context, () => true);
  }
  get custom(): HostCustomPropertyCollection {
    return this.child("custom", () => new HostCustomPropertyCollection(this.context));
  }
}

export class HostWorkbook
  extends ClientObject<true>
  implements OfficeShape<Excel.Workbook, "worksheets" | "names" | "tables" | "properties" | "getSelectedRange">
{
  protected readonly readers: Readers<true> = {};

  constructor(context: RequestContext) {
    super(context, () => true);
  }

  get worksheets(): HostWorksheetCollection {
    return this.child("worksheets", () => new HostWorksheetCollection(this.context));
  }
  get names(): HostNamedItemCollection {
    return this.child("names", () => new HostNamedItemCollection(this.context));
  }
  get tables(): HostTableCollection {
    return this.child("tables", () => new HostTableCollection(this.context));
  }
  get properties(): HostDocumentProperties {
    return this.child("properties", () => new HostDocumentProperties(this.context));
  }

  getSelectedRange(): HostRange {
    return new HostRange(this.context, () => {
      const m = this.context.model;
      const selection = m.selection;
      if (!selection) throw new HostError("InvalidSelection", "There is no selection.");
      return { sheet: m.sheetById(selection.sheetId), rect: selection.rect };
    });
  }
}
