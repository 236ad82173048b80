/**
 * The streaming .xlsx reader (src/xlsx/readXlsx.ts) on files crafted here, part by part: values
 * kept exactly, precise reasons for what cannot be read, limits that hold on hostile files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { inflateRawSync } from "node:zlib";
import { join } from "node:path";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { readWorkbookFile } from "../../src/cli/readWorkbook";
import { unreadableMessage } from "../../src/core/consolidate";
import { isoDateTimeToSerial, isoDateToSerial } from "../../src/core/dates";
import { cellMark, EXCEL_MAX_CELL_TEXT } from "../../src/core/grid";
import { compoundFileKind } from "../../src/xlsx/compoundFile";
import { isDateFormat } from "../../src/xlsx/numberFormats";
import { decodeXString } from "../../src/xlsx/ooxmlText";
import { readXlsxBytes, type ReadOptions, type ReadResult } from "../../src/xlsx/readXlsx";
import { inflateWithDecompressionStream } from "../../src/xlsx/streamInflater";
import { ASYNC_INFLATE_MIN } from "../../src/xlsx/partStream";
import { compoundFile } from "./xlsxFixtures";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

interface BookSpec {
  sheets?: { name: string; cells: string }[];
  strings?: string[];
  /** Raw <si> bodies, when the text needs runs or phonetic parts. */
  rawStrings?: string[];
  styles?: string;
  date1904?: boolean;
  extra?: Record<string, Uint8Array>;
  /** Store parts without deflating them. */
  stored?: boolean;
}

/** The parts of a minimal workbook package. */
function bookParts(spec: BookSpec): Record<string, Uint8Array> {
  const sheets = spec.sheets ?? [{ name: "Sheet1", cells: "" }];
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook ${NS} xmlns:r="${RNS}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets
      .map((s, i) => `<sheet name="${s.name.replace(/&/g, "&amp;")}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        "",
      )}<Relationship Id="rS" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rY" Type="${RNS}/styles" Target="/xl/styles.xml"/></Relationships>`,
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0"?><worksheet ${NS}><sheetData>${s.cells}</sheetData></worksheet>`;
  });
  const sis = [...(spec.strings ?? []).map((t) => `<t xml:space="preserve">${t}</t>`), ...(spec.rawStrings ?? [])];
  if (sis.length > 0) parts["xl/sharedStrings.xml"] = `<sst ${NS}>${sis.map((x) => `<si>${x}</si>`).join("")}</sst>`;
  if (spec.styles !== undefined) parts["xl/styles.xml"] = `<styleSheet ${NS}>${spec.styles}</styleSheet>`;
  return { ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), ...spec.extra };
}

function book(spec: BookSpec = {}): Uint8Array {
  return zipSync(bookParts(spec), { level: spec.stored ? 0 : 6 });
}

async function read(bytes: Uint8Array, options: ReadOptions = {}) {
  const r = await readXlsxBytes(bytes, "f.xlsx", options);
  if (!r.ok) throw new Error(`unreadable: ${r.reason} ${r.detail ?? ""}`);
  return r.workbook;
}

async function refused(bytes: Uint8Array, options: ReadOptions = {}): Promise<Extract<ReadResult, { ok: false }>> {
  const r = await readXlsxBytes(bytes, "f.xlsx", options);
  if (r.ok) throw new Error("read, but should have been refused");
  return r;
}

/** Central directory entries of a zip built by fflate (no comment), with their offsets. */
function centralEntries(zip: Uint8Array): { name: string; at: number }[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  const out: { name: string; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const n = dv.getUint16(at + 28, true);
    out.push({ name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + n)), at });
    at += 46 + n + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
  return out;
}

/** The zip with the uncompressed size of one entry declared as `size` (a lie, small or huge). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const e = centralEntries(out).find((x) => x.name === name)!;
  new DataView(out.buffer).setUint32(e.at + 24, size, true);
  return out;
}

/**
 * The zip with one entry's data cut to half its length, its compressed size in the directory and local header saying
 * so (a deflate stream that ends too early; the zip itself is sound).
 */
