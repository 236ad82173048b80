/**
 * Writes an .xlsx of plain-value sheets as a stream, without holding a sheet in memory: each sheet's XML
 * (SpreadsheetML, ECMA-376 Part 1) is made here row by row and deflated into the zip (fflate's streaming
 * Zip, deflated with Node's zlib) as it comes, so time is linear and memory flat in the number of rows.
 * The command line's merge writes its consolidation with it (src/cli/writeConsolidation.ts).
 *
 * What a sheet holds: a styled header row, frozen, with an autofilter over the table; column widths;
 * cells of text, numbers and booleans, never formulas. Every string is a text cell with the text number
 * format "@" (shown as typed, never evaluated), kept character for character (src/xlsx/ooxmlText.ts:
 * control characters, CR and the noncharacters XML cannot hold as `_xHHHH_`, a literal `_xHHHH_` escaped
 * itself); a number gets its column's number format (a date is its serial with a date format).
 *
 * Strings go to the shared-strings table while it is small (the same file name, objective and message
 * repeat on many rows: one copy in the file, one in memory); once it holds SHARED_STRINGS_MAX strings or
 * SHARED_CHARS_MAX characters, later new strings are written inline in the cell, so memory stays bounded
 * however many distinct texts come; so are the texts of a column that seldom repeat. Styles are shared by every cell that has them.
 *
 * Writing is synchronous: each piece is deflated and handed to the sink before the call returns, so
 * nothing waits in a queue (a file sink writes it to disk at once).
 */
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from "fflate";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { columnLetter, MAX_ROWS, sheetPartName } from "../core/a1";
import { cellData } from "../core/consolidate";
import type { CellValue } from "../core/excelValues";
import { HEADER_FILL, HEADER_FONT } from "../core/layout";
import { encodeXString } from "../xlsx/ooxmlText";
import { Utf8Pieces } from "./utf8Pieces";

/** How a sheet looks: header texts, number format of a column's numbers, width of a column (0-based columns). */
export interface SheetLook {
  headers: readonly string[];
  numberFormats: Readonly<Record<number, string>>;
  widths: Readonly<Record<number, number>>;
}

/** The text number format: Excel shows the cell as typed and does not parse an edit as a formula. */
export const TEXT_FORMAT = "@";

/** Most strings, and characters, the shared-strings table takes before new strings are written inline. */
export const SHARED_STRINGS_MAX = 50_000;
export const SHARED_CHARS_MAX = 4_000_000;

/** Texts of a column looked up in the shared-strings table before it may be written inline (see SheetStream). */
export const INLINE_TRIAL = 2_000;

/**
 * zlib level: 1. On the 110 MB of sheet XML of a 100,000-row consolidation, level 1 deflates in 0.33 s what level
 * 3 deflates in 0.57 s (and 6 in about twice that), to 14.0 MB instead of 11.8 MB: the writer thread is on the
 * merge's critical path, a few more megabytes are not.
 */
const LEVEL = 1;

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const XML_SPECIAL = /[&<>"]/;
/** Text as it goes in XML (element text or a double-quoted attribute). */
function xmlEscape(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A string as a cell or shared string holds it: OOXML's escapes, then XML's. */
const xstring = (text: string) => xmlEscape(encodeXString(text));

/**
 * One zip entry, deflated by Node's zlib piece by piece: each piece ends with a sync flush, so the pieces
 * join into one deflate stream (the last one finishes it). A ZipInputFile of fflate's streaming Zip.
 */
class DeflatedEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 8;
  ondata?: AsyncFlateStreamHandler;
  private running = 0;

  constructor(readonly filename: string) {}

  push(bytes: Uint8Array, final: boolean): void {
    this.size += bytes.length;
    this.running = crc32(bytes, this.running);
    if (final) this.crc = this.running;
    const out = deflateRawSync(bytes, {
      level: LEVEL,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    });
    this.ondata!(null, out, final);
  }
}

/** Strings kept once for the whole file while the table is small (see SHARED_STRINGS_MAX). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private chars = 0;
  /** Cells that refer to a shared string (the table's `count`). */
  uses = 0;

  constructor(
    private readonly maxStrings: number,
    private readonly maxChars: number,
  ) {}

  /** The string's index in the table, adding it while there is room; -1 when it is to be written inline. */
  indexOf(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      if (this.index.size >= this.maxStrings || this.chars + text.length > this.maxChars) return -1;
      i = this.index.size;
      this.index.set(text, i);
      this.chars += text.length;
    }
    this.uses++;
    return i;
  }

  get size(): number {
    return this.index.size;
  }

  /** Writes the table's XML (strings in index order: a Map keeps insertion order). */
  write(xml: Utf8Pieces): void {
    xml.add(`${XML_DECLARATION}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.index.size}">`);
    for (const text of this.index.keys()) xml.add(`<si><t xml:space="preserve">${xstring(text)}</t></si>`);
    xml.add("</sst>");
  }
}

