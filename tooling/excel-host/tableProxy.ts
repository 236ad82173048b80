/** Table proxies (ListObjects): a range overlay on a sheet, with header row, body, rows and columns. */
import { parseAddress, rectColumns, rectRows, type Rect } from "./rangeAddress";
import { ClientObject, CountedCollection, type RequestContext } from "./clientObject";
import { HostError, invalidArgument } from "./hostError";
import { HostRange, linkedWorksheet } from "./rangeProxy";
import type { TableModel } from "./hostWorkbook";

function sheetOf(context: RequestContext, table: TableModel) {
  return context.model.sheetById(table.sheetId);
}

export class HostTable extends ClientObject<TableModel> {
  private rowsProxy?: HostTableRowCollection;
  private columnsProxy?: HostTableColumnCollection;

  protected override describe(): string {
    return "Table";
  }

  protected scalarProperties(): readonly string[] {
    return [
      "id",
      "name",
      "showHeaders",
      "showTotals",
      "style",
      "showBandedRows",
      "showBandedColumns",
      "showFilterButton",
      "legacyId",
    ];
  }

  protected readProperty(name: string): unknown {
    const t = this.target();
    if (!this.context.model.tables.includes(t))
      throw new HostError("ItemNotFound", `The table '${t.name}' was deleted.`);
    switch (name) {
      case "id":
      case "legacyId":
        return t.id;
      case "name":
        return t.name;
      case "showHeaders":
        return t.showHeaders;
      case "showTotals":
        return t.showTotals;
      case "style":
        return t.style;
      case "showBandedRows":
        return t.showBandedRows;
      case "showBandedColumns":
        return t.showBandedColumns;
      case "showFilterButton":
        return t.showFilterButton;
      default:
        throw invalidArgument(`property ${name}`);
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "rows") return this.rows;
    if (name === "columns") return this.columns;
    if (name === "worksheet") return this.worksheet as unknown as ClientObject<unknown>;
    return undefined;
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set("name", name, () => this.context.model.renameTable(this.target(), name));
  }
  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  set showHeaders(v: boolean) {
    this.set("showHeaders", v, () => {
      this.target().showHeaders = v;
    });
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  set showTotals(v: boolean) {
    this.set("showTotals", v, () => {
      const t = this.target();
      if (v !== t.showTotals) t.rect = { ...t.rect, r1: t.rect.r1 + (v ? 1 : -1) };
      t.showTotals = v;
    });
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.set("style", v, () => {
      this.target().style = v;
      this.context.model.notify();
    });
  }
  get showBandedRows(): boolean {
    return this.get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this.set("showBandedRows", v, () => {
      this.target().showBandedRows = v;
      this.context.model.notify();
    });
  }
  get showBandedColumns(): boolean {
    return this.get("showBandedColumns");
  }
  set showBandedColumns(v: boolean) {
    this.set("showBandedColumns", v, () => {
      this.target().showBandedColumns = v;
    });
  }
  get showFilterButton(): boolean {
    return this.get("showFilterButton");
  }
  set showFilterButton(v: boolean) {
    this.set("showFilterButton", v, () => {
      this.target().showFilterButton = v;
    });
  }

  get rows(): HostTableRowCollection {
    this.rowsProxy ??= new HostTableRowCollection(this.context, this);
    return this.rowsProxy;
  }
  get columns(): HostTableColumnCollection {
    this.columnsProxy ??= new HostTableColumnCollection(this.context, this);
    return this.columnsProxy;
  }
  private worksheetProxy?: Excel.Worksheet;
  /** The same proxy on every access (as office.js caches navigation properties), so loads through it are readable. */
  get worksheet(): Excel.Worksheet {
    this.worksheetProxy ??= linkedWorksheet(this.context, () => this.target().sheetId);
    return this.worksheetProxy;
  }

  private rangeOf(pick: (t: TableModel) => Rect | undefined, orNull = false): HostRange {
    return new HostRange(
      this.context,
      () => {
        const t = this.target();
        const rect = pick(t);
        return rect ? { sheet: sheetOf(this.context, t), rect } : undefined;
      },
      orNull,
    );
  }

  getRange(): HostRange {
    return this.rangeOf((t) => t.rect);
  }
  getHeaderRowRange(): HostRange {
    return this.rangeOf((t) => ({ ...t.rect, r1: t.rect.r0 }));
  }
  getDataBodyRange(): HostRange {
    return this.rangeOf((t) => this.context.model.bodyRect(t));
  }
  getTotalRowRange(): HostRange {
    return this.rangeOf((t) => {
      if (!t.showTotals) throw new HostError("InvalidOperation", "The table has no total row.");
      return { ...t.rect, r0: t.rect.r1 };
    });
  }
  resize(newRange: HostRange | string): void {
    this.queue(() => {
      const t = this.target();
      const rect = typeof newRange === "string" ? parseAddress(newRange).rect : newRange.target().rect;
      this.context.model.resizeTable(t, rect);
    });
  }
  delete(): void {
    this.queue(() => this.context.model.deleteTable(this.target()));
  }
  convertToRange(): HostRange {
    const range = this.getRange();
    this.queue(() => this.context.model.deleteTable(this.target()));
    return range;
  }
  clearFilters(): void {
    this.queue(() => this.target());
  }
}

export class HostTableCollection extends CountedCollection<HostTable> {
  /** sheetId: undefined for workbook.tables. */
  constructor(
    context: RequestContext,
    private readonly sheetId?: () => string,
  ) {
    super(context);
  }