function truncateEntry(zip: Uint8Array, name: string): Uint8Array {
  const e = centralEntries(zip).find((x) => x.name === name)!;
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const size = dv.getUint32(e.at + 20, true);
  const local = dv.getUint32(e.at + 42, true);
  const out = zip.slice();
  const odv = new DataView(out.buffer);
  const half = Math.floor(size / 2);
  odv.setUint32(e.at + 20, half, true);
  odv.setUint32(local + 18, half, true);
  return out;
}

const cell = (ref: string, body: string, attrs = "") => `<c r="${ref}"${attrs}>${body}</c>`;
const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;

/** A workbook's bytes with one to eight of them changed (any byte, any value). */
const changedBytes = (good: Uint8Array) =>
  fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }).map((changes) => {
    const bytes = good.slice();
    for (const [at, v] of changes) bytes[at] = v;
    return bytes;
  });
describe("values are kept exactly", () => {
  it("reads numbers, shared and inline strings, booleans, errors and cached formula results", async () => {
    const wb = await read(
      book({
        strings: ["Code", "Statut"],
        sheets: [
          {
            name: "Emploi",
            cells:
              row(1, cell("A1", "<v>0</v>", ' t="s"'), cell("C1", "<v>1</v>", ' t="s"')) +
              row(
                3,
                cell("A3", "<v>1.5</v>"),
                cell("B3", "<is><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r></is>", ' t="inlineStr"'),
                cell("C3", "<v>1</v>", ' t="b"'),
                cell("D3", "<v>#N/A</v>", ' t="e"'),
                cell("E3", "<f>UPPER(B3)</f><v>RICH</v>", ' t="str"'),
                cell("F3", "<f>1+1</f><v>2</v>"),
              ),
          },
        ],
      }),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(["Emploi"]);
    const rows = wb.sheets[0]!.rows;
    expect(rows[0]).toEqual(["Code", null, "Statut"]);
    expect(rows[1]).toEqual([]);
    expect(rows[2]).toEqual([1.5, "rich", true, "#N/A", "RICH", 2]);
    expect(wb.sheets[0]!.marks).toBeUndefined();
  });

  it('reads ISO date cells (t="d") as serials of the 1900 system, to the millisecond', async () => {
    const wb = await read(
      book({
        sheets: [
          {
            name: "S",
            cells: row(
              1,
              cell("A1", "<v>2025-03-01</v>", ' t="d"'),
              cell("B1", "<v>2025-03-01T12:30:45.678</v>", ' t="d"'),
              cell("C1", "<v>2025-03-01T00:00:00Z</v>", ' t="d"'),
            ),
          },
        ],
      }),
    );
    const [a, b, c] = wb.sheets[0]!.rows[0]!;
    expect(a).toBe(isoDateToSerial("2025-03-01"));
    expect(a).toBe(45717); // not 1905-07-17
    expect(c).toBe(45717);
    const ms = Math.round(((b as number) - 45717) * 86_400_000);
    expect(ms).toBe(((12 * 60 + 30) * 60 + 45) * 1000 + 678);
    expect(isoDateTimeToSerial("2025-02-30")).toBeNull();
  });

  it("converts the dates of a 1904 workbook (date formats only) to the 1900 system", async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const wb = await read(
      book({
        date1904: true,
        styles,
        sheets: [
          {
            name: "S",
            cells: row(
              1,
              cell("A1", "<v>44255</v>", ' s="1"'),
              cell("B1", "<v>44255.5</v>", ' s="2"'),
              cell("C1", "<v>44255</v>", ' s="3"'),
              cell("D1", "<v>44255</v>"),
            ),
          },
        ],
      }),
    );
    // 44255 in the 1904 system is 2025-03-01.
    expect(wb.sheets[0]!.rows[0]).toEqual([45717, 45717.5, 44255, 44255]);
  });

  it("keeps date-times to the millisecond as stored", async () => {
    const wb = await read(book({ sheets: [{ name: "S", cells: row(1, cell("A1", "<v>45717.520833344907</v>")) }] }));
    expect(wb.sheets[0]!.rows[0]![0]).toBe(Number("45717.520833344907"));
  });

  it("keeps text character for character: CR, control characters, _xHHHH_ escapes, spaces", async () => {
    const wb = await read(
      book({
        strings: ["a_x000D_b", "tab\there_x0001_", "_x005F_x0041_ stays", "  spaced  ", "line&#13;cr", "é 😀 _x"],
        rawStrings: ['<r><t>ru</t></r><r><t>by</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh>'],
        sheets: [
          {
            name: "S",
            cells: row(
              1,
              ...[0, 1, 2, 3, 4, 5, 6].map((i) => cell(`${String.fromCharCode(65 + i)}1`, `<v>${i}</v>`, ' t="s"')),
              cell("H1", "<is><t>x_x000A_y</t></is>", ' t="inlineStr"'),
            ),
          },
        ],
      }),
    );
    expect(wb.sheets[0]!.rows[0]).toEqual([
      "a\rb",
      "tab\there\u0001",
      "_x0041_ stays",
      "  spaced  ",
      "line\rcr",
      "é 😀 _x",
      "ruby",
      "x\ny",
    ]);
    expect(decodeXString("_xD83D__xDE00_")).toBe("😀");
    expect(decodeXString("_x12G4_")).toBe("_x12G4_");
  });

  it("reports a formula without a cached value as such (blank value, marked), never as an empty cell", async () => {
    const wb = await read(
      book({
        sheets: [
          { name: "S", cells: row(2, cell("A2", "<v>1</v>"), cell("B2", "<f>A2*2</f>"), cell("C2", "", ' s="1"')) },
        ],
      }),
    );
    const sheet = wb.sheets[0]!;
    expect(sheet.rows[1]).toEqual([1, null]);
    expect(sheet.marks).toEqual([{ kind: "formulaNoValue", row: 1, col: 1, formula: "A2*2" }]);
    expect(cellMark(sheet, 1, 1)?.kind).toBe("formulaNoValue");
    expect(cellMark(sheet, 1, 0)).toBeUndefined();
  });

  it("keeps text over Excel's 32,767 characters whole and marks where it will be cut", async () => {
    const long = "x".repeat(EXCEL_MAX_CELL_TEXT + 10);
    const wb = await read(
      book({ sheets: [{ name: "S", cells: row(1, cell("A1", `<is><t>${long}</t></is>`, ' t="inlineStr"')) }] }),
    );
    expect(wb.sheets[0]!.rows[0]![0]).toBe(long);
    expect(wb.sheets[0]!.marks).toEqual([{ kind: "textOverLimit", row: 0, col: 0, length: long.length }]);
  });

  it("reads stored (not deflated) parts, cells without references, and sheets in workbook order", async () => {
    const wb = await read(
      book({
        stored: true,
        sheets: [
          { name: "B", cells: "<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>" },
          { name: "A & co", cells: "" },
        ],
      }),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(["B", "A & co"]);
    expect(wb.sheets[0]!.rows).toEqual([[1, 2], [3]]);
    expect(wb.sheets[1]!.rows).toEqual([]);
  });

  it("reads a worksheet that the plain XML reader leaves to saxes (a comment, CDATA) the same, counting its cells once", async () => {
    const cells =
      row(1, cell("A1", "<v>1</v>"), cell("B1", "<is><t>x &amp; y</t></is>", ' t="inlineStr"')) +
      row(2, cell("A2", "<v>2</v>"), cell("B2", "<v>3</v>"));
    const odd = `${cells.replace("<t>x &amp; y</t>", "<t><![CDATA[x & y]]></t>")}<!-- written by hand -->`;
    const plain = await read(book({ sheets: [{ name: "S", cells }] }));
    expect(plain.sheets[0]!.rows).toEqual([
      [1, "x & y"],
      [2, 3],
    ]);
    expect((await read(book({ sheets: [{ name: "S", cells: odd }] }))).sheets).toEqual(plain.sheets);
    expect((await read(book({ sheets: [{ name: "S", cells: `<!-- first -->${cells}` }] }))).sheets).toEqual(
      plain.sheets,
    );
    // the plain reader stops at the comment after counting the first row's cells, and saxes reads the part again:
    // four cells read, whichever reader read them: a limit of four cells is not passed, one of three is
    const late = book({ sheets: [{ name: "S", cells: `${cells}<!-- written by hand -->` }] });
    expect((await read(late, { limits: { cells: 4 } })).sheets).toEqual(plain.sheets);
    expect((await refused(late, { limits: { cells: 3 } })).reason).toBe("tooManyCells");
  });

  it("recognises date formats by their code", () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(2, undefined)).toBe(false);
    expect(isDateFormat(164, "yyyy-mm-dd")).toBe(true);
    expect(isDateFormat(164, '[Red]0.00;"days"')).toBe(false);
    expect(isDateFormat(164, "[h]:mm")).toBe(true);
    expect(isDateFormat(164, "General")).toBe(false);
  });
});

