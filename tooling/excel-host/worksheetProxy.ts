/** Worksheet proxies: the worksheet, its collection, protection, freeze panes, page layout and events. */
import { MAX_COLUMNS, MAX_ROWS, parseAddress, type Rect } from "./rangeAddress";
import { ClientCollection, ClientObject, type Readers, type RequestContext } from "./clientObject";
import { HostError, invalidArgument } from "./hostError";
import type { HostEventHandler, HostEventKind } from "./hostEvents";
import type { OfficeMembers, OfficeShape } from "./officeShapes";
import { HostRange, rangeLinks } from "./rangeProxy";
import { HostTableCollection } from "./tableProxy";
import type { SheetModel, SheetVisibility } from "./hostWorkbook";

/** What `onChanged.add(handler)` returns: remove() unregisters at the next sync. */
export class HostEventRegistration<A> implements OfficeMembers<
  OfficeExtension.EventHandlerResult<A>,
  "context" | "remove"
> {
  constructor(
    readonly context: RequestContext,
    private readonly unregister: () => void,
  ) {}

  remove(): void {
    this.context.enqueue(this.unregister);
  }
}

/**
 * `onChanged` and friends: add(handler) registers at the next sync. Office's `remove(handler)` is left out (the
 * add-in removes a handler by the remove() of what add() returned, as Office recommends).
 */
export class HostEventSource<A> implements OfficeMembers<OfficeExtension.EventHandlers<A>, "add"> {
  constructor(
    private readonly context: RequestContext,
    private readonly kind: HostEventKind,
    private readonly sheetId: () => string | undefined,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for a handler
  add(handler: (args: A) => Promise<any>): HostEventRegistration<A> {
    let unregister: (() => void) | undefined;
    this.context.enqueue(() => {
      unregister = this.context.model.events.add(this.kind, this.sheetId(), handler as unknown as HostEventHandler);
    });
    return new HostEventRegistration(this.context, () => unregister?.());
  }
}

export class HostWorksheetProtection
  extends ClientObject<SheetModel>
  implements OfficeShape<Excel.WorksheetProtection, "protected" | "isPasswordProtected" | "protect" | "unprotect">
{
  constructor(context: RequestContext, sheet: HostWorksheet) {
    super(context, () => sheet.target());
  }
  protected readonly readers: Readers<SheetModel> = {
    protected: (s) => s.protection.protected,
    isPasswordProtected: (s) => s.protection.password !== undefined,
  };
  get protected(): boolean {
    return this.get("protected");
  }
  get isPasswordProtected(): boolean {
    return this.get("isPasswordProtected");
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queue(() => {
      this.context.model.protect(this.target(), options as Record<string, boolean> | undefined, password);
      this.loaded.set("protected", true);
    });
  }
  unprotect(password?: string): void {
    this.queue(() => {
      this.context.model.unprotect(this.target(), password);
      this.loaded.set("protected", false);
    });
  }
}

export class HostFreezePanes
  extends ClientObject<SheetModel>
  implements OfficeShape<Excel.WorksheetFreezePanes, "freezeRows">
{
  constructor(context: RequestContext, sheet: HostWorksheet) {
    super(context, () => sheet.target());
  }
  protected readonly readers: Readers<SheetModel> = {};
  /** Excel's WorksheetFreezePanes has no load() (office-js declares none, office.js defines none): it fails as there. */
  override load(): never {
    throw new TypeError("freezePanes.load is not a function");
  }
  freezeRows(count = 1): void {
    this.queue(() => {
      this.target().freezeRows = count;
      this.context.model.notify();
    });
  }
}

export class HostPageLayout
  extends ClientObject<SheetModel>
  implements OfficeShape<Excel.PageLayout, "orientation" | "setPrintTitleRows">
{
  constructor(context: RequestContext, sheet: HostWorksheet) {
    super(context, () => sheet.target());
  }
  protected readonly readers: Readers<SheetModel> = { orientation: (s) => s.pageLayout.orientation };
  get orientation(): Excel.PageOrientation | "Portrait" | "Landscape" {
    return this.get("orientation");
  }
  set orientation(v: Excel.PageOrientation | "Portrait" | "Landscape") {
    this.set("orientation", v, () => {
      if (v !== "Portrait" && v !== "Landscape") throw invalidArgument(`orientation ${v}`);
      this.target().pageLayout.orientation = v;
    });
  }
  setPrintTitleRows(rows: HostRange | string): void {
    this.queue(() => {
      const s = this.target();
      s.pageLayout.printTitleRows =
        typeof rows === "string" ? rows : rows.target().rect.r0 + 1 + ":" + (rows.target().rect.r1 + 1);
    });
  }
}

/** Members of Excel.Worksheet the host implements. */
type WorksheetMembers =
  | "id"
  | "name"
  | "visibility"
  | "protection"
  | "freezePanes"
  | "pageLayout"
  | "tables"
  | "onChanged"
  | "getRange"
  | "getRangeByIndexes"
  | "getCell"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "activate"
  | "delete";

export class HostWorksheet extends ClientObject<SheetModel> implements OfficeShape<Excel.Worksheet, WorksheetMembers> {
  protected override assertExists(s: SheetModel): void {
    if (!this.context.model.sheets.includes(s))
      throw new HostError("ItemNotFound", `The worksheet '${s.name}' was deleted.`);
  }

