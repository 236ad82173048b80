/**
 * The in-memory workbook behind the host's proxies: sheets, cell formats, data validation, conditional formats,
 * tables, named items, custom properties, selection, protection and events. Cell contents live in the
 * HyperFormula mirror (FormulaEngine); everything else lives here.
 */
import type { RawCellContent } from "hyperformula";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  containsRect,
  formatRect,
  intersect,
  isInside,
  parseAddress,
  qualifiedAddress,
  rectColumns,
  rectRows,
  type Rect,
} from "./rangeAddress";
import { interpretInput, toEngineContent, type CellInput, type CellScalar } from "./cellValue";
import { FormulaEngine } from "./formulaEngine";
import { formatText } from "./formatText";
import { HostError, accessDenied, invalidArgument, itemNotFound } from "./hostError";
import { HostEvents } from "./hostEvents";

export interface CellFormat {
  fillColor: string | null;
  bold: boolean;
  italic: boolean;
  underline: string;
  fontColor: string;
  fontName: string;
  fontSize: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  indentLevel: number;
  locked: boolean;
  formulaHidden: boolean;
  numberFormat: string;
}

export const DEFAULT_FORMAT: CellFormat = {
  fillColor: null,
  bold: false,
  italic: false,
  underline: "None",
  fontColor: "#000000",
  fontName: "Calibri",
  fontSize: 11,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  indentLevel: 0,
  locked: true,
  formulaHidden: false,
  numberFormat: "General",
};

export interface FormatLayer {
  rect: Rect;
  props: Partial<CellFormat>;
}

export interface ValidationModel {
  rect: Rect;
  rule: Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  rect: Rect;
  type: string;
  rule: Record<string, unknown>;
  format: { fillColor: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null };
  stopIfTrue: boolean;
  priority: number;
}

