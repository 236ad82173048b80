/**
 * Reads what the workbook holds in as few syncs as possible: the sheet list, each sheet's head (its top rows, see
 * ./sheetHeads.ts) and the columns of the LIAT tables found there, table names, named items and the schema-version
 * document property. A sheet without a LIAT table is never read beyond its head.
 *
 * Sync 1 loads the sheet list and, speculatively, the heads of the sheets this session already knows (by id); the
 * next sync reads the heads of the sheets it did not know; a last one reads the tables that go beyond their sheet's
 * head. A LIAT workbook whose tables fit in their heads, once known, arrives in one sync.
 */
import type { CellValue } from "../core/excelValues";
import { SCHEMA_PROPERTY } from "../core/layout";
import { excelApi, type Batch } from "./excelApi";
import { isSetSupported } from "./requirements";
import {
  beyondHead,
  groupsByCells,
  headCells,
  headRead,
  queueHead,
  readRects,
  type HeadLoad,
  type Rect,
} from "./sheetHeads";

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
  /**
   * Values read, from (top, left), 0-based: the sheet's head (its first HEAD_ROWS rows and HEAD_COLUMNS columns),
   * or, on a sheet holding LIAT tables (or read whole), their columns down to the used range's end. Empty when the
   * sheet is blank or its used range starts below the head.
   */
  values: CellValue[][];
  top: number;
  left: number;
  /** The sheet's used range (values only), or null when the sheet holds no value. */
  used: Rect | null;
}

export interface Snapshot {
  sheets: SheetGrid[];
  tables: { name: string; sheetId: string | null }[];
  names: { name: string; formula: string }[];
  /** Value of the schema-version custom document property, or null. */
  schemaProperty: unknown;
}

/** Sheets seen per Excel namespace (one namespace = one workbook in a runtime), with the used range last seen. */
const knownSheets = new WeakMap<object, Map<string, Rect | null | undefined>>();

/** Forgets the sheets this session knows (the next read takes one more sync). */
export function forgetSheets(): void {
  try {
    knownSheets.delete(excelApi());
  } catch {
    // no Excel: nothing known
  }
}

export function rememberSheets(ids: Iterable<string>): void {
  const api = excelApi();
  const before = knownSheets.get(api);
  knownSheets.set(api, new Map([...ids].map((id) => [id, before?.get(id)])));
}

/** isPasswordProtected of a sheet whose protection was loaded with it (Excel on the web only). */
function passwordOf(s: Excel.Worksheet): boolean {
  if (isSetSupported("ExcelApiOnline", "1.1")) return s.protection.isPasswordProtected;
  return false;
}

export interface SnapshotOptions {
  /** Sheets (by name, any case) read whole rather than by their head, e.g. the history sheet. */
  whole?: readonly string[];
}

/** Loads the snapshot: 1 sync when the session knows the sheets and the tables fit in the heads. */
export async function loadSnapshot(b: Batch, options: SnapshotOptions = {}): Promise<Snapshot> {
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
  const known = knownSheets.get(api) ?? new Map<string, Rect | null | undefined>();
  // Speculative: the heads of the sheets already known that fit in the first request.
  const speculative = new Map<string, HeadLoad>();
  const first = groupsByCells([...known], ([, used]) => headCells(used))[0] ?? [];
  for (const [id] of first) speculative.set(id, queueHead(sheets.getItem(id)));
  try {
    await b.sync();
  } catch (error) {
    if (known.size === 0) throw error;
    // A sheet this session knew is gone: read again without guessing.
    knownSheets.delete(api);
    return loadSnapshot(b, options);
  }
  const loads = new Map(speculative);
  const missing = sheets.items.filter((s) => !loads.has(s.id));
  for (const group of groupsByCells(missing, (s) => headCells(known.get(s.id)))) {
    for (const s of group) loads.set(s.id, queueHead(s));
    // one request per group of heads: each response stays under Excel on the web's 5 MB
    await b.sync();
  }
  const whole = new Set((options.whole ?? []).map((n) => n.toLowerCase()));
  const heads = sheets.items.map((s) => headRead(loads.get(s.id)!));
  const beyond = sheets.items.flatMap((s, i) => {
    const rect = beyondHead(s.name, heads[i]!, whole.has(s.name.toLowerCase()));
    return rect === null ? [] : [{ i, ws: s, rect }];
  });
  const grids = await readRects(b, beyond);
  beyond.forEach((x, k) => (heads[x.i] = { ...grids[k]!, used: heads[x.i]!.used }));
  const out: SheetGrid[] = sheets.items.map((s, i) => ({
    id: s.id,
    name: s.name,
    visibility: String(s.visibility),
    protected: s.protection.protected,
    passwordProtected: knowsPasswords ? passwordOf(s) : undefined,
    ...heads[i]!,
  }));
  knownSheets.set(api, new Map(out.map((s) => [s.id, s.used])));
  return {
    sheets: out,
    tables: tables.items.map((t) => ({ name: t.name, sheetId: t.worksheet.id })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- loaded and synced above by b.sync() (context.sync() counted, src/excel/excelApi.ts), which the rules do not know by name
    schemaProperty: prop.isNullObject ? null : prop.value,
  };
}