/** Cell styles (cellXfs): 0 default, 1 header, 2 text, then one per number format, shared by every cell. */
class Styles {
  static readonly HEADER = 1;
  static readonly TEXT = 2;
  private readonly formats = new Map<string, number>();

  /** The style of numbers with this format (0 for none). */
  forNumbers(format: string | undefined): number {
    if (format === undefined || format === "" || format === "General") return 0;
    let style = this.formats.get(format);
    if (style === undefined) this.formats.set(format, (style = 3 + this.formats.size));
    return style;
  }

  xml(): string {
    const custom = [...this.formats.keys()];
    const numFmts = custom.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlEscape(f)}"/>`).join("");
    const numberXfs = custom
      .map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
      .join("");
    const rgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${NS_MAIN}">` +
      (custom.length > 0 ? `<numFmts count="${custom.length}">${numFmts}</numFmts>` : "") +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      `<font><b/><sz val="11"/><color rgb="${rgb(HEADER_FONT)}"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(HEADER_FILL)}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${3 + custom.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
      '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">' +
      '<alignment vertical="center" wrapText="1"/></xf>' +
      '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      `${numberXfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

/**
 * One table being written as a sheet: rows are added in order, then `end`. A table longer than a sheet
 * (Excel's 1,048,576 rows, header included) goes on in sheets of its own named "Name (2)", "Name (3)", each
 * with the header row.
 */
export class SheetStream {
  /** Data rows written (the header rows not counted), every sheet of the table included. */
  rows = 0;
  /** Sheets the table has taken so far. */
  sheets = 0;
  private xml: Utf8Pieces | null = null;
  private sheetName = "";
  private rowsInSheet = 0;
  private ended = false;
  private readonly letters: string[];
  /** Per column: texts looked up in the shared-strings table, those found there, and whether it is written inline. */
  private readonly lookups: number[] = [];
  private readonly repeats: number[] = [];
  private readonly inline: boolean[] = [];
  /** ` s="N"` for the numbers of each column ("" for the default style). */
  private readonly numberStyle: string[];
  private readonly start: string;

  constructor(
    private readonly book: XlsxStreamWriter,
    readonly name: string,
    private readonly look: SheetLook,
    private readonly rowsPerSheet: number = MAX_ROWS - 1,
  ) {
    const columns = look.headers.length;
    this.letters = Array.from({ length: Math.max(1, columns) }, (_, c) => columnLetter(c));
    this.numberStyle = this.letters.map((_, c) => {
      const style = book.styles.forNumbers(look.numberFormats[c]);
      return style === 0 ? "" : ` s="${style}"`;
    });
    const widths = look.headers
      .map((h, c) => {
        const width = look.widths[c] ?? Math.min(40, Math.max(10, h.length + 2));
        return `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`;
      })
      .join("");
    this.start =
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (widths === "" ? "" : `<cols>${widths}</cols>`) +
      "<sheetData>";
    this.startSheet();
  }

  private startSheet(): void {
    this.sheets++;
    this.sheetName = sheetPartName(this.name, this.sheets);
    const entry = this.book.startEntry();
    this.xml = new Utf8Pieces((bytes, final) => entry.push(bytes, final));
    this.rowsInSheet = 0;
    this.xml.add(
      `${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        `<sheetViews><sheetView${this.book.sheetCount === 0 ? ' tabSelected="1"' : ""} workbookViewId="0">` +
        this.start,
    );
    this.row(1, this.look.headers, Styles.HEADER);
  }

  /** Adds the next data row (values by 0-based column; blank cells are left out). */
  addRow(values: readonly CellValue[]): void {
    if (this.ended) throw new Error(`sheet ${this.name} is already written`);
    if (this.rowsInSheet >= this.rowsPerSheet) {
      this.endSheet();
      this.startSheet();
    }
    this.rows++;
    this.row(++this.rowsInSheet + 1, values, Styles.TEXT);
  }

  private row(r: number, values: readonly CellValue[], textStyle: number): void {
    let xml = `<row r="${r}">`;
    for (let c = 0; c < values.length; c++) {
      const v = cellData(values[c]);
      if (v === null) continue;
      const ref = (this.letters[c] ?? this.letter(c)) + r;
      if (typeof v === "string") {
        const i = this.inline[c] === true ? -1 : this.sharedIndex(c, v);
        xml +=
          i >= 0
            ? `<c r="${ref}" s="${textStyle}" t="s"><v>${i}</v></c>`
            : `<c r="${ref}" s="${textStyle}" t="inlineStr"><is><t xml:space="preserve">${xstring(v)}</t></is></c>`;
      } else if (typeof v === "number") xml += `<c r="${ref}"${this.numberStyle[c] ?? ""}><v>${v}</v></c>`;
      else xml += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    }
    this.xml!.add(`${xml}</row>`);
  }

  /**
   * The string's index in the shared-strings table (-1: inline). A column whose texts seldom repeat (fewer than one
   * in ten of its first INLINE_TRIAL texts already in the table: comments, messages naming the value) is written
   * inline from then on: looking such texts up costs time (each is hashed whole) for nothing.
   */
  private sharedIndex(c: number, text: string): number {
    const strings = this.book.strings;
    const before = strings.size;
    const i = strings.indexOf(text);
    const lookups = (this.lookups[c] = (this.lookups[c] ?? 0) + 1);
    if (i >= 0 && strings.size === before) this.repeats[c] = (this.repeats[c] ?? 0) + 1;
    if (lookups === INLINE_TRIAL && (this.repeats[c] ?? 0) * 10 < lookups) this.inline[c] = true;
    return i;
  }

  /** The letter of a column past the headers (a row longer than the header row). */
  private letter(c: number): string {
    while (this.letters.length <= c) this.letters.push(columnLetter(this.letters.length));
    return this.letters[c]!;
  }

  /** Closes the current sheet's XML, with an autofilter over its table. */
  private endSheet(): void {
    const columns = this.look.headers.length;
    const range = `A1:${this.letters[Math.max(0, columns - 1)]}${this.rowsInSheet + 1}`;
    this.xml!.add(
      `</sheetData>${columns > 0 ? `<autoFilter ref="${range}"/>` : ""}` +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
    );
    this.xml!.end();
    this.xml = null;
    this.book.sheetWritten(this.sheetName, columns > 0 ? range : null);
  }

  /** Ends the table; no row can be added after. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.endSheet();
    this.book.tableEnded(this);
  }
}

/** The bytes of the .xlsx go to `sink` as they are made, in order. */
export type XlsxSink = (bytes: Uint8Array) => void;

/**
 * An .xlsx written as a stream: `addSheet` for each sheet in order (each ended before the next starts),
 * then `finish`, which writes the shared strings, styles and workbook parts and closes the zip.
 */
/** Options of a writer: the shared-strings table's bounds (tests set them low to write every string inline). */
export interface XlsxWriterOptions {
  creator?: string;
  sharedStrings?: number;
  sharedChars?: number;
}

export class XlsxStreamWriter {
  readonly strings: SharedStrings;
  readonly styles = new Styles();
  private readonly creator: string;
  private readonly zip: Zip;
  /** Each sheet written, with the range of its autofilter (null: none). */
  private readonly sheets: { name: string; filter: string | null }[] = [];
  private open: SheetStream | null = null;
  private finished = false;
  private failure: Error | null = null;

  constructor(sink: XlsxSink, options: XlsxWriterOptions = {}) {
    this.creator = options.creator ?? "LIAT";
    this.strings = new SharedStrings(
      options.sharedStrings ?? SHARED_STRINGS_MAX,
      options.sharedChars ?? SHARED_CHARS_MAX,
    );
    this.zip = new Zip((error, bytes) => {
      if (error) this.failure = error;
      else sink(bytes);
    });
  }

  /**
   * Starts the next table, on a sheet of its own (the previous table must be ended). `rowsPerSheet`: data
   * rows a sheet takes before the table goes on in the next one (Excel's grid by default).
   */
  addSheet(name: string, look: SheetLook, rowsPerSheet?: number): SheetStream {
    if (this.finished) throw new Error("the workbook is already written");
    if (this.open !== null) throw new Error(`sheet ${this.open.name} is not ended`);
    this.open = new SheetStream(this, name, look, rowsPerSheet);
    return this.open;
  }

  /** Sheets written so far. */
  get sheetCount(): number {
    return this.sheets.length;
  }

  /** The zip entry of the next sheet (called by a table as it starts a sheet). */
  startEntry(): DeflatedEntry {
    return this.entry(`xl/worksheets/sheet${this.sheets.length + 1}.xml`);
  }

  /** Called by a table when one of its sheets is written. */
  sheetWritten(name: string, filter: string | null): void {
    this.sheets.push({ name, filter });
    this.check();
  }

  /** Called by a table when it is ended. */
  tableEnded(table: SheetStream): void {
    if (this.open === table) this.open = null;
  }

  private entry(filename: string): DeflatedEntry {
    const entry = new DeflatedEntry(filename);
    this.zip.add(entry);
    this.check();
    return entry;
  }

  /** A part written whole: `write` adds its XML. */
  private part(filename: string, write: (xml: Utf8Pieces) => void): void {
    const entry = this.entry(filename);
    const xml = new Utf8Pieces((bytes, final) => entry.push(bytes, final));
    write(xml);
    xml.end();
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Writes the workbook's other parts and closes the zip; every sheet must be ended. */
  finish(): void {
    if (this.finished) return;
    if (this.open !== null) throw new Error(`sheet ${this.open.name} is not ended`);
    if (this.sheets.length === 0) throw new Error("a workbook needs a sheet");
    this.finished = true;
    const n = this.sheets.length;
    const sheetIds = this.sheets.map((_, i) => i + 1);
    this.part("xl/sharedStrings.xml", (xml) => this.strings.write(xml));
    this.part("xl/styles.xml", (xml) => xml.add(this.styles.xml()));
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    const filters = this.sheets
      .map((s, i) =>
        s.filter === null
          ? ""
          : `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(
              `${quoted(s.name)}!${absolute(s.filter)}`,
            )}</definedName>`,
      )
      .join("");
    this.part("xl/workbook.xml", (xml) =>
      xml.add(
        `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
          '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
          `<sheets>${this.sheets
            .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
            .join("")}</sheets>` +
          (filters === "" ? "" : `<definedNames>${filters}</definedNames>`) +
          '<calcPr calcId="191029"/></workbook>',
      ),
    );
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
    this.part("xl/_rels/workbook.xml.rels", (xml) =>
      xml.add(
        `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">` +
          sheetIds.map((i) => rel(`rId${i}`, `${NS_REL}/worksheet`, `worksheets/sheet${i}.xml`)).join("") +
          rel(`rId${n + 1}`, `${NS_REL}/styles`, "styles.xml") +
          rel(`rId${n + 2}`, `${NS_REL}/sharedStrings`, "sharedStrings.xml") +
          "</Relationships>",
      ),
    );
    this.part("_rels/.rels", (xml) =>
      xml.add(
        `${XML_DECLARATION}<Relationships xmlns="${NS_PKG_REL}">` +
          rel("rId1", `${NS_REL}/officeDocument`, "xl/workbook.xml") +
          rel("rId2", `${NS_PKG_REL}/metadata/core-properties`, "docProps/core.xml") +
          "</Relationships>",
      ),
    );
    const now = `${new Date().toISOString().slice(0, 19)}Z`;
    this.part("docProps/core.xml", (xml) =>
      xml.add(
        `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
          `<dc:creator>${xmlEscape(this.creator)}</dc:creator>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
          `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
      ),
    );
    const type = (part: string, contentType: string) => `<Override PartName="${part}" ContentType="${contentType}"/>`;
    const OFFICE = "application/vnd.openxmlformats-officedocument";
    this.part("[Content_Types].xml", (xml) =>
      xml.add(
        `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          type("/xl/workbook.xml", `${OFFICE}.spreadsheetml.sheet.main+xml`) +
          sheetIds.map((i) => type(`/xl/worksheets/sheet${i}.xml`, `${OFFICE}.spreadsheetml.worksheet+xml`)).join("") +
          type("/xl/styles.xml", `${OFFICE}.spreadsheetml.styles+xml`) +
          type("/xl/sharedStrings.xml", `${OFFICE}.spreadsheetml.sharedStrings+xml`) +
          type("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
          "</Types>",
      ),
    );
    this.zip.end();
    this.check();
  }
}