export interface ProtectionModel {
  protected: boolean;
  options: Record<string, boolean>;
  password?: string;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetModel {
  id: string;
  engineId: number;
  name: string;
  visibility: SheetVisibility;
  tabColor: string;
  protection: ProtectionModel;
  formats: FormatLayer[];
  validations: ValidationModel[];
  conditionalFormats: ConditionalFormatModel[];
  freezeRows: number;
  pageLayout: { orientation: string; printTitleRows: string | null };
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface CustomPropertyModel {
  key: string;
  value: unknown;
}

/** Whether a user entry passes a cell's data validation; when not, the alert Excel shows. */
export type EntryCheck = { ok: true } | { ok: false; title: string; message: string };

const ENTRY_OK: EntryCheck = { ok: true };

export const STANDARD_COLUMN_WIDTH = 48; // points, as Excel reports for 8.43 characters
export const STANDARD_ROW_HEIGHT = 15;

export type ChangeTrigger = "ThisLocalAddin" | "Unknown";

interface PendingChange {
  sheetId: string;
  rect: Rect;
  changeType: "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted";
  trigger: ChangeTrigger;
  before?: CellScalar;
}

function shiftRectForRows(r: Rect, index: number, count: number): Rect {
  // insert (count > 0) or delete (count < 0) of whole rows at `index`
  if (count > 0) {
    if (r.r1 === MAX_ROWS - 1 && r.r0 === 0) return r;
    if (r.r0 >= index) return { ...r, r0: r.r0 + count, r1: Math.min(MAX_ROWS - 1, r.r1 + count) };
    if (r.r1 >= index) return { ...r, r1: Math.min(MAX_ROWS - 1, r.r1 + count) };
    return r;
  }
  const n = -count;
  const end = index + n - 1;
  if (r.r1 === MAX_ROWS - 1 && r.r0 === 0) return r;
  if (r.r1 < index) return r;
  if (r.r0 > end) return { ...r, r0: r.r0 - n, r1: r.r1 - n };
  const r0 = r.r0 < index ? r.r0 : index;
  const removedInside = Math.min(r.r1, end) - Math.max(r.r0, index) + 1;
  return { ...r, r0, r1: r.r1 - removedInside };
}

/** The value of one format property at a cell, from the layers that may cover it (oldest first). */
function layeredProperty<K extends keyof CellFormat>(
  layers: FormatLayer[],
  row: number,
  col: number,
  key: K,
): CellFormat[K] {
  let value = DEFAULT_FORMAT[key];
  for (const layer of layers) {
    if (key in layer.props && isInside(layer.rect, row, col)) value = layer.props[key] as CellFormat[K];
  }
  return value;
}

/**
 * Number-format layers for a block of per-cell formats starting at (r0, c0) (undefined: leave the cell alone).
 * A run of equal formats in a row is one layer, and a run repeated on the next row extends it downwards, so a
 * column of dates is one layer rather than one per cell.
 */
function numberFormatLayers(r0: number, c0: number, formats: (string | undefined)[][]): FormatLayer[] {
  const layers: FormatLayer[] = [];
  let above = new Map<string, FormatLayer>();
  for (let i = 0; i < formats.length; i++) {
    const row = formats[i];
    const current = new Map<string, FormatLayer>();
    for (let j = 0; j < row.length;) {
      const format = row[j];
      let end = j;
      while (end + 1 < row.length && row[end + 1] === format) end++;
      if (format !== undefined) {
        const key = `${j}:${end}:${format}`;
        let layer = above.get(key);
        if (layer) layer.rect.r1 = r0 + i;
        else {
          layer = { rect: { r0: r0 + i, c0: c0 + j, r1: r0 + i, c1: c0 + end }, props: { numberFormat: format } };
          layers.push(layer);
        }
        current.set(key, layer);
      }
      j = end + 1;
    }
    above = current;
  }
  return layers;
}

export class WorkbookModel {
  readonly engine = new FormulaEngine();
  readonly events = new HostEvents();
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names = new Map<string, NameModel>();
  readonly customProperties = new Map<string, CustomPropertyModel>();
  readonly settings = new Map<string, unknown>();
  selection: { sheetId: string; rect: Rect } | undefined;
  activeSheetId: string | undefined;
  private nextId = 1;
  private pending: PendingChange[] = [];
  private listeners = new Set<() => void>();

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  // ---------------------------------------------------------------- sheets

  sheetById(id: string): SheetModel {
    const sheet = this.sheets.find((s) => s.id === id);
    if (!sheet) throw itemNotFound(`worksheet ${id}`);
    return sheet;
  }

  findSheetByName(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  sheetByName(name: string): SheetModel {
    const sheet = this.findSheetByName(name);
    if (!sheet) throw itemNotFound(`worksheet '${name}'`);
    return sheet;
  }

  private checkSheetName(name: string, except?: SheetModel): void {
    if (
      name.length === 0 ||
      name.length > 31 ||
      /[\\/?*[\]:]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw invalidArgument(`sheet name '${name}'`);
    }
    const clash = this.findSheetByName(name);
    if (clash && clash !== except) {
      throw new HostError(
        "ItemAlreadyExists",
        `A resource with the same name or identifier already exists. (worksheet '${name}')`,
      );
    }
  }

  addSheet(name?: string): SheetModel {
    let finalName = name;
    if (finalName === undefined || finalName === "") {
      let n = this.sheets.length + 1;
      while (this.findSheetByName(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    this.checkSheetName(finalName);
    const sheet: SheetModel = {
      id: this.newId("sheet"),
      engineId: this.engine.addSheet(finalName),
      name: finalName,
      visibility: "Visible",
      tabColor: "",
      protection: { protected: false, options: {} },
      formats: [],
      validations: [],
      conditionalFormats: [],
      freezeRows: 0,
      pageLayout: { orientation: "Portrait", printTitleRows: null },
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
    };
    this.sheets.push(sheet);
    if (this.activeSheetId === undefined) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }
    this.notify();
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    this.engine.renameSheet(sheet.engineId, name);
    const old = sheet.name;
    sheet.name = name;
    for (const n of this.names.values()) {
      const formula = this.engine.nameFormula(n.name);
      if (formula !== undefined) n.formula = formula;
    }
    this.events.emit("worksheetNameChanged", sheet.id, {
      type: "WorksheetNameChanged",
      source: "Local",
      worksheetId: sheet.id,
      nameBefore: old,
      nameAfter: name,
    });
    this.notify();
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.engine.removeSheet(sheet.engineId);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.find((s) => s.visibility === "Visible");
      this.activeSheetId = next?.id;
      this.selection = next ? { sheetId: next.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } } : undefined;
    }
    this.events.emit("worksheetDeleted", undefined, {
      type: "WorksheetDeleted",
      source: "Local",
      worksheetId: sheet.id,
    });
    this.notify();
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (position < 0 || position >= this.sheets.length) throw invalidArgument(`position ${position}`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
    this.notify();
  }

  setVisibility(sheet: SheetModel, visibility: SheetVisibility): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw invalidArgument(`visibility ${visibility}`);
    if (visibility !== "Visible") {
      const others = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
      if (others.length === 0)
        throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) {
      const next = this.sheets.find((s) => s.visibility === "Visible");
      if (next) this.activate(next);
    }
    this.notify();
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible")
      throw new HostError("InvalidOperation", `Cannot activate the hidden sheet '${sheet.name}'.`);
    if (this.activeSheetId === sheet.id) return;
    this.activeSheetId = sheet.id;
    if (!this.selection || this.selection.sheetId !== sheet.id)
      this.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    this.notify();
  }

  activeSheet(): SheetModel {
    const sheet = this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
    if (!sheet) throw itemNotFound("active worksheet");
    return sheet;
  }

  select(sheet: SheetModel, rect: Rect): void {
    if (sheet.visibility !== "Visible")
      throw new HostError("InvalidOperation", `Cannot select a range on the hidden sheet '${sheet.name}'.`);
    this.activate(sheet);
    this.selection = { sheetId: sheet.id, rect };
    this.notify();
  }

  // ---------------------------------------------------------------- formats

  /** Layers that touch a rectangle, oldest first. */
  layersFor(sheet: SheetModel, r: Rect): FormatLayer[] {
    return sheet.formats.filter((l) => intersect(l.rect, r) !== undefined);
  }

  formatAt(sheet: SheetModel, row: number, col: number, layers: FormatLayer[] = sheet.formats): CellFormat {
    const out: CellFormat = { ...DEFAULT_FORMAT };
    for (const layer of layers) if (isInside(layer.rect, row, col)) Object.assign(out, layer.props);
    return out;
  }

  /** One value if the whole rectangle shares it, else null (as Excel reports mixed formats). */
  uniformFormat<K extends keyof CellFormat>(sheet: SheetModel, r: Rect, key: K): CellFormat[K] | null {
    const layers = this.layersFor(sheet, r).filter((l) => key in l.props);
    if (layers.length === 0) return DEFAULT_FORMAT[key];
    // Fast path: a single layer covering the whole rectangle after which nothing changes it
    const last = layers[layers.length - 1];
    if (containsRect(last.rect, r)) return last.props[key] as CellFormat[K];
    if (rectRows(r) * rectColumns(r) > 200_000) return null;
    let first: CellFormat[K] | undefined;
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        const v = layeredProperty(layers, row, col, key);
        if (first === undefined) first = v;
        else if (v !== first) return null;
      }
    }
    return first ?? DEFAULT_FORMAT[key];
  }

  assertCanFormat(sheet: SheetModel, r: Rect, what: string): void {
    if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) throw accessDenied(what);
  }

