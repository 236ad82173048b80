/**
 * The add-in's side of the one reader: Excel ranges (fetched elsewhere, see snapshot.ts and live.ts)
 * handed to the core reader (src/core/workbookReader.ts), which finds the LIAT tables by their header
 * rows and reads the settings by label, exactly as for received files. Only the interpreting happens
 * here, never the fetching: pure functions over grids of values with their position on the sheet.
 */
import type { DomainId } from "../core/catalogueTypes";
import type { CellValue } from "../core/excelValues";
import type { Lang } from "../core/language";
import type { ColumnKey } from "../core/layout";
import { objectiveRowReader } from "../core/objectiveRow";
import {
  findSheetTables,
  isSystemSheet,
  readCoverSettings,
  type FoundTable,
  type SheetData,
} from "../core/workbookReader";
import { HEAD_ROWS } from "./sheetHeads";
import type { SheetGrid, Snapshot } from "./snapshot";
import type { RowRead, TableRead, WorkbookSettings } from "./types";

export { isSystemSheet };

/**
 * LIAT header rows are looked for in a sheet's first HEAD_ROWS rows (see ./sheetHeads.ts): live validation re-reads
 * a sheet without a LIAT table only when a change reaches no further down (a new header row typed near the top).
 */
export const HEADER_SEARCH_ROWS = HEAD_ROWS;

/** The part of a sheet grid a table is read from. */
export type CellGrid = Pick<SheetGrid, "name" | "values" | "top" | "left">;

/** A grid as the core reader's sheet. */
const sheetOf = (grid: CellGrid): SheetData => ({ name: grid.name, rows: grid.values, top: grid.top, left: grid.left });

const tableRead = (t: FoundTable, table: string | null): TableRead => ({ ...t, table });

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

/** Every LIAT table of one sheet (side by side, stacked), in reading order. */
export function scanSheetTables(grid: CellGrid): TableRead[] {
  if (grid.values.length === 0) return [];
  return findSheetTables(sheetOf(grid)).map((t) => tableRead(t, null));
}

/** Every LIAT table of the snapshot, in sheet order, with the table names the snapshot knows. */
export function scanTables(snapshot: Snapshot): TableRead[] {
  const out: TableRead[] = [];
  for (const grid of snapshot.sheets) {
    const found = scanSheetTables(grid);
    if (found.length === 0) continue;
    const table =
      snapshot.tables.find((x) => x.sheetId === grid.id && /^LIAT_/i.test(x.name)) ??
      snapshot.tables.find((x) => x.sheetId === grid.id);
    // The Excel table's name goes to the sheet's first LIAT table (the one the add-in inserted).
    found.forEach((t, i) => out.push({ ...t, table: i === 0 ? (table?.name ?? null) : null }));
  }
  return out;
}

/** The first table of each domain: the one the add-in keeps (and upgrades) when inserting. */
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

export function findSheet(snapshot: Snapshot, name: string): SheetGrid | undefined {
  const n = name.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === n);
}

function toVersion(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Schema version the workbook records (document property, else as the core reader reads it), or null. */
export function schemaVersionOf(snapshot: Snapshot, tables: readonly TableRead[]): number | null {
  return settingsOf(snapshot, tables).schemaVersion;
}

/** City, period, language and schema version, read by label by the core reader (as for received files). */
export function settingsOf(
  snapshot: Snapshot,
  tables: readonly TableRead[],
  fallbackLang: Lang = "en",
): WorkbookSettings {
  const read = readCoverSettings(snapshot.sheets.map(sheetOf));
  const version = toVersion(snapshot.schemaProperty) ?? toVersion(read.schemaVersion);
  return {
    lang: read.lang ?? fallbackLang,
    city: read.city,
    period: read.period,
    // LIAT tables without any recorded version: the first layout.
    schemaVersion: version ?? (tables.length > 0 ? 1 : null),
  };
}
