/** Table proxies (ListObjects): a range overlay on a sheet, with header row, body, rows and columns. */
import { parseAddress, rectColumns, rectRows, type Rect } from "./rangeAddress";
import { ClientCollection, ClientObject, CountedCollection, type Readers, type RequestContext } from "./clientObject";
import { HostError, invalidArgument } from "./hostError";
import type { OfficeShape } from "./officeShapes";
import { HostRange, linkedWorksheet } from "./rangeProxy";
import type { TableModel } from "./hostWorkbook";
import type { HostWorksheet } from "./worksheetProxy";

function sheetOf(context: RequestContext, table: TableModel) {
  return context.model.sheetById(table.sheetId);
}

/** Members of Excel.Table the host implements. */
type TableMembers =
  | "name"
  | "style"
  | "showBandedRows"
  | "rows"
  | "columns"
  | "worksheet"
  | "getRange"
  | "getHeaderRowRange"
  | "getDataBodyRange"
  | "resize"
  | "convertToRange";

export class HostTable extends ClientObject<TableModel> implements OfficeShape<Excel.Table, TableMembers> {
  protected override assertExists(t: TableModel): void {
    if (!this.context.model.tables.includes(t))
      throw new HostError("ItemNotFound", `The table '${t.name}' was deleted.`);
  }

  protected readonly readers: Readers<TableModel> = {
    name: (t) => t.name,
    style: (t) => t.style,
    showBandedRows: (t) => t.showBandedRows,
  };

  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.set("name", name, () => this.context.model.renameTable(this.target(), name));
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

  get rows(): HostTableRowCollection {
    return this.child("rows", () => new HostTableRowCollection(this.context, this));
  }
  get columns(): HostTableColumnCollection {
    return this.child("columns", () => new HostTableColumnCollection(this.context, this));
  }
  get worksheet(): HostWorksheet {
    return this.child("worksheet", () => linkedWorksheet<HostWorksheet>(this.context, () => this.target().sheetId));
  }

  private rangeOf(pick: (t: TableModel) => Rect): HostRange {
    return new HostRange(this.context, () => {
      const t = this.target();
      return { sheet: sheetOf(this.context, t), rect: pick(t) };
    });
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
  resize(newRange: HostRange | string): void {
    this.queue(() => {
      const t = this.target();
      const rect = typeof newRange === "string" ? parseAddress(newRange).rect : newRange.target().rect;
      this.context.model.resizeTable(t, rect);
    });
  }
  convertToRange(): HostRange {
    const range = this.getRange();
    this.queue(() => this.context.model.deleteTable(this.target()));
    return range;
  }
}

export class HostTableCollection
  extends ClientCollection<HostTable>
  implements OfficeShape<Excel.TableCollection, "items" | "add" | "getItem">
{
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

  getItem(key: string): HostTable {
    return new HostTable(this.context, () => {
      const t = this.context.model.tableByName(key);
      return t && this.scope().includes(t) ? t : undefined;
    });
  }
}

interface RowTarget {
  table: TableModel;
  index: number;
}

/** A row that rows.add() returns: the add-in reads nothing from it, so it has only what every proxy has. */
export class HostTableRow extends ClientObject<RowTarget> implements OfficeShape<Excel.TableRow, never> {
  protected readonly readers: Readers<RowTarget> = {};
}

export class HostTableRowCollection
  extends CountedCollection<HostTableRow>
  implements OfficeShape<Excel.TableRowCollection, "items" | "count" | "add">
{
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
  add(
    index?: number | null,
    values?: (boolean | string | number)[][] | boolean | string | number,
    _alwaysInsert?: boolean,
  ): HostTableRow {
    const grid = values === undefined ? undefined : Array.isArray(values) ? values : [[values]];
    return new HostTableRow(this.context, () => {
      const t = this.table.target();
      const count = grid?.length ?? 1;
      const added = this.context.model.addTableRows(t, index ?? undefined, grid, count);
      return { table: t, index: added.r0 - this.context.model.bodyRect(t).r0 };
    });
  }
}

interface ColumnTarget {
  table: TableModel;
  index: number;
}

export class HostTableColumn
  extends ClientObject<ColumnTarget>
  implements OfficeShape<Excel.TableColumn, "name" | "getDataBodyRange">
{
  protected readonly readers: Readers<ColumnTarget> = {
    name: ({ table }) => {
      const r = this.columnRect();
      return String(this.context.model.values(sheetOf(this.context, table), { ...r, r1: r.r0 })[0][0]);
    },
  };
  private columnRect(): Rect {
    const { table, index } = this.target();
    return { ...table.rect, c0: table.rect.c0 + index, c1: table.rect.c0 + index };
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
  getDataBodyRange(): HostRange {
    return new HostRange(this.context, () => {
      const { table } = this.target();
      const body = this.context.model.bodyRect(table);
      return { sheet: sheetOf(this.context, table), rect: { ...this.columnRect(), r0: body.r0, r1: body.r1 } };
    });
  }
}

export class HostTableColumnCollection
  extends ClientCollection<HostTableColumn>
  implements OfficeShape<Excel.TableColumnCollection, "items" | "add" | "getItem">
{
  constructor(
    context: RequestContext,
    private readonly table: HostTable,
  ) {
    super(context);
  }
  protected currentItems(): HostTableColumn[] {
    const t = this.table.target();
    return Array.from(
      { length: rectColumns(t.rect) },
      (_, index) => new HostTableColumn(this.context, () => ({ table: t, index })),
    );
  }
  getItem(key: string | number): HostTableColumn {
    return new HostTableColumn(this.context, () => {
      const t = this.table.target();
      const names = this.context.model.tableColumnNames(t);
      const byName = typeof key === "string" ? names.findIndex((n) => n.toLowerCase() === key.toLowerCase()) : -1;
      const index = byName >= 0 ? byName : Number(key) - 1;
      return index >= 0 && index < names.length ? { table: t, index } : undefined;
    });
  }
  /**
   * Appends a column (index omitted, null or -1, or the column count) over the empty cells right of the table; its
   * header is `name` or Excel's "ColumnN"; `values` (header and body, one per row) fill it. Inserting between columns,
   * or over cells that hold data, shifts cells in Excel: not modelled, refused (NotImplemented).
   */
  add(
    index?: number | null,
    values?: (boolean | string | number)[][] | boolean | string | number,
    name?: string,
  ): HostTableColumn {
    let added: ColumnTarget | undefined;
    this.queue(() => {
      const t = this.table.target();
      const count = rectColumns(t.rect);
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
