/**
 * Reads the bytes of a received file into the plain grid of src/core/grid.ts, or says precisely why
 * it cannot: empty, too large, an old .xls, an encrypted workbook, an OpenDocument or binary
 * (.xlsb) workbook, not a workbook, a damaged part (named), a limit passed (named).
 *
 * Only the parts the merge needs are read (the package and workbook relationships, the workbook,
 * the shared strings, the styles of a 1904 workbook, the worksheets), each inflated and parsed as a
 * stream (fflate, or the native inflater the caller gives: synchronous for parts of bounded size, asynchronous for
 * parts of any size, parsed piece by piece; the plain XML reader of plainXml.ts, saxes where it stops):
 * declared sizes are checked before anything is inflated, and
 * inflating stops at the limit or at the declared size, whichever comes first. Values are kept exactly: text
 * character for character (`_xHHHH_` escapes decoded), ISO date cells and 1904 dates as serials of
 * the 1900 system to the millisecond, errors as "#N/A"-style text; a formula without a cached value
 * and text over Excel's 32,767 characters are marked on the sheet (src/core/grid.ts).
 *
 * Shared by the command line (Node) and the task pane (browser, loaded on demand): no Node module
 * here. The content hash is given by the caller.
 */
import { type CellValue } from "../core/excelValues";
import { DATE_1904_OFFSET, isoDateTimeToSerial } from "../core/dates";
import { EXCEL_MAX_CELL_TEXT, type CellMark, type SheetData, type WorkbookData } from "../core/grid";
import type { MessageParams } from "../core/messages";
import type { UnreadableReason } from "../core/workbookReader";
import { compoundFileKind, OLE_MAGIC } from "./compoundFile";
import { isDateFormat } from "./numberFormats";
import { decodeXString } from "./ooxmlText";
import {
  ASYNC_INFLATE_MIN,
  FFLATE_WHOLE_MAX_COMPRESSED,
  fflateWhole,
  inflateEntry,
  PartDamagedError,
  PartTooLargeError,
  ReadStop,
  saxesSink,
  streamPartText,
  streamPartTextAsync,
  type AsyncRawInflater,
  type RawInflater,
  type XmlHandlers,
} from "./partStream";
import { NotPlainXml, PlainXmlParser } from "./plainXml";
import { megabytes, READ_LIMITS, type ReadLimits } from "./readLimits";
import { readZipDirectory, ZipStructureError, type ZipEntry } from "./zipDirectory";
import { MAX_COLUMNS, readCellAddress } from "../core/a1";

export { READ_LIMITS, type ReadLimits } from "./readLimits";
export { decompressionStreamInflater } from "./streamInflater";

/** Largest file read (bytes). */
export const MAX_FILE_BYTES = READ_LIMITS.fileBytes;

export type ReadResult =
  | { ok: true; workbook: WorkbookData }
  | { ok: false; reason: UnreadableReason; detail?: string; params?: MessageParams };

export interface ReadOptions {
  /** Content hash of the bytes (same bytes, same source); without it the core fingerprints the values. */
  hash?: (bytes: Uint8Array) => string | undefined | Promise<string | undefined>;
  /** Other limits than READ_LIMITS (tests). */
  limits?: Partial<ReadLimits>;
  /** A native inflater (the command line gives Node's zlib). */
  inflateRaw?: RawInflater;
  /**
   * An asynchronous native inflater, used when no inflateRaw is given (the task pane gives DecompressionStream where
   * the browser has it, src/xlsx/streamInflater.ts; fflate alone otherwise): each part of ASYNC_INFLATE_MIN bytes
   * or more is inflated by it as a stream, each piece parsed as it comes, one part at a time.
   */
  inflateRawAsync?: AsyncRawInflater;
  /** Smallest part given to inflateRawAsync (declared size; ASYNC_INFLATE_MIN unless given: tests). */
  asyncInflateMin?: number;
}

