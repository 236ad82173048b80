/**
 * Reading sheets by their heads: the top rows of every sheet first, then only the columns of the LIAT tables found
 * there, so that no read carries a large sheet that holds no LIAT table (the Consolidation sheet, a user's own
 * 100,000-row sheet) and every request stays under Excel on the web's 5 MB response limit.
 *
 * The bound (README, "Which Excel"): a LIAT table is found when its header row lies in the first HEAD_ROWS rows and
 * HEAD_COLUMNS columns of the sheet (A1:BL100); tables stacked below one found there, within its columns, are found
 * at any depth. Headers are recognised by the core reader (findSheetTables), never here.
 *
 * Each request reads at most CELLS_PER_REQUEST cells: heads are grouped by that budget (sized from what this session
 * saw of each sheet before, else from the whole head), and the tables' columns are cut into blocks of rows.
 */
import type { CellValue } from "../core/excelValues";
import { findSheetTables } from "../core/workbookReader";
import type { Batch } from "./excelApi";

/** Rows and columns of a sheet's head (A1:BL100): where LIAT header rows are looked for. */
export const HEAD_ROWS = 100;
export const HEAD_COLUMNS = 64;

/**
 * Cells read in one request at most. At about 50 bytes a cell (a number, a status, a short text) this is under 5 MB;
 * a sheet made of long texts can still carry more (Excel's cell holds 32,767 characters): a bound, not a guarantee.
 */
export const CELLS_PER_REQUEST = 100_000;

/** A rectangle of a sheet, 0-based, both ends included. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Cells of a rectangle. */
const area = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

/** A grid of values from (top, left), 0-based. */
export interface ReadGrid {
  values: CellValue[][];
  top: number;
  left: number;
}

/** A sheet read by its head: its used range (null when it holds no value) and the grid read. */
export interface HeadRead extends ReadGrid {
  used: Rect | null;
}

/** The loads queued for one sheet's head. */
export interface HeadLoad {
  used: Excel.Range;
  head: Excel.Range;
}

const HEAD_CELLS = HEAD_ROWS * HEAD_COLUMNS;

/** Queues the read of a sheet's used range (position and size) and of its head's values. */
export function queueHead(ws: Excel.Worksheet): HeadLoad {
  // getUsedRange (not ...OrNullObject): on a blank sheet it is A1, so the intersection below always exists.
  const used = ws.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const head = used.getIntersectionOrNullObject(ws.getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLUMNS));
  head.load("values,rowIndex,columnIndex");
  return { used, head };
}

const isBlank = (v: unknown) => v === "" || v === null || v === undefined;

/** What a synced HeadLoad read. */
export function headRead(l: HeadLoad): HeadRead {
  const used: Rect = {
    r0: l.used.rowIndex,
    c0: l.used.columnIndex,
    r1: l.used.rowIndex + l.used.rowCount - 1,
    c1: l.used.columnIndex + l.used.columnCount - 1,
  };
  if (l.head.isNullObject) return { used, values: [], top: 0, left: 0 };
  const values = l.head.values as CellValue[][];
  // A blank sheet's "used range" is A1 with nothing in it.
  if (area(used) === 1 && isBlank(values[0]?.[0])) return { used: null, values: [], top: 0, left: 0 };
  return { used, values, top: l.head.rowIndex, left: l.head.columnIndex };
}

/** Cells a sheet's head holds at most, from its used range (the whole head when unknown). */
export function headCells(used: Rect | null | undefined): number {
  if (used === undefined) return HEAD_CELLS;
  if (used === null) return 1;
  const rows = Math.max(0, Math.min(used.r1, HEAD_ROWS - 1) - used.r0 + 1);
  const columns = Math.max(0, Math.min(used.c1, HEAD_COLUMNS - 1) - used.c0 + 1);
  return Math.max(1, rows * columns);
}

/**
 * Splits items into groups of at most CELLS_PER_REQUEST cells (each item alone when it is larger), keeping the order.
 */
export function groupsByCells<T>(items: readonly T[], cells: (item: T) => number, first = 0): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let n = first;
  for (const item of items) {
    const c = cells(item);
    if (group.length > 0 && n + c > CELLS_PER_REQUEST) {
      groups.push(group);
      group = [];
      n = 0;
    }
    group.push(item);
    n += c;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * The part of a sheet to read beyond its head: the columns of the LIAT tables found in the head, from the used
 * range's top to its bottom (stacked tables below included), or the whole used range when `whole`. Null when the
 * head holds it all already, or when the sheet holds no LIAT table.
 */
export function beyondHead(name: string, read: HeadRead, whole = false): Rect | null {
  const { used } = read;
  if (used === null) return null;
  let want: Rect = used;
  if (!whole) {
    if (read.values.length === 0) return null;
    const tables = findSheetTables({ name, rows: read.values, top: read.top, left: read.left }, { rows: false });
    if (tables.length === 0) return null;
    want = {
      r0: used.r0,
      r1: used.r1,
      c0: Math.max(used.c0, Math.min(...tables.map((t) => t.firstColumn))),
      c1: Math.min(used.c1, Math.max(...tables.map((t) => t.lastColumn))),
    };
  }
  const headRows = read.values.length;
  const headColumns = read.values[0]?.length ?? 0;
  const inHead =
    headRows > 0 &&
    want.r0 >= read.top &&
    want.c0 >= read.left &&
    want.r1 < read.top + headRows &&
    want.c1 < read.left + headColumns;
  return inHead ? null : want;
}

/**
 * Reads rectangles of sheets (values) in as few requests as the cell budget allows: each rectangle is cut into
 * blocks of rows, blocks are grouped into requests of at most CELLS_PER_REQUEST cells. Returns each rectangle's grid.
 */
export async function readRects(b: Batch, reads: readonly { ws: Excel.Worksheet; rect: Rect }[]): Promise<ReadGrid[]> {
  const blocks = reads.flatMap(({ ws, rect }, i) => {
    const width = rect.c1 - rect.c0 + 1;
    const rowsPerBlock = Math.max(1, Math.floor(CELLS_PER_REQUEST / width));
    const out: { i: number; ws: Excel.Worksheet; r0: number; rows: number; rect: Rect }[] = [];
    for (let r0 = rect.r0; r0 <= rect.r1; r0 += rowsPerBlock) {
      out.push({ i, ws, r0, rows: Math.min(rowsPerBlock, rect.r1 - r0 + 1), rect });
    }
    return out;
  });
  const grids: ReadGrid[] = reads.map(({ rect }) => ({ values: [], top: rect.r0, left: rect.c0 }));
  for (const group of groupsByCells(blocks, (x) => x.rows * (x.rect.c1 - x.rect.c0 + 1))) {
    const loads = group.map((x) => {
      const range = x.ws.getRangeByIndexes(x.r0, x.rect.c0, x.rows, x.rect.c1 - x.rect.c0 + 1);
      range.load("values");
      return { i: x.i, range };
    });
    // one request per group of blocks: each response stays under Excel on the web's 5 MB
    await b.sync();
    for (const l of loads) {
      const into = grids[l.i]!.values;
      for (const row of l.range.values as CellValue[][]) into.push(row);
    }
  }
  return grids;
}