  private scope(): TableModel[] {
    const id = this.sheetId?.();
    return this.context.model.tables.filter((t) => id === undefined || t.sheetId === id);
  }

  protected currentItems(): HostTable[] {
    return this.scope().map((t) => new HostTable(this.context, () => t));
  }

  protected itemCount(): number {
    return this.scope().length;
  }

  add(address: HostRange | string, hasHeaders: boolean): HostTable {
    return new HostTable(this.context, () => {
      const m = this.context.model;
      if (typeof address !== "string") {
        const { sheet, rect } = address.target();
        return m.addTable(sheet, rect, hasHeaders);
      }
      const parsed = parseAddress(address);
      const sheet =
        parsed.sheet !== undefined
          ? m.sheetByName(parsed.sheet)
          : this.sheetId
            ? m.sheetById(this.sheetId())
            : undefined;
      if (!sheet) throw invalidArgument(`table address ${address} needs a sheet name`);
      return m.addTable(sheet, parsed.rect, hasHeaders);
    });
  }

  private find(key: string): TableModel | undefined {
    const t = this.context.model.tableByName(key);
    return t && this.scope().includes(t) ? t : undefined;
  }

  getItem(key: string): HostTable {
    return new HostTable(this.context, () => this.find(key));
  }
  getItemOrNullObject(key: string): HostTable {
    return new HostTable(this.context, () => this.find(key), true);
  }
  getItemAt(index: number): HostTable {
    return new HostTable(this.context, () => this.scope()[index]);
  }
}

interface RowTarget {
  table: TableModel;
  index: number;
}

export class HostTableRow extends ClientObject<RowTarget> {
  protected scalarProperties(): readonly string[] {
    return ["index", "values"];
  }
  private rect(): Rect {
    const { table, index } = this.target();
    const body = this.context.model.bodyRect(table);
    return { ...body, r0: body.r0 + index, r1: body.r0 + index };
  }
  protected readProperty(name: string): unknown {
    const { table, index } = this.target();
    if (name === "index") return index;
    return this.context.model.values(sheetOf(this.context, table), this.rect());
  }
  get index(): number {
    return this.get("index");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  get values(): any[][] {
    return this.get("values");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  set values(v: any[][]) {
    this.set("values", v, () => {
      const { table } = this.target();
      this.context.model.writeCells(sheetOf(this.context, table), this.rect(), v, "values", "ThisLocalAddin");
    });
  }
  getRange(): HostRange {
    return new HostRange(this.context, () => ({
      sheet: sheetOf(this.context, this.target().table),
      rect: this.rect(),
    }));
  }
  delete(): void {
    this.queue(() => {
      const { table } = this.target();
      const r = this.rect();
      if (rectRows(this.context.model.bodyRect(table)) === 1) {
        this.context.model.clear(sheetOf(this.context, table), r, "Contents", "ThisLocalAddin");
      } else {
        this.context.model.shiftRows(sheetOf(this.context, table), r.r0, -1, "ThisLocalAddin");
      }
    });
  }
}

export class HostTableRowCollection extends CountedCollection<HostTableRow> {
  constructor(
    context: RequestContext,
    private readonly table: HostTable,
  ) {
    super(context);
  }
  protected currentItems(): HostTableRow[] {
    const t = this.table.target();
    return Array.from(
      { length: this.itemCount() },
      (_, index) => new HostTableRow(this.context, () => ({ table: t, index })),
    );
  }
  protected itemCount(): number {
    return rectRows(this.context.model.bodyRect(this.table.target()));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  add(index?: number | null, values?: any[][] | boolean | string | number, _alwaysInsert?: boolean): HostTableRow {
    const grid = values === undefined ? undefined : Array.isArray(values) ? values : [[values]];
    return new HostTableRow(this.context, () => {
      const t = this.table.target();
      const count = grid?.length ?? 1;
      const added = this.context.model.addTableRows(t, index ?? undefined, grid, count);
      return { table: t, index: added.r0 - this.context.model.bodyRect(t).r0 };
    });
  }
  getItemAt(index: number): HostTableRow {
    return new HostTableRow(this.context, () => {
      if (index < 0 || index >= this.itemCount()) return undefined;
      return { table: this.table.target(), index };
    });
  }
}

interface ColumnTarget {
  table: TableModel;
  index: number;
}

export class HostTableColumn extends ClientObject<ColumnTarget> {
  protected scalarProperties(): readonly string[] {
    return ["id", "index", "name", "values"];
  }
  private columnRect(): Rect {
    const { table, index } = this.target();
    return { ...table.rect, c0: table.rect.c0 + index, c1: table.rect.c0 + index };
  }
  protected readProperty(name: string): unknown {
    const { table, index } = this.target();
    if (name === "id") return String(index + 1);
    if (name === "index") return index;
    if (name === "name") {
      const r = this.columnRect();
      return String(this.context.model.values(sheetOf(this.context, table), { ...r, r1: r.r0 })[0][0]);
    }
    return this.context.model.values(sheetOf(this.context, table), this.columnRect());
  }
  get id(): string {
    return this.get("id");
  }
  get index(): number {
    return this.get("index");
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set("name", name, () => {
      const { table } = this.target();
      const r = this.columnRect();
      this.context.model.writeCells(
        sheetOf(this.context, table),
        { ...r, r1: r.r0 },
        [[`'${name}`]],
        "values",
        "ThisLocalAddin",
      );
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the type office-js declares for this property
  get values(): any[][] {
    return this.get("values");
  }
  private part(pick: (r: Rect, t: TableModel) => Rect): HostRange {
    return new HostRange(this.context, () => {
      const { table } = this.target();
      return { sheet: sheetOf(this.context, table), rect: pick(this.columnRect(), table) };
    });
  }
  getRange(): HostRange {
    return this.part((r) => r);
  }
  getHeaderRowRange(): HostRange {
    return this.part((r) => ({ ...r, r1: r.r0 }));
  }
  getDataBodyRange(): HostRange {
    return this.part((r, t) => {
      const body = this.context.model.bodyRect(t);
      return { ...r, r0: body.r0, r1: body.r1 };
    });
  }
}

export class HostTableColumnCollection extends CountedCollection<HostTableColumn> {
  constructor(
    context: RequestContext,
    private readonly table: HostTable,
  ) {
    super(context);
  }
  protected currentItems(): HostTableColumn[] {
    const t = this.table.target();
    return Array.from(
      { length: this.itemCount() },
      (_, index) => new HostTableColumn(this.context, () => ({ table: t, index })),
    );
  }
  protected itemCount(): number {
    return rectColumns(this.table.target().rect);
  }
  private find(key: string | number): ColumnTarget | undefined {
    const t = this.table.target();
    const names = this.context.model.tableColumnNames(t);
    const byName = typeof key === "string" ? names.findIndex((n) => n.toLowerCase() === key.toLowerCase()) : -1;
    const index = byName >= 0 ? byName : Number(key) - 1;
    return index >= 0 && index < names.length ? { table: t, index } : undefined;
  }
  getItem(key: string | number): HostTableColumn {
    return new HostTableColumn(this.context, () => this.find(key));
  }
  getItemOrNullObject(key: string | number): HostTableColumn {
    return new HostTableColumn(this.context, () => this.find(key), true);
  }
  getItemAt(index: number): HostTableColumn {
    return new HostTableColumn(this.context, () => {
      return index >= 0 && index < this.itemCount() ? { table: this.table.target(), index } : undefined;
    });
  }
  /**
   * Appends a column (index omitted, null or -1, or the column count) over the empty cells right of the table; its
   * header is `name` or Excel's "ColumnN"; `values` (header and body, one per row) fill it. Inserting between columns,
   * or over cells that hold data, shifts cells in Excel: not modelled, refused (NotImplemented).
   */
  add(index?: number | null, values?: unknown[][] | boolean | string | number, name?: string): HostTableColumn {
    let added: ColumnTarget | undefined;
    this.queue(() => {
      const t = this.table.target();
      const count = this.itemCount();
      if (index !== undefined && index !== null && index !== -1 && index !== count)
        throw new HostError("NotImplemented", "Inserting a table column between columns is not modelled by the host.");
      const sheet = this.context.model.sheetById(t.sheetId);
      const next = { ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + 1 };
      const occupied = this.context.model.values(sheet, next).some((row) => row[0] !== "" && row[0] !== null);
      if (occupied)
        throw new HostError("NotImplemented", "Adding a table column over cells that hold data is not modelled.");
      const header = name ?? `Column${count + 1}`;
      this.context.model.resizeTable(t, { ...t.rect, c1: t.rect.c1 + 1 });
      if (values !== undefined) this.context.model.writeCells(sheet, next, values, "values", "ThisLocalAddin");
      if (t.showHeaders && (name !== undefined || values === undefined))
        this.context.model.writeCells(sheet, { ...next, r1: next.r0 }, [[header]], "values", "ThisLocalAddin");
      added = { table: t, index: count };
    });
    return new HostTableColumn(this.context, () => added);
  }
}