describe("files that cannot be read are named for what they are", () => {
  it("an empty file", async () => {
    expect((await refused(new Uint8Array(0))).reason).toBe("empty");
  });

  it("a file over the size limit, with the limit", async () => {
    const r = await refused(book(), { limits: { fileBytes: 100 } });
    expect(r.reason).toBe("tooLarge");
    expect(unreadableMessage(r.reason, r.params).en).toContain("over 0 MB");
  });

  it("an old binary .xls and an encrypted .xlsx, told apart by their directory", async () => {
    expect((await refused(compoundFile(["Workbook", "\u0005SummaryInformation"]))).reason).toBe("oldXls");
    expect((await refused(compoundFile(["Book"]))).reason).toBe("oldXls");
    expect((await refused(compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]))).reason).toBe(
      "encrypted",
    );
    expect((await refused(compoundFile(["WordDocument"]))).reason).toBe("notWorkbook");
    expect(compoundFileKind(compoundFile(["EncryptedPackage"]))).toBe("encrypted");
    const cut = await refused(compoundFile(["Workbook"]).slice(0, 12));
    expect(cut.reason).toBe("damaged");
  });

  it("an OpenDocument spreadsheet (.ods), an Excel binary workbook (.xlsb), a zip that is not a workbook", async () => {
    const ods = zipSync(
      {
        mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
        "content.xml": strToU8("<office:document-content/>"),
      },
      {},
    );
    expect((await refused(ods)).reason).toBe("ods");
    const odt = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }] });
    expect((await refused(odt)).reason).toBe("notWorkbook");
    const xlsb = zipSync({
      "_rels/.rels": strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="r" Type="${RNS}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      ),
      "xl/workbook.bin": new Uint8Array([1, 2, 3]),
    });
    expect((await refused(xlsb)).reason).toBe("xlsb");
    expect((await refused(zipSync({ "hello.txt": strToU8("hi") }))).reason).toBe("notWorkbook");
    expect((await refused(strToU8("city;status\nLyon;Planned\n"))).reason).toBe("notWorkbook");
  });

  it("a damaged sheet inside a valid zip is named as damaged, with the part", async () => {
    const parts = bookParts({ sheets: [{ name: "S", cells: row(1, cell("A1", "<v>1</v>")) }] });
    parts["xl/worksheets/sheet1.xml"] = strToU8(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></row>`);
    const r = await refused(zipSync(parts));
    expect(r.reason).toBe("damaged");
    expect(r.params).toEqual({ part: "xl/worksheets/sheet1.xml" });
    expect(unreadableMessage(r.reason, r.params).fr).toContain("xl/worksheets/sheet1.xml");

    // deflated bytes overwritten inside the part
    const good = book({ sheets: [{ name: "S", cells: row(1, cell("A1", "<v>1</v>")).repeat(200) }] });
    const e = centralEntries(good).find((x) => x.name === "xl/worksheets/sheet1.xml")!;
    const dv = new DataView(good.buffer);
    const local = dv.getUint32(e.at + 42, true);
    const data = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const broken = good.slice();
    broken.fill(0xff, data + 2, data + 40);
    const r2 = await refused(broken);
    expect(r2).toMatchObject({ reason: "damaged", params: { part: "xl/worksheets/sheet1.xml" } });

    // a sheet the workbook names that the zip lacks
    const missing = bookParts({});
    delete missing["xl/worksheets/sheet1.xml"];
    expect(await refused(zipSync(missing))).toMatchObject({
      reason: "damaged",
      params: { part: "xl/worksheets/sheet1.xml" },
    });
  });

  it("a zip cut short is damaged (its directory is gone)", async () => {
    const r = await refused(book().slice(0, 200));
    expect(r).toMatchObject({ reason: "damaged", params: { part: "zip" } });
  });

  it("a directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "liat-dir-"));
    try {
      expect(await readWorkbookFile(dir, "retours")).toEqual({ ok: false, reason: "directory" });
      expect(await readWorkbookFile(join(dir, "nope.xlsx"))).toEqual({ ok: false, reason: "notFound" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every reason has a French and an English text saying what to do", () => {
    for (const reason of ["directory", "oldXls", "encrypted", "ods", "xlsb", "damaged", "unzippedTooLarge"] as const) {
      const m = unreadableMessage(reason, { part: "p", limit: 1 });
      expect(m.fr).toMatch(/enregistr|demandez|donnez/i);
      expect(m.en).toMatch(/save|ask|give/i);
    }
  });
});

describe("memory kept is what is kept", () => {
  it("a cell text kept from a read keeps nothing else of the file alive (not its shared strings, not its sheet)", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // 3,000 shared strings of 60 characters (about 200 KB of XML) and a sheet of 3,000 inline strings: each read
    // keeps one text of each kind, as a consolidation keeps a row's cells
    const long = (i: number, what: string) => `${what} ${String(i).padStart(5, "0")} `.padEnd(60, "x");
    const strings = Array.from({ length: 3000 }, (_, i) => long(i, "shared"));
    const cells = Array.from({ length: 3000 }, (_, i) =>
      row(
        i + 1,
        cell(`A${i + 1}`, "<v>" + i + "</v>", ' t="s"'),
        cell(`B${i + 1}`, `<is><t>${long(i, "inline")}</t></is>`, ' t="inlineStr"'),
      ),
    ).join("");
    const bytes = book({ strings, sheets: [{ name: "S", cells }] });
    const kept: unknown[] = [];
    const keepOne = async () => {
      const rows = (await read(bytes)).sheets[0]!.rows;
      kept.push(rows[7]![0], rows[7]![1]);
    };
    await keepOne();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) await keepOne();
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept.slice(-2)).toEqual([long(7, "shared"), long(7, "inline")]);
    // 80 texts of 60 characters; keeping the pieces of XML they were cut from would be over 200 KB a read
    expect(grown).toBeLessThan(1_000_000);
  });
});

describe("resources stay bounded on hostile files", () => {
  /** A sheet part of `size` bytes of XML that deflates to almost nothing. */
  function bombSheet(size: number): Uint8Array {
    const head = `<worksheet ${NS}><sheetData>`;
    const tail = "</sheetData></worksheet>";
    const body = new Uint8Array(size);
    body.set(strToU8(head));
    body.fill(0x20, head.length, size - tail.length);
    body.set(strToU8(tail), size - tail.length);
    return body;
  }

  it("refuses a part whose declared size passes the limit before inflating anything", async () => {
    const zip = zipSync({ ...bookParts({}), "xl/worksheets/sheet1.xml": bombSheet(4096) });
    // declared as 4 GiB: refused by the directory alone
    const r = await refused(declareSize(zip, "xl/worksheets/sheet1.xml", 0xfffffff0));
    expect(r).toMatchObject({ reason: "unzippedTooLarge", params: { part: "xl/worksheets/sheet1.xml", limit: 256 } });
    expect(unreadableMessage(r.reason, r.params).en).toContain("xl/worksheets/sheet1.xml exceeds 256 MB");
  });

  it("stops inflating a part at its limit, and at the size it declared (a lying bomb)", async () => {
    const zip = zipSync({ ...bookParts({}), "xl/worksheets/sheet1.xml": bombSheet(8 * 1024 * 1024) });
    expect(await refused(zip, { limits: { partBytes: 1024 * 1024 } })).toMatchObject({
      reason: "unzippedTooLarge",
      params: { part: "xl/worksheets/sheet1.xml" },
    });
    const lying = declareSize(zip, "xl/worksheets/sheet1.xml", 1000);
    const r = await refused(lying);
    expect(r).toMatchObject({ reason: "damaged", params: { part: "xl/worksheets/sheet1.xml" } });
    expect(r.detail).toMatch(/more data than the zip directory declares/);
  });

  it("limits the parts read together", async () => {
    const zip = zipSync({ ...bookParts({}), "xl/worksheets/sheet1.xml": bombSheet(300_000) });
    expect(await refused(zip, { limits: { totalBytes: 200_000 } })).toMatchObject({ reason: "unzippedTooLarge" });
  });

  it("limits rows per sheet and cells per workbook, naming the sheet and the limit", async () => {
    const cells = Array.from({ length: 12 }, (_, i) =>
      row(i + 1, cell(`A${i + 1}`, "<v>1</v>"), cell(`B${i + 1}`, "<v>2</v>")),
    );
    const zip = book({ sheets: [{ name: "Big", cells: cells.join("") }] });
    const rows = await refused(zip, { limits: { rows: 10 } });
    expect(rows).toMatchObject({ reason: "tooManyRows", params: { sheet: "Big", limit: 10 } });
    expect(unreadableMessage(rows.reason, rows.params).en).toBe(
      'Sheet "Big" has more than 10 rows: delete the rows not needed and save again.',
    );
    expect(await refused(zip, { limits: { cells: 20 } })).toMatchObject({
      reason: "tooManyCells",
      params: { limit: 20 },
    });
    expect(unreadableMessage("tooManyCells", { limit: 4_000_000 }).en).toContain("4,000,000");
    expect(unreadableMessage("tooManyCells", { limit: 4_000_000 }).fr).toMatch(/4\s000\s000/);
    expect((await read(zip, { limits: { rows: 12, cells: 24 } })).sheets[0]!.rows).toHaveLength(12);
  });

  it("a row past Excel's last is refused, not read", async () => {
    const zip = book({ sheets: [{ name: "S", cells: row(1048577, cell("A1048577", "<v>1</v>")) }] });
    expect(await refused(zip)).toMatchObject({ reason: "tooManyRows", params: { limit: 1_048_576 } });
  });

  /** The native inflaters: Node's zlib (the command line, synchronous) and DecompressionStream (the pane, asynchronous). */
  const inflaters: [string, (count: () => void) => ReadOptions][] = [
    [
      "Node's zlib (the command line)",
      (count) => ({
        inflateRaw: (data, maxLength) => {
          count();
          return inflateRawSync(data, { maxOutputLength: maxLength });
        },
      }),
    ],
    [
      "DecompressionStream (the task pane)",
      (count) => ({
        inflateRawAsync: (data, take) => {
          count();
          return inflateWithDecompressionStream(data, take);
        },
        // every part, however small (the pane gives it parts of ASYNC_INFLATE_MIN and more)
        asyncInflateMin: 0,
      }),
    ],
  ];

  it.each(inflaters)(
    "reads the same with %s as inflater as with fflate alone",
    async (_, make) => {
      let calls = 0;
      const native = make(() => calls++);
      const good = book({
        strings: ["Code", "Statut"],
        sheets: [{ name: "S", cells: row(1, cell("A1", "<v>0</v>", ' t="s"'), cell("B1", "<v>1</v>", ' t="s"')) }],
      });
      expect(await readXlsxBytes(good, "f.xlsx", native)).toEqual(await readXlsxBytes(good, "f.xlsx"));
      expect(calls).toBeGreaterThan(0);
      // the limits and their messages hold whatever the inflater: a part over its limit, a lying bomb, damage
      const bomb = zipSync({ ...bookParts({}), "xl/worksheets/sheet1.xml": bombSheet(8 * 1024 * 1024) });
      const limits = { partBytes: 1024 * 1024 };
      expect(await refused(bomb, { ...native, limits })).toEqual(await refused(bomb, { limits }));
      const lying = declareSize(bomb, "xl/worksheets/sheet1.xml", 1000);
      expect(await refused(lying, native)).toEqual(await refused(lying));
      expect((await refused(lying, native)).detail).toMatch(/more data than the zip directory declares/);
      // the total limit, met by the second part read whole
      const total = { totalBytes: 8 * 1024 * 1024 + 100 };
      expect(await refused(bomb, { ...native, limits: total })).toEqual(await refused(bomb, { limits: total }));
      // a sheet cut short inside the zip (its data truncated, the zip's sizes saying so): damaged, the same way
      const sheet = zipSync({ ...bookParts({ sheets: [{ name: "S", cells: row(1, cell("A1", "<v>1</v>")) }] }) });
      const cut = truncateEntry(sheet, "xl/worksheets/sheet1.xml");
      expect(await readXlsxBytes(cut, "f.xlsx", native)).toEqual(await readXlsxBytes(cut, "f.xlsx"));
      expect(await refused(cut, native)).toMatchObject({ reason: "damaged" });
      await fc.assert(
        fc.asyncProperty(changedBytes(good), async (bytes) => {
          expect(await readXlsxBytes(bytes, "f.xlsx", native)).toEqual(await readXlsxBytes(bytes, "f.xlsx"));
        }),
        { numRuns: 300 },
      );
    },
    60_000,
  );

  it("reads a sheet of several MiB the same stored or deflated, by fflate, zlib or DecompressionStream, however its pieces are cut", async () => {
    const zlib = { inflateRaw: (data: Uint8Array, max: number) => inflateRawSync(data, { maxOutputLength: max }) };
    // about 3 MB of sheet XML: pieces of 1 MiB, cut after a ">" (here also one inside a value: "a>b")
    const cells = Array.from({ length: 20_000 }, (_, i) =>
      row(
        i + 1,
        cell(`A${i + 1}`, "<v>0</v>", ' t="s"'),
        cell(`B${i + 1}`, `<v>${i}</v>`, ' s="0"'),
        cell(`C${i + 1}`, "<is><t>a&gt;b é</t></is>", ' t="inlineStr"'),
      ),
    ).join("");
    const spec = { strings: ["x"], sheets: [{ name: "S", cells }] };
    const deflated = await read(book(spec));
    expect(deflated.sheets[0]!.rows).toHaveLength(20_000);
    expect(deflated.sheets[0]!.rows[19_999]).toEqual(["x", 19_999, "a>b é"]);
    expect(await read(book({ ...spec, stored: true }))).toEqual(deflated);
    expect(await read(book(spec), zlib)).toEqual(deflated);
    // as the pane has it: the sheet (over ASYNC_INFLATE_MIN) by the stream, each piece parsed as it comes, the
    // small parts by fflate
    const bytes = book(spec);
    const pieces: number[] = [];
    const stream: ReadOptions = {
      inflateRawAsync: (data, take) =>
        inflateWithDecompressionStream(data, (piece) => {
          pieces.push(piece.length);
          take(piece);
        }),
    };
    expect(await read(bytes, stream)).toEqual(deflated);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.reduce((a, b) => a + b, 0)).toBeGreaterThan(ASYNC_INFLATE_MIN);
    // however an inflater cuts its output
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 20 }),
        async (sizes) => {
          const cutting: ReadOptions = {
            inflateRawAsync: async (data, take) => {
              const all = inflateRawSync(data);
              for (let at = 0, k = 0; at < all.length; k++) {
                const n = sizes[k % sizes.length]!;
                take(all.subarray(at, at + n));
                at += n;
              }
            },
          };
          expect(await read(bytes, cutting)).toEqual(deflated);
        },
      ),
      { numRuns: 15 },
    );
    // some twenty reads of 3 MB of XML: more than jest's default 5 s when the shared machine is busy
  }, 90_000);

  it("never throws, whatever bytes of a workbook are changed", async () => {
    const good = book({
      strings: ["Code", "Statut"],
      sheets: [{ name: "S", cells: row(1, cell("A1", "<v>0</v>", ' t="s"'), cell("B1", "<v>1</v>", ' t="s"')) }],
    });
    await fc.assert(
      fc.asyncProperty(changedBytes(good), async (bytes) => {
        const r = await readXlsxBytes(bytes, "f.xlsx");
        expect(typeof r.ok).toBe("boolean");
        if (!r.ok) expect(unreadableMessage(r.reason, r.params).en.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