  protected readonly readers: Readers<SheetModel> = {
    id: (s) => s.id,
    name: (s) => s.name,
    visibility: (s) => s.visibility,
  };

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set("name", name, () => this.context.model.renameSheet(this.target(), name));
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.get("visibility");
  }
  set visibility(visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.set("visibility", visibility, () =>
      this.context.model.setVisibility(this.target(), visibility as SheetVisibility),
    );
  }

  get protection(): HostWorksheetProtection {
    return this.child("protection", () => new HostWorksheetProtection(this.context, this));
  }
  get freezePanes(): HostFreezePanes {
    return this.child("freezePanes", () => new HostFreezePanes(this.context, this));
  }
  get pageLayout(): HostPageLayout {
    return this.child("pageLayout", () => new HostPageLayout(this.context, this));
  }
  get tables(): HostTableCollection {
    return this.child("tables", () => new HostTableCollection(this.context, () => this.target().id));
  }

  get onChanged(): HostEventSource<Excel.WorksheetChangedEventArgs> {
    return new HostEventSource(this.context, "worksheetChanged", () => this.target().id);
  }

  getRange(address?: string): HostRange {
    return new HostRange(this.context, () => {
      const sheet = this.target();
      if (address === undefined || address === "")
        return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } };
      const parsed = parseAddress(address);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw invalidArgument(`address ${address} is on another sheet than '${sheet.name}'`);
      }
      return { sheet, rect: parsed.rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange {
    return new HostRange(this.context, () => {
      const rect: Rect = {
        r0: startRow,
        c0: startColumn,
        r1: startRow + rowCount - 1,
        c1: startColumn + columnCount - 1,
      };
      if (
        rowCount < 1 ||
        columnCount < 1 ||
        startRow < 0 ||
        startColumn < 0 ||
        rect.r1 >= MAX_ROWS ||
        rect.c1 >= MAX_COLUMNS
      ) {
        throw invalidArgument(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
      }
      return { sheet: this.target(), rect };
    });
  }

  getCell(row: number, column: number): HostRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): HostRange {
    return this.usedRange(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange {
    return this.usedRange(valuesOnly, true);
  }

  /** The used range; on an empty sheet A1 (or the null object). */
  private usedRange(valuesOnly: boolean | undefined, orNull: boolean): HostRange {
    return new HostRange(
      this.context,
      () => {
        const sheet = this.target();
        const used = this.context.model.usedRect(sheet, valuesOnly === true);
        if (used) return { sheet, rect: used };
        return orNull ? undefined : { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
      orNull,
    );
  }

  activate(): void {
    this.queue(() => this.context.model.activate(this.target()));
  }

  delete(): void {
    this.queue(() => this.context.model.deleteSheet(this.target()));
  }
}

/** Members of Excel.WorksheetCollection the host implements. */
type WorksheetCollectionMembers =
  | "items"
  | "add"
  | "getItem"
  | "getItemOrNullObject"
  | "getActiveWorksheet"
  | "getFirst"
  | "onChanged"
  | "onDeleted"
  | "onNameChanged";

export class HostWorksheetCollection
  extends ClientCollection<HostWorksheet>
  implements OfficeShape<Excel.WorksheetCollection, WorksheetCollectionMembers>
{
  protected currentItems(): HostWorksheet[] {
    return this.context.model.sheets.map((s) => new HostWorksheet(this.context, () => s));
  }

  get onChanged(): HostEventSource<Excel.WorksheetChangedEventArgs> {
    return new HostEventSource(this.context, "worksheetChanged", () => undefined);
  }
  get onDeleted(): HostEventSource<Excel.WorksheetDeletedEventArgs> {
    return new HostEventSource(this.context, "worksheetDeleted", () => undefined);
  }
  get onNameChanged(): HostEventSource<Excel.WorksheetNameChangedEventArgs> {
    return new HostEventSource(this.context, "worksheetNameChanged", () => undefined);
  }

  add(name?: string): HostWorksheet {
    return new HostWorksheet(this.context, () => this.context.model.addSheet(name));
  }

  private find(key: string) {
    const m = this.context.model;
    return m.sheets.find((s) => s.id === key) ?? m.findSheetByName(key);
  }

  getItem(key: string): HostWorksheet {
    return new HostWorksheet(this.context, () => this.find(key));
  }

  getItemOrNullObject(key: string): HostWorksheet {
    return new HostWorksheet(this.context, () => this.find(key), true);
  }

  getActiveWorksheet(): HostWorksheet {
    return new HostWorksheet(this.context, () => this.context.model.activeSheet());
  }

  getFirst(visibleOnly?: boolean): HostWorksheet {
    return new HostWorksheet(this.context, () =>
      this.context.model.sheets.find((s) => !visibleOnly || s.visibility === "Visible"),
    );
  }
}

rangeLinks.worksheetFor = (context, sheetId) => new HostWorksheet(context, () => context.model.sheetById(sheetId()));
