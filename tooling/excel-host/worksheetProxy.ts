/** Worksheet proxies: the worksheet, its collection, protection, freeze panes, page layout and events. */
import { MAX_COLUMNS, MAX_ROWS, parseAddress, type Rect } from "./rangeAddress";
import { ClientCollection, ClientObject, type ClientResult, type RequestContext } from "./clientObject";
import { HostError, invalidArgument } from "./hostError";
import type { HostEventHandler, HostEventKind } from "./hostEvents";
import { HostRange, rangeLinks } from "./rangeProxy";
import { HostTableCollection } from "./tableProxy";
import type { SheetModel, SheetVisibility } from "./hostWorkbook";

/** `onChanged` and friends: add(handler) registers at the next sync; the result's remove() unregisters. */
export class HostEventSource {
  constructor(
    private readonly context: RequestContext,
    private readonly kind: HostEventKind,
    private readonly sheetId: () => string | undefined,
  ) {}

  add(handler: (args: never) => Promise<unknown> | unknown): { context: RequestContext; remove: () => void } {
    let unregister: (() => void) | undefined;
    this.context.enqueue(() => {
      unregister = this.context.model.events.add(this.kind, this.sheetId(), handler as HostEventHandler);
    });
    return {
      context: this.context,
      remove: () => {
        this.context.enqueue(() => unregister?.());
      },
    };
  }

  remove(_handler: unknown): void {
    throw new HostError("NotImplemented", "Use the remove() of the result of add(), as Office recommends.");
  }
}

