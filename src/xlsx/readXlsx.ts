/**
 * Reads an .xlsx file (bytes) with ExcelJS into the plain, library-neutral workbook model of
 * src/core/workbookReader.ts, or says why it cannot: not a workbook, damaged, password-protected,
 * empty, too large. Cell values become plain values: rich text and hyperlinks → their text,
 * formulas → their cached result, dates → Excel serial numbers, errors → "#VALUE!" strings.
 *
 * Shared by the command line (Node) and the task pane (browser, loaded on demand): no Node module
 * here (no fs, crypto or Buffer). The content hash is given by the caller.
 */
import ExcelJS from "exceljs";
import { dateToSerial, type CellValue } from "../core/excelValues";
import type { MessageParams } from "../core/messages";
import type { SheetData, UnreadableReason, WorkbookData } from "../core/workbookReader";

/** Largest file read (bytes). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type ReadResult =
  | { ok: true; workbook: WorkbookData }
  | { ok: false; reason: UnreadableReason; detail?: string; params?: MessageParams };

export interface ReadOptions {
  /** Content hash of the bytes (same bytes, same source); without it the core fingerprints the values. */
  hash?: (bytes: Uint8Array) => string | undefined | Promise<string | undefined>;
}

/**
 * Worksheet parts that hold no cell values: not parsed, which makes reading about 40% faster.
 * (Hyperlinks and merged ranges too: a hyperlink cell then reads as its text, a merged range as
 * its first cell only, which is what consolidation wants.)
 */
const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "mergeCells",
  "rowBreaks",
  "hyperlinks",
  "pageMargins",
  "printOptions",
  "pageSetup",
  "headerFooter",
  "drawing",
  "picture",
  "tableParts",
  "sheetProtection",
];

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // compound file: encrypted xlsx, or old .xls

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** One ExcelJS cell value as a plain value. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[]).map((p) => String(p.text ?? "")).join("");
    if ("error" in v && typeof v.error === "string") return v.error;
    if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
    if ("hyperlink" in v || "text" in v) return plainValue(v.text ?? v.hyperlink);
  }
  return String(value);
}

/** A worksheet's values as a 2-D array (row 0 = sheet row 1), blank cells null. */
function sheetRows(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = plainValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

/** Reads the bytes of a received file into the plain workbook model, or the reason it cannot. */
export async function readXlsxBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, reason: "tooLarge", detail: String(bytes.length), params: { limit: "50 MB" } };
  if (startsWith(bytes, OLE_MAGIC)) return { ok: false, reason: "encrypted" };
  if (!startsWith(bytes, ZIP_MAGIC)) return { ok: false, reason: "notWorkbook" };
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS hands the data to JSZip, which takes a Uint8Array in Node and in the browser alike.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES } as ExcelJS.XlsxReadOptions);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A zip whose parts are not a spreadsheet, or a spreadsheet that is cut or corrupted.
    const notSpreadsheet =
      /workbook|Content_Types|Cannot read prop|undefined/i.test(message) &&
      !/end of (central directory|data)|corrupt|invalid|signature|crc/i.test(message);
    return { ok: false, reason: notSpreadsheet ? "notWorkbook" : "damaged", detail: message };
  }
  if (wb.worksheets.length === 0) return { ok: false, reason: "notWorkbook" };
  const sheets: SheetData[] = wb.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
  const hash = options.hash ? await options.hash(bytes) : undefined;
  return { ok: true, workbook: { fileName, ...(hash !== undefined ? { hash } : {}), sheets } };
}