  setFormat(sheet: SheetModel, r: Rect, props: Partial<CellFormat>, what = "format"): void {
    if ("locked" in props || "formulaHidden" in props) {
      if (sheet.protection.protected) throw accessDenied(what);
    } else {
      this.assertCanFormat(sheet, r, what);
    }
    sheet.formats.push({ rect: r, props });
    this.notify();
  }

  setNumberFormats(sheet: SheetModel, r: Rect, formats: unknown): void {
    this.assertCanFormat(sheet, r, "numberFormat");
    const grid = this.toGrid(formats, r, "numberFormat");
    for (const layer of numberFormatLayers(
      r.r0,
      r.c0,
      grid.map((row) => row.map(String)),
    ))
      sheet.formats.push(layer);
    this.notify();
  }

  /** A 2-D array matching the rectangle, or a single value applied to every cell (as Excel accepts). */
  toGrid(input: unknown, r: Rect, what: string): unknown[][] {
    const rows = rectRows(r);
    const cols = rectColumns(r);
    if (!Array.isArray(input)) {
      if (rows * cols > 5_000_000) throw invalidArgument(`${what}: range too large`);
      return Array.from({ length: rows }, () => new Array(cols).fill(input));
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new HostError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what}: expected ${rows}x${cols})`,
      );
    }
    return input as unknown[][];
  }

  // ---------------------------------------------------------------- cells

  isLocked(sheet: SheetModel, r: Rect): boolean {
    const layers = this.layersFor(sheet, r).filter((l) => "locked" in l.props);
    if (layers.length === 0) return true;
    const last = layers[layers.length - 1];
    if (containsRect(last.rect, r)) return last.props.locked !== false;
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) if (layeredProperty(layers, row, col, "locked")) return true;
    }
    return false;
  }

  assertEditable(sheet: SheetModel, r: Rect, what: string): void {
    if (sheet.protection.protected && this.isLocked(sheet, r))
      throw accessDenied(`${sheet.name}!${formatRect(r)} ${what}`);
  }

  /** Writes values (or formulas) the way Excel interprets them, honouring the Text number format. */
  writeCells(sheet: SheetModel, r: Rect, input: unknown, mode: "values" | "formulas", trigger: ChangeTrigger): void {
    const grid = this.toGrid(input, r, mode);
    this.assertEditable(sheet, r, mode);
    const layers = this.layersFor(sheet, r).filter((l) => "numberFormat" in l.props);
    const contents: RawCellContent[][] = new Array(grid.length);
    // formats that typing implies ("50%", "2024-01-15") for cells still in the General format
    let implied: (string | undefined)[][] | undefined;
    const single = grid.length === 1 && grid[0].length === 1;
    const before = single ? this.engine.readCell(sheet.engineId, r.r0, r.c0).value : undefined;
    for (let i = 0; i < grid.length; i++) {
      const row = grid[i];
      const out: RawCellContent[] = new Array(row.length);
      for (let j = 0; j < row.length; j++) {
        const value = row[j];
        if (value !== null && value !== undefined && typeof value === "object") {
          throw invalidArgument(`${mode}: unsupported value ${JSON.stringify(value)}`);
        }
        const numberFormat = layeredProperty(layers, r.r0 + i, r.c0 + j, "numberFormat");
        const parsed: CellInput = interpretInput(value, numberFormat, mode === "formulas");
        if (parsed.kind === "number" && parsed.numberFormat && numberFormat === "General") {
          implied ??= grid.map((cells) => new Array<string | undefined>(cells.length));
          implied[i][j] = parsed.numberFormat;
        }
        out[j] = toEngineContent(parsed);
      }
      contents[i] = out;
    }
    try {
      this.engine.setContents(sheet.engineId, r.r0, r.c0, contents);
    } catch (e) {
      throw invalidArgument(`${mode}: ${(e as Error).message}`);
    }
    if (implied) for (const layer of numberFormatLayers(r.r0, r.c0, implied)) sheet.formats.push(layer);
    this.recordChange({ sheetId: sheet.id, rect: r, changeType: "RangeEdited", trigger, before });
  }

  clear(sheet: SheetModel, r: Rect, applyTo: string, trigger: ChangeTrigger): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (contents) {
      this.assertEditable(sheet, r, "clear");
      const dims = this.engine.dimensions(sheet.engineId);
      const bounded = intersect(r, { r0: 0, c0: 0, r1: Math.max(0, dims.height - 1), c1: Math.max(0, dims.width - 1) });
      if (bounded && dims.height > 0 && dims.width > 0) {
        const empty = Array.from({ length: rectRows(bounded) }, () => new Array(rectColumns(bounded)).fill(null));
        this.engine.setContents(sheet.engineId, bounded.r0, bounded.c0, empty);
      }
      if (applyTo === "All") sheet.validations = sheet.validations.filter((v) => !containsRect(r, v.rect));
      this.recordChange({ sheetId: sheet.id, rect: r, changeType: "RangeEdited", trigger });
    }
    if (formats) {
      this.assertCanFormat(sheet, r, "clear formats");
      sheet.formats = sheet.formats.filter((l) => !containsRect(r, l.rect));
      // clearing formats does not unlock or lock cells
      const { locked: _locked, formulaHidden: _formulaHidden, ...props } = DEFAULT_FORMAT;
      sheet.formats.push({ rect: r, props });
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !containsRect(r, cf.rect));
      this.notify();
    }
  }

  /** Inserts (count > 0) or deletes (count < 0) whole rows, shifting cells, formats, tables and validation. */
  shiftRows(sheet: SheetModel, index: number, count: number, trigger: ChangeTrigger): void {
    if (count === 0) return;
    if (sheet.protection.protected) {
      const allowed = count > 0 ? sheet.protection.options.allowInsertRows : sheet.protection.options.allowDeleteRows;
      if (!allowed) throw accessDenied(count > 0 ? "insert rows" : "delete rows");
    }
    if (count > 0) this.engine.addRows(sheet.engineId, index, count);
    else this.engine.removeRows(sheet.engineId, index, -count);
    const shift = (r: Rect) => shiftRectForRows(r, index, count);
    sheet.formats = sheet.formats.map((l) => ({ ...l, rect: shift(l.rect) })).filter((l) => l.rect.r0 <= l.rect.r1);
    sheet.validations = sheet.validations
      .map((v) => ({ ...v, rect: shift(v.rect) }))
      .filter((v) => v.rect.r0 <= v.rect.r1);
    sheet.conditionalFormats = sheet.conditionalFormats
      .map((cf) => ({ ...cf, rect: shift(cf.rect) }))
      .filter((cf) => cf.rect.r0 <= cf.rect.r1);
    for (const t of this.tables) {
      if (t.sheetId !== sheet.id) continue;
      const moved = shift(t.rect);
      if (count > 0 && t.rect.r0 === index && t.showHeaders) {
        // inserting at the header row moves the whole table down
        t.rect = { ...t.rect, r0: t.rect.r0 + count, r1: t.rect.r1 + count };
      } else {
        t.rect = moved;
      }
    }
    if (count < 0) {
      for (let i = this.tables.length - 1; i >= 0; i--) {
        const t = this.tables[i];
        if (t.sheetId === sheet.id && t.rect.r1 < t.rect.r0 + (t.showHeaders ? 0 : -1)) this.tables.splice(i, 1);
      }
    }
    const rowsRect: Rect = { r0: index, r1: index + Math.abs(count) - 1, c0: 0, c1: MAX_COLUMNS - 1 };
    this.recordChange({
      sheetId: sheet.id,
      rect: rowsRect,
      changeType: count > 0 ? "RowInserted" : "RowDeleted",
      trigger,
    });
  }

  // ---------------------------------------------------------------- reads

  values(sheet: SheetModel, r: Rect): CellScalar[][] {
    return this.engine.readValues(sheet.engineId, r.r0, r.c0, rectRows(r), rectColumns(r));
  }

  formulas(sheet: SheetModel, r: Rect): CellScalar[][] {
    const dims = this.engine.dimensions(sheet.engineId);
    const out: CellScalar[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const line: CellScalar[] = [];
      for (let col = r.c0; col <= r.c1; col++) {
        if (row >= dims.height || col >= dims.width) {
          line.push("");
          continue;
        }
        const formula = this.engine.formula(sheet.engineId, row, col);
        if (formula !== undefined) {
          line.push(formula);
          continue;
        }
        const raw = this.engine.serialized(sheet.engineId, row, col);
        if (raw === null || raw === undefined) line.push("");
        else if (typeof raw === "string") line.push(raw.startsWith("'") ? raw.slice(1) : raw);
        else if (typeof raw === "number" || typeof raw === "boolean") line.push(raw);
        else line.push(String(raw));
      }
      out.push(line);
    }
    return out;
  }

  valueTypes(sheet: SheetModel, r: Rect): string[][] {
    const out: string[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const line: string[] = [];
      for (let col = r.c0; col <= r.c1; col++) line.push(this.engine.readCell(sheet.engineId, row, col).type);
      out.push(line);
    }
    return out;
  }

  numberFormats(sheet: SheetModel, r: Rect): string[][] {
    const layers = this.layersFor(sheet, r).filter((l) => "numberFormat" in l.props);
    const out: string[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const line: string[] = [];
      for (let col = r.c0; col <= r.c1; col++) line.push(layeredProperty(layers, row, col, "numberFormat"));
      out.push(line);
    }
    return out;
  }

  texts(sheet: SheetModel, r: Rect): string[][] {
    const values = this.values(sheet, r);
    const formats = this.numberFormats(sheet, r);
    return values.map((row, i) => row.map((v, j) => formatText(v, formats[i][j])));
  }

  /** Bounding box of the cells with content (and, unless valuesOnly, of bounded formatted areas). */
  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | undefined {
    const serialized = this.engine.hf.getSheetSerialized(sheet.engineId);
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    serialized.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === "") return;
        r0 = Math.min(r0, i);
        r1 = Math.max(r1, i);
        c0 = Math.min(c0, j);
        c1 = Math.max(c1, j);
      }),
    );
    if (!valuesOnly) {
      const bounded = [
        ...sheet.formats.map((l) => l.rect),
        ...this.tables.filter((t) => t.sheetId === sheet.id).map((t) => t.rect),
      ];
      for (const b of bounded) {
        if (b.r1 === MAX_ROWS - 1 || b.c1 === MAX_COLUMNS - 1) continue;
        r0 = Math.min(r0, b.r0);
        r1 = Math.max(r1, b.r1);
        c0 = Math.min(c0, b.c0);
        c1 = Math.max(c1, b.c1);
      }
    }
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  errorMessage(sheet: SheetModel, row: number, col: number): string | undefined {
    return this.engine.readCell(sheet.engineId, row, col).errorMessage;
  }

  // ---------------------------------------------------------------- data validation

  setValidation(sheet: SheetModel, r: Rect, patch: Partial<Omit<ValidationModel, "rect">>): void {
    this.assertEditable(sheet, r, "dataValidation");
    const existing = this.validationFor(sheet, r);
    const base: ValidationModel = existing
      ? { ...existing, rect: r }
      : {
          rect: r,
          rule: {},
          errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
          prompt: { showPrompt: false, title: "", message: "" },
          ignoreBlanks: true,
        };
    const next: ValidationModel = { ...base, ...patch, rect: r };
    if (patch.rule) this.checkRule(patch.rule);
    sheet.validations = sheet.validations.filter((v) => !containsRect(r, v.rect));
    sheet.validations.push(next);
    this.notify();
  }

  private checkRule(rule: Record<string, unknown>): void {
    const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined && rule[k] !== null);
    if (kinds.length !== 1) throw invalidArgument("a data validation rule must have exactly one type");
    const kind = kinds[0];
    const allowed = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
    if (!allowed.includes(kind)) throw invalidArgument(`data validation rule type ${kind}`);
    const body = rule[kind] as Record<string, unknown>;
    if (kind === "list" && (typeof body.source !== "string" || body.source === ""))
      throw invalidArgument("list source");
    if (kind === "custom" && typeof body.formula !== "string") throw invalidArgument("custom formula");
    if (["wholeNumber", "decimal", "date", "time", "textLength"].includes(kind)) {
      if (typeof body.operator !== "string") throw invalidArgument(`${kind} operator`);
      if (body.formula1 === undefined) throw invalidArgument(`${kind} formula1`);
    }
  }

  clearValidation(sheet: SheetModel, r: Rect): void {
    this.assertEditable(sheet, r, "dataValidation.clear");
    sheet.validations = sheet.validations.filter((v) => !intersect(v.rect, r));
    this.notify();
  }

  /** The validation that covers the whole rectangle, if one does. */
  validationFor(sheet: SheetModel, r: Rect): ValidationModel | undefined {
    for (let i = sheet.validations.length - 1; i >= 0; i--) {
      const v = sheet.validations[i];
      if (containsRect(v.rect, r)) return v;
      if (intersect(v.rect, r)) return undefined;
    }
    return undefined;
  }

  validationAt(sheet: SheetModel, row: number, col: number): ValidationModel | undefined {
    for (let i = sheet.validations.length - 1; i >= 0; i--)
      if (isInside(sheet.validations[i].rect, row, col)) return sheet.validations[i];
    return undefined;
  }

  /** The allowed values of a list validation: "a,b,c", "=Lists!$A$2:$A$7" or "=LIAT_Status". */
  listValues(sheet: SheetModel, source: string): CellScalar[] {
    if (!source.startsWith("="))
      return source
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
    const result = this.engine.evaluate(source, sheet.engineId);
    const flat: unknown[] = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
    return flat
      .map((v) => this.engine.toCell(v).value)
      .filter((v) => v !== "" && !(typeof v === "string" && v.startsWith("#")));
  }

  /** Checks a user entry against the cell's data validation (list, numbers, text length). */
  checkEntry(sheet: SheetModel, row: number, col: number, value: unknown): EntryCheck {
    return this.entryChecker(sheet, this.validationAt(sheet, row, col))(value);
  }

  /** Checks entries against one validation (a list's allowed values are evaluated once, not per entry). */
  entryChecker(sheet: SheetModel, validation: ValidationModel | undefined): (value: unknown) => EntryCheck {
    if (!validation || !validation.errorAlert.showAlert) return () => ENTRY_OK;
    const failure: EntryCheck = {
      ok: false,
      title: validation.errorAlert.title || "Microsoft Excel",
      message:
        validation.errorAlert.message ||
        "This value doesn't match the data validation restrictions defined for this cell.",
    };
    const rule = validation.rule;
    const list = rule.list
      ? new Set(
          this.listValues(sheet, String((rule.list as { source: string }).source)).map((v) => String(v).toLowerCase()),
        )
      : undefined;
    const kind = (["wholeNumber", "decimal", "textLength"] as const).find((k) => rule[k]);
    const body = kind && (rule[kind] as { operator: string; formula1: unknown; formula2?: unknown });
    const f1 = Number(body?.formula1);
    const f2 = Number(body?.formula2);
    return (value) => {
      if (value === "" || value === null || value === undefined) return validation.ignoreBlanks ? ENTRY_OK : failure;
      if (list) return list.has(String(value).toLowerCase()) ? ENTRY_OK : failure;
      if (!kind || !body) return ENTRY_OK;
      const n = kind === "textLength" ? String(value).length : Number(value);
      if (!Number.isFinite(n) || (kind === "wholeNumber" && !Number.isInteger(n))) return failure;
      const ok =
        {
          Between: n >= f1 && n <= f2,
          NotBetween: n < f1 || n > f2,
          EqualTo: n === f1,
          NotEqualTo: n !== f1,
          GreaterThan: n > f1,
          LessThan: n < f1,
          GreaterThanOrEqualTo: n >= f1,
          LessThanOrEqualTo: n <= f1,
        }[body.operator] ?? true;
      return ok ? ENTRY_OK : failure;
    };
  }

  // ---------------------------------------------------------------- tables

  tableByName(name: string): TableModel | undefined {
    const wanted = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === wanted || t.id === name);
  }

  addTable(sheet: SheetModel, r: Rect, hasHeaders: boolean): TableModel {
    if (sheet.protection.protected) throw accessDenied("tables.add");
    if (r.r1 === MAX_ROWS - 1 || r.c1 === MAX_COLUMNS - 1) throw invalidArgument("table range too large");
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && intersect(t.rect, r))
        throw new HostError("InvalidOperation", "A table can't overlap another table.");
    }
    let tableRect = r;
    if (!hasHeaders) {
      // Excel adds a header row above the data, shifting it down
      this.shiftRows(sheet, r.r0, 1, "ThisLocalAddin");
      tableRect = { ...r, r1: r.r1 + 1 };
      const headers = [Array.from({ length: rectColumns(r) }, (_, i) => `Column${i + 1}`)];
      this.writeCells(sheet, { r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c1 }, headers, "values", "ThisLocalAddin");
    } else {
      // header cells are text; blanks and duplicates get unique names
      const header = this.values(sheet, { ...r, r1: r.r0 })[0];
      const seen = new Set<string>();
      const fixed = header.map((h, i) => {
        let name = h === "" ? `Column${i + 1}` : String(h);
        let n = 2;
        while (seen.has(name.toLowerCase())) name = `${h === "" ? "Column" : String(h)}${n++}`;
        seen.add(name.toLowerCase());
        return name;
      });
      if (fixed.some((h, i) => h !== header[i])) {
        this.writeCells(sheet, { ...r, r1: r.r0 }, [fixed.map((h) => `'${h}`)], "values", "ThisLocalAddin");
      }
    }
    if (rectRows(tableRect) < 2) tableRect = { ...tableRect, r1: tableRect.r0 + 1 };
    let n = this.tables.length + 1;
    while (this.tableByName(`Table${n}`)) n++;
    const table: TableModel = {
      id: this.newId("table"),
      name: `Table${n}`,
      sheetId: sheet.id,
      rect: tableRect,
      showHeaders: true,
      showTotals: false,
      style: "TableStyleMedium2",
      showBandedRows: true,
      showBandedColumns: false,
      showFilterButton: true,
    };
    this.tables.push(table);
    this.notify();
    return table;
  }

  renameTable(table: TableModel, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[rc]$/i.test(name)) {
      throw invalidArgument(`table name '${name}'`);
    }
    const clash = this.tableByName(name) ?? this.names.get(name.toLowerCase());
    if (clash && clash !== table)
      throw new HostError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${name})`);
    table.name = name;
    this.notify();
  }

  tableColumnNames(table: TableModel): string[] {
    const sheet = this.sheetById(table.sheetId);
    return this.values(sheet, { ...table.rect, r1: table.rect.r0 })[0].map((v) => String(v));
  }

  bodyRect(table: TableModel): Rect {
    return {
      ...table.rect,
      r0: table.rect.r0 + (table.showHeaders ? 1 : 0),
      r1: table.rect.r1 - (table.showTotals ? 1 : 0),
    };
  }

  /** Adds rows to a table (at the end, or at a body index), growing it; cells below shift down when needed. */
  addTableRows(table: TableModel, index: number | undefined, values: unknown[][] | undefined, count: number): Rect {
    const sheet = this.sheetById(table.sheetId);
    const body = this.bodyRect(table);
    const bodyRows = rectRows(body);
    const columns = rectColumns(table.rect);
    if (values !== undefined) {
      if (!Array.isArray(values) || values.some((row) => !Array.isArray(row) || row.length !== columns)) {
        throw new HostError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (table ${table.name})`,
        );
      }
    }
    const at = index === undefined || index === null || index < 0 ? bodyRows : index;
    if (at > bodyRows) throw invalidArgument(`row index ${at}`);
    // a table with a single empty body row takes the values into it
    const firstEmpty =
      bodyRows === 1 &&
      at === 1 &&
      this.values(sheet, body)[0].every((v) => v === "") &&
      this.formulas(sheet, body)[0].every((v) => v === "");
    const insertAt = firstEmpty ? body.r0 : body.r0 + at;
    const below: Rect = { r0: insertAt, c0: table.rect.c0, r1: insertAt + count - 1, c1: table.rect.c1 };
    if (!firstEmpty) {
      const belowEmpty =
        insertAt > table.rect.r1 && this.values(sheet, below).every((row) => row.every((v) => v === ""));
      if (belowEmpty) {
        table.rect = { ...table.rect, r1: table.rect.r1 + count };
        this.recordChange({ sheetId: sheet.id, rect: below, changeType: "RangeEdited", trigger: "ThisLocalAddin" });
      } else {
        this.shiftRows(sheet, insertAt, count, "ThisLocalAddin");
        if (insertAt > table.rect.r1) table.rect = { ...table.rect, r1: table.rect.r1 + count };
      }
      // the new rows take the formats and data validation of the row above
      const source: Rect = { r0: insertAt - 1, c0: table.rect.c0, r1: insertAt - 1, c1: table.rect.c1 };
      if (source.r0 > table.rect.r0) {
        for (const layer of this.layersFor(sheet, source)) {
          const part = intersect(layer.rect, source);
          if (part)
            sheet.formats.push({ rect: { ...part, r0: insertAt, r1: insertAt + count - 1 }, props: layer.props });
        }
        for (const v of sheet.validations.filter((v) => intersect(v.rect, source))) {
          const part = intersect(v.rect, source);
          if (part && !containsRect(v.rect, below))
            sheet.validations.push({ ...v, rect: { ...part, r0: insertAt, r1: insertAt + count - 1 } });
        }
      }
    }
    if (values !== undefined) this.writeCells(sheet, below, values, "values", "ThisLocalAddin");
    this.notify();
    return below;
  }

  resizeTable(table: TableModel, r: Rect): void {
    if (r.r0 !== table.rect.r0 || r.c0 !== table.rect.c0) throw invalidArgument("the header row must stay in place");
    table.rect = r;
    this.notify();
  }

  deleteTable(table: TableModel): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    this.notify();
  }

  // ---------------------------------------------------------------- names

  addName(name: string, reference: string, comment = ""): NameModel {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name))
      throw invalidArgument(`name '${name}'`);
    if (this.names.has(name.toLowerCase()))
      throw new HostError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${name})`);
    const formula = reference.startsWith("=") ? reference : `=${reference}`;
    try {
      this.engine.addName(name, formula);
    } catch (e) {
      throw invalidArgument(`name '${name}' = ${formula}: ${(e as Error).message}`);
    }
    const model: NameModel = { name, formula: this.engine.nameFormula(name) ?? formula, comment, visible: true };
    this.names.set(name.toLowerCase(), model);
    this.notify();
    return model;
  }

  deleteName(name: string): void {
    const model = this.names.get(name.toLowerCase());
    if (!model) throw itemNotFound(`name ${name}`);
    this.engine.removeName(model.name);
    this.names.delete(name.toLowerCase());
    this.notify();
  }

  /** Resolves a named item that refers to a range: sheet and rectangle. */
  nameRange(model: NameModel): { sheet: SheetModel; rect: Rect } | undefined {
    const formula = this.engine.nameFormula(model.name) ?? model.formula;
    try {
      const parsed = parseAddress(formula.replace(/^=/, "").replace(/\$/g, ""));
      if (!parsed.sheet) return undefined;
      const sheet = this.findSheetByName(parsed.sheet);
      return sheet ? { sheet, rect: parsed.rect } : undefined;
    } catch {
      return undefined;
    }
  }

  // ---------------------------------------------------------------- protection

  protect(sheet: SheetModel, options: Record<string, boolean> | undefined, password: string | undefined): void {
    if (sheet.protection.protected) throw new HostError("InvalidOperation", "The worksheet is already protected.");
    sheet.protection = { protected: true, options: { ...(options ?? {}) }, ...(password ? { password } : {}) };
    this.notify();
  }

  unprotect(sheet: SheetModel, password: string | undefined): void {
    if (!sheet.protection.protected) return;
    if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
      throw new HostError("InvalidArgument", "The password you supplied is not correct.");
    }
    sheet.protection = { protected: false, options: {} };
    this.notify();
  }

  // ---------------------------------------------------------------- change tracking and events

  /** Cell writes (values, formulas, clears, row shifts) made through the API, counted at each sync: tests
   * show with it that the add-in does not write on a user's edit. */
  addinWrites = 0;

  private recordChange(change: PendingChange): void {
    if (change.trigger === "ThisLocalAddin") this.addinWrites++;
    this.pending.push(change);
  }

  /** Emits the onChanged events of everything written since the last flush (after a sync or a user edit). */
  flushChanges(): void {
    const changes = this.pending;
    this.pending = [];
    for (const change of changes) {
      const sheet = this.sheets.find((s) => s.id === change.sheetId);
      if (!sheet) continue;
      const details = this.changeDetails(sheet, change);
      const args = {
        type: "WorksheetChanged",
        source: "Local",
        changeType: change.changeType,
        worksheetId: sheet.id,
        address: formatRect(change.rect),
        triggerSource: change.trigger,
        ...(details ? { details } : {}),
      };
      this.events.emit("worksheetChanged", sheet.id, args);
    }
    if (changes.length > 0) this.notify();
  }

  /** The `details` of an onChanged event: the value before and after, for an edit of a single cell. */
  private changeDetails(sheet: SheetModel, change: PendingChange): Record<string, unknown> | undefined {
    const { rect } = change;
    if (change.changeType !== "RangeEdited" || rect.r0 !== rect.r1 || rect.c0 !== rect.c1) return undefined;
    const after = this.engine.readCell(sheet.engineId, rect.r0, rect.c0);
    const before = change.before ?? "";
    return {
      valueAfter: after.value,
      valueBefore: before,
      valueTypeAfter: after.type,
      valueTypeBefore:
        before === ""
          ? "Empty"
          : typeof before === "number"
            ? "Double"
            : typeof before === "boolean"
              ? "Boolean"
              : "String",
    };
  }

  /** The preview page listens to this to redraw. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  describe(sheet: SheetModel, r: Rect): string {
    return qualifiedAddress(sheet.name, r);
  }
}