export class HostWorksheetProtection extends ClientObject<SheetModel> {
  constructor(context: RequestContext, sheet: HostWorksheet) {
    super(context, () => sheet.target());
  }
  protected scalarProperties(): readonly string[] {
    return ["protected", "options", "isPasswordProtected", "allowEditRanges"];
  }
  protected readProperty(name: string): unknown {
    const s = this.target();
    if (name === "protected") return s.protection.protected;
    if (name === "isPasswordProtected") return s.protection.password !== undefined;
    if (name === "options") return { ...s.protection.options };
    return [];
  }
  get protected(): boolean {
    return this.get("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.get("options");
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

export class HostFreezePanes extends ClientObject<SheetModel> {
  constructor(context: RequestContext, sheet: HostWorksheet) {
    super(context, () => sheet.target());
  }
  protected scalarProperties(): readonly string[] {
    return [];
  }
  protected readProperty(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.freeze(() => [count, 0]);
  }
  freezeColumns(count = 1): void {
    this.freeze(() => [0, count]);
  }
  freezeAt(frozenRange: HostRange | string): void {
    this.freeze(() => {
      const r = typeof frozenRange === "string" ? parseAddress(frozenRange).rect : frozenRange.target().rect;
      return [r.r1 + 1, r.c1 + 1];
    });
  }
  unfreeze(): void {
    this.freeze(() => [0, 0]);
  }
  /** Queues setting the frozen rows and columns (computed at sync, when ranges are resolved). */
  private freeze(panes: () => [rows: number, columns: number]): void {
    this.queue(() => {
      const s = this.target();
      [s.freezeRows, s.freezeColumns] = panes();
      this.context.model.notify();
    });
  }
  getLocationOrNullObject(): HostRange {
    return new HostRange(
      this.context,
      () => {
        const s = this.target();
        if (s.freezeRows === 0 && s.freezeColumns === 0) return undefined;
        const rect: Rect =
          s.freezeColumns === 0
            ? { r0: 0, r1: s.freezeRows - 1, c0: 0, c1: MAX_COLUMNS - 1 }
            : s.freezeRows === 0
              ? { r0: 0, r1: MAX_ROWS - 1, c0: 0, c1: s.freezeColumns - 1 }
              : { r0: 0, c0: 0, r1: s.freezeRows - 1, c1: s.freezeColumns - 1 };
        return { sheet: s, rect };
      },
      true,
    );
  }
}

export class HostPageLayout extends ClientObject<SheetModel> {
  constructor(context: RequestContext, sheet: HostWorksheet) {
    super(context, () => sheet.target());
  }
  protected scalarProperties(): readonly string[] {
    return ["orientation"];
  }
  protected readProperty(): unknown {
    return this.target().pageLayout.orientation;
  }
  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(v: Excel.PageOrientation | string) {
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
  setPrintTitleColumns(columns: HostRange | string): void {
    this.queue(() => {
      const s = this.target();
      s.pageLayout.printTitleColumns = typeof columns === "string" ? columns : "set";
    });
  }
  getPrintTitleRowsOrNullObject(): HostRange {
    return new HostRange(
      this.context,
      () => {
        const s = this.target();
        if (!s.pageLayout.printTitleRows) return undefined;
        return { sheet: s, rect: parseAddress(s.pageLayout.printTitleRows.replace(/^.*!/, "")).rect };
      },
      true,
    );
  }
  setPrintArea(_area: HostRange | string): void {
    this.queue(() => this.target());
  }
}

export class HostWorksheet extends ClientObject<SheetModel> {
  private protectionProxy?: HostWorksheetProtection;
  private freezeProxy?: HostFreezePanes;
  private pageLayoutProxy?: HostPageLayout;
  private tablesProxy?: HostTableCollection;

  protected override describe(): string {
    return "Worksheet";
  }

  protected scalarProperties(): readonly string[] {
    return [
      "id",
      "name",
      "position",
      "visibility",
      "tabColor",
      "showGridlines",
      "showHeadings",
      "standardWidth",
      "standardHeight",
    ];
  }

  protected readProperty(name: string): unknown {
    const s = this.target();
    const m = this.context.model;
    if (!m.sheets.includes(s)) throw new HostError("ItemNotFound", `The worksheet '${s.name}' was deleted.`);
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return m.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "showGridlines":
      case "showHeadings":
        return true;
      case "standardWidth":
        return 8.43;
      case "standardHeight":
        return 15;
      default:
        throw invalidArgument(`property ${name}`);
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "protection") return this.protection;
    if (name === "tables") return this.tables;
    return undefined;
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set("name", name, () => this.context.model.renameSheet(this.target(), name));
  }
  get position(): number {
    return this.get("position");
  }
  set position(position: number) {
    this.set("position", position, () => this.context.model.moveSheet(this.target(), position));
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.get("visibility");
  }
  set visibility(visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.set("visibility", visibility, () =>
      this.context.model.setVisibility(this.target(), visibility as SheetVisibility),
    );
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(color: string) {
    this.set("tabColor", color, () => {
      this.target().tabColor = color;
      this.context.model.notify();
    });
  }
  get showGridlines(): boolean {
    return this.get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this.set("showGridlines", v, () => this.target());
  }
  get standardWidth(): number {
    return this.get("standardWidth");
  }

  get protection(): HostWorksheetProtection {
    this.protectionProxy ??= new HostWorksheetProtection(this.context, this);
    return this.protectionProxy;
  }
  get freezePanes(): HostFreezePanes {
    this.freezeProxy ??= new HostFreezePanes(this.context, this);
    return this.freezeProxy;
  }
  get pageLayout(): HostPageLayout {
    this.pageLayoutProxy ??= new HostPageLayout(this.context, this);
    return this.pageLayoutProxy;
  }
  get tables(): HostTableCollection {
    this.tablesProxy ??= new HostTableCollection(this.context, () => this.target().id);
    return this.tablesProxy;
  }

  get onChanged(): HostEventSource {
    return new HostEventSource(this.context, "worksheetChanged", () => this.target().id);
  }
  get onActivated(): HostEventSource {
    return new HostEventSource(this.context, "worksheetActivated", () => this.target().id);
  }
  get onDeactivated(): HostEventSource {
    return new HostEventSource(this.context, "worksheetDeactivated", () => this.target().id);
  }
  get onSelectionChanged(): HostEventSource {
    return new HostEventSource(this.context, "selectionChanged", () => this.target().id);
  }
  get onNameChanged(): HostEventSource {
    return new HostEventSource(this.context, "worksheetNameChanged", () => this.target().id);
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

  calculate(_markAllDirty: boolean): void {
    this.queue(() => this.context.model.engine.recalculate());
  }

  getNext(visibleOnly?: boolean): HostWorksheet {
    return this.sibling(1, visibleOnly, false);
  }
  getNextOrNullObject(visibleOnly?: boolean): HostWorksheet {
    return this.sibling(1, visibleOnly, true);
  }
  getPrevious(visibleOnly?: boolean): HostWorksheet {
    return this.sibling(-1, visibleOnly, false);
  }
  getPreviousOrNullObject(visibleOnly?: boolean): HostWorksheet {
    return this.sibling(-1, visibleOnly, true);
  }
  private sibling(step: number, visibleOnly: boolean | undefined, orNull: boolean): HostWorksheet {
    return new HostWorksheet(
      this.context,
      () => {
        const sheets = this.context.model.sheets.filter(
          (s) => !visibleOnly || s.visibility === "Visible" || s === this.target(),
        );
        return sheets[sheets.indexOf(this.target()) + step];
      },
      orNull,
    );
  }
}

export class HostWorksheetCollection extends ClientCollection<HostWorksheet> {
  protected currentItems(): HostWorksheet[] {
    return this.context.model.sheets.map((s) => new HostWorksheet(this.context, () => s));
  }

  get onChanged(): HostEventSource {
    return new HostEventSource(this.context, "worksheetChanged", () => undefined);
  }
  get onActivated(): HostEventSource {
    return new HostEventSource(this.context, "worksheetActivated", () => undefined);
  }
  get onAdded(): HostEventSource {
    return new HostEventSource(this.context, "worksheetAdded", () => undefined);
  }
  get onDeleted(): HostEventSource {
    return new HostEventSource(this.context, "worksheetDeleted", () => undefined);
  }
  get onSelectionChanged(): HostEventSource {
    return new HostEventSource(this.context, "selectionChanged", () => undefined);
  }
  get onNameChanged(): HostEventSource {
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

  getLast(visibleOnly?: boolean): HostWorksheet {
    return new HostWorksheet(this.context, () =>
      [...this.context.model.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible"),
    );
  }

  getCount(visibleOnly?: boolean): ClientResult<number> {
    return this.result(
      () => this.context.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length,
    );
  }
}

rangeLinks.worksheetFor = (context, sheetId) => new HostWorksheet(context, () => context.model.sheetById(sheetId()));
