/**
 * Finds the LIAT tables of a workbook snapshot by their header row (not by sheet name, table name or
 * column order), and reads the settings and schema version the workbook records. Pure functions.
 */
import { codeToDomain } from "../core/codes";
import type { DomainId } from "../core/catalogueTypes";
import { getObjective } from "../core/catalogue";
import { ENTRY_FIELDS, type EntryField } from "../core/entrySchema";
import { isBlank, type CellValue } from "../core/excelValues";
import { isLang, type Lang } from "../core/language";
import {
  CONSOLIDATION_SHEET,
  COVER,
  COVER_SHEET,
  FLAGS_SHEET,
  LISTS_SHEET,
  SCHEMA_PROPERTY,
  mapHeaderRow,
  type ColumnKey,
} from "../core/layout";
import { objectiveRowReader } from "../core/objectiveRow";
import type { SheetGrid, Snapshot } from "./snapshot";
import type { RowRead, TableRead, WorkbookSettings } from "./types";

/** How far down a sheet a header row is looked for. */
export const HEADER_SEARCH_ROWS = 200;

/** Sheets the add-in owns that never hold objective rows. */
export function isSystemSheet(name: string): boolean {
  const n = name.toLowerCase();
  return (
    n === LISTS_SHEET.toLowerCase() ||
    n === FLAGS_SHEET.toLowerCase() ||
    Object.values(CONSOLIDATION_SHEET).some((name) => n === name.toLowerCase())
  );
}

/** The part of a sheet grid a table is read from. */
export type CellGrid = Pick<SheetGrid, "name" | "values" | "top" | "left">;

/** The header row of a LIAT table on a sheet: 0-based sheet row and sheet column of each key. */
function findHeader(grid: CellGrid): { row: number; columns: Partial<Record<ColumnKey, number>> } | null {
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = grid.values[i]!;
    if (!cells.some((c) => typeof c === "string" && c !== "")) continue;
    const map = mapHeaderRow(cells);
    if (map === null) continue;
    const columns: Partial<Record<ColumnKey, number>> = {};
    for (const [k, v] of Object.entries(map)) columns[k as ColumnKey] = (v as number) + grid.left;
    return { row: i + grid.top, columns };
  }
  return null;
}

/**
 * A reader of one table's objective rows, from cells starting at sheet column `left`: returns null
 * for a row with nothing at all in its code and entry cells.
 */
export function rowReader(
  sheet: string,
  columns: Partial<Record<ColumnKey, number>>,
  left: number,
): (cells: readonly CellValue[], row: number) => RowRead | null {
  const read = objectiveRowReader(columns, left);
  return (cells, row) => {
    const r = read(cells, row);
    return r === null ? null : { code: r.code, sheet, rowIndex: row, raw: r.raw, cells: r.cells };
  };
}

/** The LIAT table of one sheet, or null when the sheet has none. */
export function scanSheet(grid: CellGrid): TableRead | null {
  if (isSystemSheet(grid.name) || grid.values.length === 0) return null;
  const header = findHeader(grid);
  if (header === null) return null;
  const read = rowReader(grid.name, header.columns, grid.left);
  const rows: RowRead[] = [];
  for (let i = header.row - grid.top + 1; i < grid.values.length; i++) {
    const r = read(grid.values[i]!, i + grid.top);
    if (r !== null) rows.push(r);
  }
  return {
    sheet: grid.name,
    table: null,
    domain: domainOfRows(rows),
    headerRow: header.row,
    columns: header.columns,
    missing: ENTRY_FIELDS.filter((f: EntryField) => header.columns[f] === undefined),
    rows,
  };
}

