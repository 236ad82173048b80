/**
 * Reads what the workbook holds in as few syncs as possible: the sheet list, the used range of every
 * sheet (values), table names, named items and the schema-version document property.
 *
 * Sync 1 loads the sheet list and, speculatively, the used ranges of the sheets this session already
 * knows (by id); sync 2 reads the sheets it did not know. When every sheet was known (the usual case
 * once the pane has looked at the workbook) everything arrives in one sync.
 */
import type { CellValue } from "../core/excelValues";
import { SCHEMA_PROPERTY } from "../core/layout";
import { excelApi, type Batch } from "./excelApi";
import { isSetSupported } from "./requirements";

export interface SheetGrid {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  /**
   * Whether the protection has a password: known only where WorksheetProtection.isPasswordProtected exists
   * (ExcelApiOnline 1.1, Excel on the web); undefined elsewhere (see ./protection.ts for the fallback).
   */
  passwordProtected: boolean | undefined;
  /** Values of the used range (values only), from (top, left), 0-based. Empty when the sheet is blank. */
  values: CellValue[][];
  top: number;
  left: number;
}

export interface Snapshot {
  sheets: SheetGrid[];
  tables: { name: string; sheetId: string | null }[];
  names: { name: string; formula: string }[];
  /** Value of the schema-version custom document property, or null. */
  schemaProperty: unknown;
}

/** Sheets seen per Excel namespace (one namespace = one workbook in a runtime). */
const knownSheets = new WeakMap<object, Set<string>>();

/** Forgets the sheets this session knows (the next read takes two syncs). */
export function forgetSheets(): void {
  try {
    knownSheets.delete(excelApi());
  } catch {
    // no Excel: nothing known
  }
}

export function rememberSheets(ids: Iterable<string>): void {
  knownSheets.set(excelApi(), new Set(ids));
}

/** Queues the read of a sheet's used range (values and position). */
export function loadUsed(sheet: Excel.Worksheet): Excel.Range {
  const range = sheet.getUsedRangeOrNullObject(true);
  range.load("values,rowIndex,columnIndex");
  return range;
}

/** The grid of a used range loaded by loadUsed (empty when the sheet is blank). */
export function gridOf(used: Excel.Range): Pick<SheetGrid, "values" | "top" | "left"> {
  if (used.isNullObject) return { values: [], top: 0, left: 0 };
  return { values: used.values as CellValue[][], top: used.rowIndex, left: used.columnIndex };
}

/** isPasswordProtected of a sheet whose protection was loaded with it (Excel on the web only). */
function passwordOf(s: Excel.Worksheet): boolean {
  if (isSetSupported("ExcelApiOnline", "1.1")) return s.protection.isPasswordProtected;
  return false;
}

/** Loads the snapshot; at most 2 syncs. */
export async function loadSnapshot(b: Batch): Promise<Snapshot> {
  const api = excelApi();
  const { context } = b;
  const wb = context.workbook;
  const sheets = wb.worksheets;
  const knowsPasswords = isSetSupported("ExcelApiOnline", "1.1");
  if (knowsPasswords) {
    sheets.load("items/id,items/name,items/visibility,items/protection/protected,items/protection/isPasswordProtected");
  } else {
    sheets.load("items/id,items/name,items/visibility,items/protection/protected");
  }
  const tables = wb.tables;
  tables.load("items/name,items/worksheet/id");
  const names = wb.names;
  names.load("items/name,items/formula");
  const prop = wb.properties.custom.getItemOrNullObject(SCHEMA_PROPERTY);
  prop.load("value");
  const known = [...(knownSheets.get(api) ?? [])];
  const speculative = new Map<string, Excel.Range>();
  for (const id of known) speculative.set(id, loadUsed(sheets.getItem(id)));
  try {
    await b.sync();
  } catch (error) {
    if (known.length === 0) throw error;
    // A sheet this session knew is gone: read again without guessing.
    knownSheets.delete(api);
    return loadSnapshot(b);
  }
  const missing = new Map<string, Excel.Range>();
  for (const s of sheets.items) if (!speculative.has(s.id)) missing.set(s.id, loadUsed(s));
  if (missing.size > 0) await b.sync();
  const out: SheetGrid[] = sheets.items.map((s) => ({
    id: s.id,
    name: s.name,
    visibility: String(s.visibility),
    protected: s.protection.protected,
    passwordProtected: knowsPasswords ? passwordOf(s) : undefined,
    ...gridOf((speculative.get(s.id) ?? missing.get(s.id))!),
  }));
  knownSheets.set(api, new Set(out.map((s) => s.id)));
  return {
    sheets: out,
    tables: tables.items.map((t) => ({ name: t.name, sheetId: t.worksheet.id })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- loaded and synced above by b.sync() (context.sync() counted, src/excel/excelApi.ts), which the rules do not know by name
    schemaProperty: prop.isNullObject ? null : prop.value,
  };
}