/** Reading stops for a reason other than a damaged part (a limit, an unsupported kind of file). */
class Unreadable extends ReadStop {
  constructor(
    readonly reason: UnreadableReason,
    readonly params?: MessageParams,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
/**
 * The same text in memory of its own. The parsers hand over texts cut from the piece of the part being read (up to
 * a few hundred KB of XML), and V8 keeps a cut of 13 characters or more as a view on the whole piece: one cell
 * text kept would keep that piece alive, and a workbook's whole shared-strings part with any of its strings, for
 * as long as the consolidation keeps the row. Copying what is kept bounds memory by what is kept.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/**
 * The whole number a text of 1 to 9 decimal digits says (what Number() says of it, without the engine's number
 * parser: the index of a shared string, most numbers of a sheet), or -1 for any other text.
 */
function digitsValue(text: string): number {
  const length = text.length;
  if (length === 0 || length > 9) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** What a worksheet's text goes to (see XlsxReader.worksheet). */
const NOTHING = 0;
const CAPTURED = 1;
const INLINE = 2;

/** The value of an attribute whatever its prefix ("r:id", "ns1:id"). */
function attr(attributes: Record<string, string>, local: string): string | undefined {
  if (attributes[local] !== undefined) return attributes[local];
  for (const key in attributes) if (key.endsWith(`:${local}`)) return attributes[key];
  return undefined;
}

/** A part name resolved against the folder of the part that points at it ("xl/" + "worksheets/s.xml"). */
function resolvePart(base: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

interface Relationship {
  type: string;
  target: string;
}

/** How a part is read: the handlers of its XML, and what they made of it once it is read. */
interface PartReading<T> {
  handlers: XmlHandlers;
  result(): T;
}

/** One workbook being read: its zip, its limits, and the parts read so far. */
class XlsxReader {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly limits: ReadLimits;
  private inflated = 0;
  private cells = 0;
  /** The part being read, for the message when something fails. */
  part = "";

  constructor(
    private readonly zip: Uint8Array,
    entries: ZipEntry[],
    limits: ReadLimits,
    private readonly inflateRaw?: RawInflater,
    private readonly inflateRawAsync?: AsyncRawInflater,
    private readonly asyncInflateMin?: number,
  ) {
    for (const e of entries) this.entries.set(e.name.toLowerCase(), e);
    this.limits = limits;
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  /** Throws when reading these parts would pass a limit, by the sizes the zip declares. */
  checkDeclared(names: string[]): void {
    let total = 0;
    for (const name of names) {
      const e = this.entry(name);
      if (e === undefined) continue;
      if (e.flags & 1) throw new Unreadable("encrypted", undefined, `${name} is encrypted in the zip`);
      if (e.uncompressedSize > this.limits.partBytes)
        throw new Unreadable("unzippedTooLarge", { part: name, limit: megabytes(this.limits.partBytes) });
      total += e.uncompressedSize;
      if (total > this.limits.totalBytes)
        throw new Unreadable("unzippedTooLarge", { part: name, limit: megabytes(this.limits.totalBytes) });
    }
  }

  /** The limit of the part about to be read: its own, and what is left of the total. */
  private partLimit(): number {
    return Math.min(this.limits.partBytes, this.limits.totalBytes - this.inflated);
  }

  /** The synchronous inflater for a part: the one given, or fflate inflating a small part whole, or none (a stream). */
  private wholeInflater(e: ZipEntry): RawInflater | undefined {
    return this.inflateRaw ?? (e.compressedSize <= FFLATE_WHOLE_MAX_COMPRESSED ? fflateWhole : undefined);
  }

  /** True when a part is inflated by the asynchronous inflater (a deflated part of asyncInflateMin bytes or more). */
  private streamsNatively(e: ZipEntry): boolean {
    return (
      this.inflateRaw === undefined &&
      this.inflateRawAsync !== undefined &&
      e.method === 8 &&
      e.uncompressedSize >= (this.asyncInflateMin ?? ASYNC_INFLATE_MIN)
    );
  }

  /**
   * Reads a part with the handlers `make` gives (made afresh for each reading): by the plain XML reader
   * (src/xlsx/plainXml.ts), and again by saxes when the XML is not of the plain kind that reader takes. Inflated as a
   * stream by the asynchronous inflater when there is one and the part is large enough (each piece parsed as it
   * comes: the part is never held whole), else by the synchronous one given, or fflate. A reading by the
   * asynchronous inflater that stops for any other reason than a limit is done again by fflate, which has the last
   * word on what is wrong with the part: the outcome never depends on the inflater.
   */
  private async read<T>(name: string, make: () => PartReading<T>): Promise<T> {
    const e = this.entry(name);
    if (e === undefined) throw new PartDamagedError(name, "missing");
    this.part = name;
    const limit = this.partLimit();
    const cells = this.cells;
    const once = async (plain: boolean, native: boolean): Promise<T> => {
      this.cells = cells;
      const reading = make();
      const sink = plain ? new PlainXmlParser(reading.handlers) : saxesSink(name, reading.handlers);
      if (native) await streamPartTextAsync(this.zip, e, limit, sink, this.inflateRawAsync!);
      else streamPartText(this.zip, e, limit, sink, this.wholeInflater(e));
      return reading.result();
    };
    const plainThenSaxes = async (native: boolean): Promise<T> => {
      try {
        return await once(true, native);
      } catch (error) {
        if (!(error instanceof NotPlainXml)) throw error;
      }
      return once(false, native);
    };
    const readAll = async (native: boolean): Promise<T> => {
      const result = await plainThenSaxes(native);
      this.inflated += e.uncompressedSize;
      return result;
    };
    if (this.streamsNatively(e)) {
      try {
        return await readAll(true);
      } catch (error) {
        // a limit stops the reading whatever the inflater; anything else is read again by fflate below
        if (error instanceof Unreadable || error instanceof PartTooLargeError) throw error;
      }
    }
    return readAll(false);
  }

  /** The small text of a stored part (an .ods's mimetype), or "". */
  smallText(name: string, max = 256): string {
    const e = this.entry(name);
    if (e === undefined || e.uncompressedSize > max) return "";
    const decoder = new TextDecoder();
    let text = "";
    try {
      inflateEntry(this.zip, e, max, (c) => (text += decoder.decode(c, { stream: true })));
    } catch {
      return "";
    }
    return text + decoder.decode();
  }

  async relationships(relsPart: string): Promise<Map<string, Relationship>> {
    if (this.entry(relsPart) === undefined) return new Map();
    return this.read(relsPart, () => {
      const out = new Map<string, Relationship>();
      return {
        handlers: {
          open: (name, a) => {
            if (name !== "Relationship" || a.Id === undefined || a.Target === undefined) return;
            if (a.TargetMode === "External") return;
            out.set(a.Id, { type: a.Type ?? "", target: a.Target });
          },
        },
        result: () => out,
      };
    });
  }

  async workbook(part: string): Promise<{ date1904: boolean; sheets: { name: string; rid: string }[] }> {
    return this.read(part, () => {
      let date1904 = false;
      const sheets: { name: string; rid: string }[] = [];
      return {
        handlers: {
          open: (name, a) => {
            if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
            else if (name === "sheet") sheets.push({ name: a.name ?? "", rid: attr(a, "id") ?? "" });
          },
        },
        result: () => ({ date1904, sheets }),
      };
    });
  }

  async sharedStrings(part: string): Promise<string[]> {
    return this.read(part, () => {
      const strings: string[] = [];
      let current: string[] | null = null;
      let inText = false;
      let phonetic = 0;
      return {
        handlers: {
          open: (name) => {
            if (name === "si") current = [];
            else if (name === "rPh") phonetic++;
            else if (name === "t" && current !== null && phonetic === 0) inText = true;
          },
          text: (text) => {
            if (inText) current!.push(text);
          },
          close: (name) => {
            if (name === "t") inText = false;
            else if (name === "rPh") phonetic--;
            else if (name === "si" && current !== null) {
              strings.push(detached(decodeXString(current.join(""))));
              current = null;
            }
          },
        },
        result: () => strings,
      };
    });
  }

  /** For each cell style (the `s` of a cell), whether it shows a date or time. */
  async dateStyles(part: string): Promise<boolean[]> {
    return this.read(part, () => {
      const codes = new Map<number, string>();
      let inCellXfs = false;
      const pending: number[] = [];
      return {
        handlers: {
          open: (name, a) => {
            if (name === "numFmt") codes.set(Number(a.numFmtId), a.formatCode ?? "");
            else if (name === "cellXfs") inCellXfs = true;
            else if (name === "xf" && inCellXfs) pending.push(Number(a.numFmtId ?? 0));
          },
          close: (name) => {
            if (name === "cellXfs") inCellXfs = false;
          },
        },
        result: () => pending.map((id) => isDateFormat(id, codes.get(id))),
      };
    });
  }

  /** One worksheet as rows of plain values, with the marks of the cells that need a word. */
  worksheet(part: string, sheetName: string, strings: string[], dateStyles: boolean[] | null): Promise<SheetData> {
    return this.read(part, () => this.worksheetReading(part, sheetName, strings, dateStyles));
  }

  /** The handlers that read a worksheet's cells into rows, and the sheet they make. */
  private worksheetReading(
    part: string,
    sheetName: string,
    strings: string[],
    dateStyles: boolean[] | null,
  ): PartReading<SheetData> {
    const rows: CellValue[][] = [];
    const marks: CellMark[] = [];
    const limits = this.limits;
    let rowIndex = -1;
    let cells: CellValue[] = [];
    let col = -1;
    let type = "n";
    let style = 0;
    let value: string | null = null;
    let formula: string | null = null;
    /** The text of the cell's inline string (null: none), gathered from its <t> elements. */
    let inline: string | null = null;
    /** What the text read goes to: nothing, `captured` (a <v> or an <f>), or `inline` (a <t> of an inline string). */
    let capturing = NOTHING;
    let captured = "";
    const ref = { row: 0, column: 0 };
    // Read once per sheet, not once per cell (compiled to CommonJS, an imported function is a property read per use).
    const locate = readCellAddress;
    let phonetic = 0;
    let inSheetData = false;

    const endRow = () => {
      if (cells.length === 0) return;
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      this.cells += cells.length;
      if (this.cells > limits.cells) throw new Unreadable("tooManyCells", { limit: limits.cells });
      rows[rowIndex] = cells;
      cells = [];
    };

    /** The text of the <v> or <f> element that ends (what it holds); an element out of place is damage. */
    const capturedText = (): string => {
      const text = capturing === CAPTURED ? captured : capturing === INLINE ? inline! : null;
      if (text === null) throw new PartDamagedError(part, "a value or formula element out of place");
      capturing = NOTHING;
      return text;
    };

    const endCell = () => {
      let v: CellValue;
      if (type === "inlineStr") v = decodeXString(inline ?? "");
      else if (value === null) {
        if (formula !== null) {
          marks.push({ kind: "formulaNoValue", row: rowIndex, col, formula: detached(formula) });
          cells[col] = null;
        }
        return;
      } else if (type === "s") {
        const index = digitsValue(value);
        const s = strings[index >= 0 ? index : Number(value)];
        if (s === undefined) throw new PartDamagedError(part, `shared string ${value} does not exist`);
        v = s;
      } else if (type === "str") v = decodeXString(value);
      else if (type === "b") v = value === "1" || value === "true";
      else if (type === "e") v = value;
      else if (type === "d") v = isoDateTimeToSerial(value) ?? value;
      else {
        const whole = digitsValue(value);
        const n = whole >= 0 ? whole : Number(value);
        v = whole >= 0 ? whole : value.trim() === "" || Number.isNaN(n) ? value : n;
        if (dateStyles !== null && typeof v === "number" && dateStyles[style] === true) v += DATE_1904_OFFSET;
      }
      if (typeof v === "string") {
        if (v.length > EXCEL_MAX_CELL_TEXT) marks.push({ kind: "textOverLimit", row: rowIndex, col, length: v.length });
        // a shared string is detached once, when its table is read
        if (type !== "s") v = detached(v);
      }
      cells[col] = v;
    };

    return {
      handlers: {
        open: (name, a) => {
          switch (name) {
            case "sheetData":
              inSheetData = true;
              return;
            case "row": {
              if (!inSheetData) return;
              endRow();
              const number = a.r === undefined ? -1 : digitsValue(a.r);
              const r = a.r === undefined ? rowIndex + 1 : (number >= 0 ? number : Number(a.r)) - 1;
              if (!Number.isInteger(r) || r < 0) throw new PartDamagedError(part, `row number "${a.r}"`);
              if (r >= limits.rows) throw new Unreadable("tooManyRows", { sheet: sheetName, limit: limits.rows });
              rowIndex = r;
              col = -1;
              return;
            }
            case "c": {
              if (!inSheetData) return;
              const located = a.r !== undefined && locate(a.r, ref);
              col = located ? ref.column : col + 1;
              if (located && ref.row !== rowIndex) {
                // A cell outside its row element (or rows without numbers): follow the cell.
                endRow();
                if (ref.row >= limits.rows)
                  throw new Unreadable("tooManyRows", { sheet: sheetName, limit: limits.rows });
                rowIndex = ref.row;
              }
              if (col >= MAX_COLUMNS) throw new PartDamagedError(part, `column ${col + 1} is past Excel's last`);
              type = a.t ?? "n";
              const s = a.s === undefined ? 0 : digitsValue(a.s);
              style = s >= 0 ? s : Number(a.s);
              value = null;
              formula = null;
              inline = null;
              return;
            }
            case "v":
              capturing = CAPTURED;
              captured = "";
              return;
            case "f":
              capturing = CAPTURED;
              captured = "";
              formula = "";
              return;
            case "is":
              inline = "";
              return;
            case "rPh":
              phonetic++;
              return;
            case "t":
              if (inline !== null && phonetic === 0) capturing = INLINE;
              return;
          }
        },
        text: (text) => {
          if (capturing === CAPTURED) captured += text;
          else if (capturing === INLINE) inline += text;
        },
        close: (name) => {
          switch (name) {
            case "v":
              value = capturedText();
              return;
            case "f":
              formula = capturedText();
              return;
            case "t":
              if (capturing === INLINE) capturing = NOTHING;
              return;
            case "rPh":
              phonetic--;
              return;
            case "c":
              if (inSheetData && col >= 0) endCell();
              return;
            case "sheetData":
              endRow();
              inSheetData = false;
              return;
          }
        },
      },
      result: () => {
        endRow();
        const empty: CellValue[] = [];
        for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = empty;
        return { name: sheetName, rows, ...(marks.length > 0 ? { marks } : {}) };
      },
    };
  }
}

/** The parts of a workbook package, by their relationships (with the usual names as fallback). */
async function readPackage(reader: XlsxReader): Promise<SheetData[]> {
  if (reader.entry("mimetype") !== undefined) {
    const mime = reader.smallText("mimetype").trim();
    if (mime.startsWith(ODS_MIMETYPE)) throw new Unreadable("ods", undefined, mime);
    if (mime.startsWith("application/vnd.oasis.opendocument"))
      throw new Unreadable("notWorkbook", undefined, `OpenDocument ${mime}`);
  }
  reader.checkDeclared(["_rels/.rels"]);
  const rootRels = await reader.relationships("_rels/.rels");
  const office = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type));
  const workbookPart = office ? resolvePart("", office.target) : "xl/workbook.xml";
  if (/\.bin$/i.test(workbookPart) || (reader.entry(workbookPart) === undefined && reader.entry("xl/workbook.bin")))
    throw new Unreadable("xlsb");
  if (reader.entry(workbookPart) === undefined)
    throw new Unreadable("notWorkbook", undefined, `no workbook part (${workbookPart})`);

  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const relsPart = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  reader.checkDeclared([workbookPart, relsPart]);
  const wb = await reader.workbook(workbookPart);
  const rels = await reader.relationships(relsPart);
  const relOf = (test: RegExp, fallback: string) => {
    const r = [...rels.values()].find((x) => test.test(x.type));
    return r ? resolvePart(folder, r.target) : reader.entry(fallback) ? fallback : null;
  };
  const stringsPart = relOf(REL_SHARED_STRINGS, `${folder}sharedStrings.xml`);
  const stylesPart = wb.date1904 ? relOf(REL_STYLES, `${folder}styles.xml`) : null;
  const sheetParts = wb.sheets.flatMap((s) => {
    const rel = rels.get(s.rid);
    if (rel === undefined) throw new PartDamagedError(relsPart, `no relationship ${s.rid} for sheet "${s.name}"`);
    // Chart sheets, dialog sheets and macro sheets hold no table.
    return REL_WORKSHEET.test(rel.type) ? [{ name: s.name, part: resolvePart(folder, rel.target) }] : [];
  });
  reader.checkDeclared([
    workbookPart,
    relsPart,
    ...(stringsPart ? [stringsPart] : []),
    ...(stylesPart ? [stylesPart] : []),
    ...sheetParts.map((s) => s.part),
  ]);
  if (sheetParts.length === 0) throw new Unreadable("notWorkbook", undefined, "no worksheet");
  const strings = stringsPart && reader.entry(stringsPart) ? await reader.sharedStrings(stringsPart) : [];
  const dateStyles =
    stylesPart && reader.entry(stylesPart) ? await reader.dateStyles(stylesPart) : wb.date1904 ? [] : null;
  const sheets: SheetData[] = [];
  // one sheet at a time: one part inflated whole at a time
  for (const s of sheetParts) sheets.push(await reader.worksheet(s.part, s.name, strings, dateStyles));
  return sheets;
}

/** Why a compound (OLE) file cannot be read. */
function compoundReason(bytes: Uint8Array): ReadResult {
  let kind: ReturnType<typeof compoundFileKind>;
  try {
    kind = compoundFileKind(bytes);
  } catch (e) {
    return { ok: false, reason: "damaged", params: { part: "OLE" }, detail: (e as Error).message };
  }
  if (kind === "encrypted") return { ok: false, reason: "encrypted" };
  if (kind === "oldXls") return { ok: false, reason: "oldXls" };
  return { ok: false, reason: "notWorkbook", detail: "OLE compound file (not a workbook)" };
}

/** Reads the bytes of a received file into the plain grid, or the reason it cannot. */
export async function readXlsxBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const limits = { ...READ_LIMITS, ...options.limits };
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > limits.fileBytes)
    return {
      ok: false,
      reason: "tooLarge",
      detail: String(bytes.length),
      params: { limit: megabytes(limits.fileBytes) },
    };
  if (startsWith(bytes, OLE_MAGIC)) return compoundReason(bytes);
  if (!startsWith(bytes, ZIP_MAGIC)) return { ok: false, reason: "notWorkbook" };
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (e) {
    return { ok: false, reason: "damaged", params: { part: "zip" }, detail: (e as Error).message };
  }
  const reader = new XlsxReader(
    bytes,
    entries,
    limits,
    options.inflateRaw,
    options.inflateRawAsync,
    options.asyncInflateMin,
  );
  let sheets: SheetData[];
  try {
    sheets = await readPackage(reader);
  } catch (e) {
    if (e instanceof Unreadable)
      return { ok: false, reason: e.reason, ...(e.params ? { params: e.params } : {}), detail: e.message };
    if (e instanceof PartTooLargeError)
      return {
        ok: false,
        reason: "unzippedTooLarge",
        params: { part: e.part, limit: megabytes(e.limit) },
        detail: e.message,
      };
    // Anything else (memory included) is this file's failure, never the batch's: the part being read is named.
    const part = e instanceof PartDamagedError ? e.part : e instanceof ZipStructureError ? "zip" : reader.part || "zip";
    return { ok: false, reason: "damaged", params: { part }, detail: e instanceof Error ? e.message : String(e) };
  }
  const hash = options.hash ? await options.hash(bytes) : undefined;
  return { ok: true, workbook: { fileName, ...(hash !== undefined ? { hash } : {}), sheets } };
}