/** The domain most codes of the rows belong to (catalogue codes only), or null. */
function domainOfRows(rows: readonly RowRead[]): DomainId | null {
  const counts = new Map<DomainId, number>();
  for (const r of rows) {
    if (!getObjective(r.code)) continue;
    const d = codeToDomain(r.code);
    if (d !== null) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: DomainId | null = null;
  for (const [d, n] of counts) if (best === null || n > counts.get(best)!) best = d;
  return best;
}

/** Every LIAT table of the snapshot, in sheet order, with the table names the snapshot knows. */
export function scanTables(snapshot: Snapshot): TableRead[] {
  const out: TableRead[] = [];
  for (const grid of snapshot.sheets) {
    const t = scanSheet(grid);
    if (t === null) continue;
    const table =
      snapshot.tables.find((x) => x.sheetId === grid.id && /^LIAT_/i.test(x.name)) ??
      snapshot.tables.find((x) => x.sheetId === grid.id);
    out.push({ ...t, table: table?.name ?? null });
  }
  return out;
}

/** The first table of each domain: the one the add-in flags, and keeps when inserting. */
export function firstTableOfDomain(tables: readonly TableRead[]): Map<DomainId, TableRead> {
  const out = new Map<DomainId, TableRead>();
  for (const t of tables) if (t.domain !== null && !out.has(t.domain)) out.set(t.domain, t);
  return out;
}

/** The 0-based sheet rows of a table's data: from below the header to its last row read (at least one row). */
export function dataRows(t: TableRead): { r0: number; r1: number } {
  let r1 = t.headerRow + 1;
  for (const r of t.rows) if (r.rowIndex > r1) r1 = r.rowIndex;
  return { r0: t.headerRow + 1, r1 };
}

function cellOf(grid: SheetGrid | undefined, row: number, column: number): CellValue {
  if (!grid) return undefined;
  return grid.values[row - grid.top]?.[column - grid.left];
}

/** The lists sheet's settings block: key → value (keys in the "Setting" column). */
function listsSettings(grid: SheetGrid | undefined): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  if (!grid) return out;
  for (const row of grid.values) {
    const i = row.findIndex((c) => c === SCHEMA_PROPERTY);
    if (i < 0) continue;
    // the Setting column is followed by the Value column; rows below hold the other settings
    const col = i;
    const start = grid.values.indexOf(row);
    for (let r = start; r < grid.values.length; r++) {
      const key = grid.values[r]![col];
      if (typeof key === "string" && key !== "") out.set(key, grid.values[r]![col + 1]);
    }
    break;
  }
  return out;
}

export function findSheet(snapshot: Snapshot, name: string): SheetGrid | undefined {
  const n = name.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === n);
}

function toVersion(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Schema version the workbook records (document property, lists sheet, cover), or null. */
export function schemaVersionOf(snapshot: Snapshot, tables: readonly TableRead[]): number | null {
  const fromProperty = toVersion(snapshot.schemaProperty);
  if (fromProperty !== null) return fromProperty;
  const fromLists = toVersion(listsSettings(findSheet(snapshot, LISTS_SHEET)).get(SCHEMA_PROPERTY));
  if (fromLists !== null) return fromLists;
  const cover = findSheet(snapshot, COVER_SHEET);
  const fromCover = toVersion(cellOf(cover, COVER.schemaRow - 1, COVER.valueColumn - 1));
  if (fromCover !== null) return fromCover;
  // LIAT tables without any recorded version: the first layout.
  return tables.length > 0 ? 1 : null;
}

/** City, period and language as the cover sheet records them. */
export function settingsOf(
  snapshot: Snapshot,
  tables: readonly TableRead[],
  fallbackLang: Lang = "en",
): WorkbookSettings {
  const cover = findSheet(snapshot, COVER_SHEET);
  const v = (row: number) => cellOf(cover, row - 1, COVER.valueColumn - 1);
  const text = (x: CellValue) => (isBlank(x) ? "" : String(x));
  const langCell = text(v(COVER.languageRow)).trim().toLowerCase();
  const listsLang = String(listsSettings(findSheet(snapshot, LISTS_SHEET)).get("language") ?? "");
  const lang: Lang = isLang(langCell) ? langCell : isLang(listsLang) ? listsLang : fallbackLang;
  return {
    lang,
    city: text(v(COVER.cityRow)),
    period: text(v(COVER.periodRow)),
    schemaVersion: schemaVersionOf(snapshot, tables),
  };
}
