/**
 * The streamed .xlsx writer (src/cli/xlsxStreamWriter.ts) that `liat merge` writes its consolidation with:
 * every part is well-formed XML; text comes back character for character (CR, control characters, `_xHHHH_`
 * written literally, noncharacters, lone surrogates, XML's own special characters, spaces at either end, text
 * cut at Excel's 32,767 characters) through a shared string and written inline; dates are numbers with a date
 * format; a table longer than a sheet goes on in the next sheet. Independent readers open it: openpyxl (warnings
 * as errors) and real headless LibreOffice. No skip: without /usr/bin/soffice or openpyxl these tests fail.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { INLINE_TRIAL, XlsxStreamWriter, type XlsxWriterOptions } from "../../src/cli/xlsxStreamWriter";
import { isoDateToSerial } from "../../src/core/dates";
import type { CellValue } from "../../src/core/excelValues";
import { decodeXString, encodeXString } from "../../src/xlsx/ooxmlText";
import { readOk } from "./cliFixtures";

const exec = promisify(execFile);
const PYTHON = "/usr/bin/python3";
const OPENPYXL = join(__dirname, "..", "libreoffice", "openWithOpenpyxl.py");
const CALC = join(__dirname, "..", "libreoffice", "fillAndRecalc.py");

jest.setTimeout(180_000); // LibreOffice starts in a process of its own, on a machine shared by several test runs

const LONG = "é".repeat(40_000);
/** Texts a received file may hold, each to come back as it is. */
const TEXTS = [
  "line 1\r\nline 2\rline 3\nend",
  "tab\there, bell \u0007, escape \u001b, nul \u0000, DEL \u007f",
  "_x0041_ stays _x0041_, _x005F_ too, _xZZZZ_ is no escape, _x00_, _x0_ and _x_ neither",
  "non-characters \uFFFE \uFFFF, lone surrogates \uD800 and \uDC00, a pair 😀",
  "XML's own: & < > \" ' ]]> <!-- -->",
  "  spaces at both ends  ",
  '=HYPERLINK("http://x")',
  "Ligne\u2028séparée\u2029 et\u00a0insécable",
];

const DATE = isoDateToSerial("2025-03-01")!;
const HEADERS = ["Text", "Date", "Score", "Flag"];
const ROWS: CellValue[][] = [
  ...TEXTS.map((t, i): CellValue[] => [t, DATE + i, i + 0.25, i % 2 === 0]),
  [LONG, null, -0, false],
  [null, null, null, null],
  ["", 1e-7, 123456789012, null],
];

/** A workbook of one table, written by the writer with the given options. */
function write(options: XlsxWriterOptions = {}, rowsPerSheet?: number, rows: readonly CellValue[][] = ROWS): Buffer {
  const chunks: Uint8Array[] = [];
  const book = new XlsxStreamWriter((b) => chunks.push(b), options);
  const sheet = book.addSheet(
    "Données & <tests>",
    { headers: HEADERS, numberFormats: { 1: "yyyy-mm-dd", 2: "0.0" }, widths: { 0: 40 } },
    rowsPerSheet,
  );
  for (const r of rows) sheet.addRow(r);
  sheet.end();
  const other = book.addSheet("Other", { headers: ["A"], numberFormats: {}, widths: {} });
  other.addRow(["x"]);
  other.end();
  book.finish();
  return Buffer.concat(chunks);
}

/** What a reader should find: text cut at 32,767 characters, blanks and "" as nothing, numbers as written. */
function expected(v: CellValue): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return v.slice(0, 32_767);
  return v === 0 ? 0 : v; // Excel has no -0
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "liat-xlsx-writer-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["shared strings", {}],
  ["inline strings", { sharedStrings: 0 }],
])("the streamed .xlsx writer, %s", (_, options: XlsxWriterOptions) => {
  const bytes = write(options);

  it("writes well-formed XML in every part, strings where they were asked for", () => {
    const parts = unzipSync(bytes);
    expect(Object.keys(parts).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/core.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    for (const [name, data] of Object.entries(parts)) {
      const parser = new SaxesParser({ xmlns: true });
      let error: unknown = null;
      parser.on("error", (e) => (error ??= e));
      parser.write(new TextDecoder().decode(data)).close();
      expect([name, error]).toEqual([name, null]);
    }
    const sheet = new TextDecoder().decode(parts["xl/worksheets/sheet1.xml"]);
    expect(sheet.includes('t="inlineStr"')).toBe(options.sharedStrings === 0);
    expect(sheet.includes('t="s"')).toBe(options.sharedStrings !== 0);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain(`<autoFilter ref="A1:D${ROWS.length + 1}"/>`);
    // no formula, ever: text from other people's files is data
    expect(sheet).not.toContain("<f>");
  });

  it("gives every value back to the project's reader, text character for character", async () => {
    const wb = await readOk(bytes, "written.xlsx");
    const sheet = wb.sheets.find((s) => s.name === "Données & <tests>")!;
    expect(sheet.rows[0]).toEqual(HEADERS);
    ROWS.forEach((row, r) => {
      const got = sheet.rows[r + 1] ?? [];
      row.forEach((v, c) => expect([r, c, got[c] ?? null]).toEqual([r, c, expected(v)]));
    });
    expect(wb.sheets.find((s) => s.name === "Other")!.rows).toEqual([["A"], ["x"]]);
  });

  it("opens in openpyxl, warnings as errors: text as stored, dates as dates, numbers as numbers", async () => {
    const file = join(dir, `openpyxl-${options.sharedStrings ?? "shared"}.xlsx`);
    writeFileSync(file, bytes);
    const { stdout } = await exec(PYTHON, [OPENPYXL, file], { maxBuffer: 64 * 1024 * 1024 });
    const sheets = (JSON.parse(stdout) as Record<string, Record<string, { cells: Record<string, unknown> }>>)[file]!;
    const cells = sheets["Données & <tests>"]!.cells;
    expect(cells.A1).toBe("Text");
    TEXTS.forEach((t, i) => {
      // openpyxl shows OOXML's escapes as stored (where it reads a shared string, without any "x005F_")
      const stored = encodeXString(t.slice(0, 32_767));
      expect(cells[`A${i + 2}`]).toBe(options.sharedStrings === 0 ? stored : stored.replace(/x005F_/g, ""));
      expect(decodeXString(stored)).toBe(t);
      expect(cells[`B${i + 2}`]).toBe(`2025-03-0${i + 1} 00:00:00`);
      expect(cells[`C${i + 2}`]).toBe(i + 0.25);
      expect(cells[`D${i + 2}`]).toBe(i % 2 === 0);
    });
    expect(String(cells[`A${TEXTS.length + 2}`])).toHaveLength(32_767);
    expect(cells[`C${ROWS.length + 1}`]).toBe(123456789012);
    expect(sheets.Other!.cells).toEqual({ A1: "A", A2: "x" });
  });
});

describe("a table longer than a sheet", () => {
  it("goes on in sheets named Name (2), Name (3), each with the header row, every row kept in order", async () => {
    const rows = Array.from({ length: 7 }, (_, i): CellValue[] => [`row ${i + 1}`, DATE, i, true]);
    const wb = await readOk(write({}, 3, rows), "long.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Données & <tests>",
      "Données & <tests> (2)",
      "Données & <tests> (3)",
      "Other",
    ]);
    const read = wb.sheets.slice(0, 3).flatMap((s) => {
      expect(s.rows[0]).toEqual(HEADERS);
      return s.rows.slice(1).map((r) => r[0]);
    });
    expect(read).toEqual(rows.map((r) => r[0]));
  });
});

describe("LibreOffice Calc opens what the writer writes", () => {
  it("reads text character for character, dates as numbers shown as dates, numbers and booleans", async () => {
    expect(existsSync("/usr/bin/soffice")).toBe(true);
    const file = join(dir, "calc.xlsx");
    writeFileSync(file, write({ sharedStrings: 3 })); // the first texts shared, the others inline
    const cell = (ref: string) => ({ sheet: "Données & <tests>", cell: ref });
    // a text Calc holds without a character for it (a lone surrogate) cannot cross its UNO bridge: not read
    const readable = TEXTS.map((t, i) => ({ t, i })).filter(({ t }) => !/[\uD800-\uDFFF]/.test(t));
    const read = [
      ...readable.flatMap(({ i }) => [cell(`A${i + 2}`), cell(`B${i + 2}`), cell(`C${i + 2}`), cell(`D${i + 2}`)]),
      cell(`A${TEXTS.length + 2}`),
    ];
    const request = join(dir, "calc.json");
    writeFileSync(
      request,
      JSON.stringify({ file, fills: [], read, rules: [], profile: join(dir, "lo-profile"), timeout: 150 }),
    );
    const { stdout } = await exec(PYTHON, [CALC, request], { maxBuffer: 64 * 1024 * 1024, timeout: 170_000 });
    const out = JSON.parse(stdout) as {
      cells: { type: string; value?: unknown; text?: string }[];
      errors: unknown[];
      sheets: string[];
    };
    expect(out.sheets).toEqual(["Données & <tests>", "Other"]);
    expect(out.errors).toEqual([]);
    readable.forEach(({ t, i }, k) => {
      const [text, date, score, flag] = out.cells.slice(k * 4, k * 4 + 4);
      // Calc holds a line break as LF: a CR comes in as one
      expect(text).toEqual({ type: "text", value: t.replace(/\r\n?/g, "\n") });
      expect(date).toEqual({ type: "number", value: DATE + i, text: `2025-03-0${i + 1}` });
      expect(score).toMatchObject({ type: "number", value: i + 0.25 });
      expect(flag).toMatchObject({ type: "number", value: i % 2 === 0 ? 1 : 0 });
    });
    const long = out.cells[readable.length * 4]!;
    expect(long.type).toBe("text");
    expect(String(long.value)).toHaveLength(32_767);
  });
});

describe("texts that seldom repeat", () => {
  it("are written inline once a column has shown it, those that repeat stay shared, every value read back", async () => {
    const rows = Array.from({ length: INLINE_TRIAL * 2 }, (_, i): CellValue[] => [
      i % 7 === 0 ? "Ville" : "Région",
      DATE,
      i,
      `Commentaire unique n° ${i} & <${i}>`,
    ]);
    const bytes = write({}, undefined, rows);
    const sheet = new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    const kind = (ref: string) => new RegExp(`<c r="${ref}" s="\\d+" t="(\\w+)"`).exec(sheet)?.[1];
    // the header row is the table's first lookup: the column shows it at its INLINE_TRIAL-th text, row INLINE_TRIAL
    expect([kind("A2"), kind("D2"), kind(`D${INLINE_TRIAL}`)]).toEqual(["s", "s", "s"]);
    expect([kind(`A${INLINE_TRIAL * 2 + 1}`), kind(`D${INLINE_TRIAL + 1}`), kind(`D${INLINE_TRIAL * 2 + 1}`)]).toEqual([
      "s",
      "inlineStr",
      "inlineStr",
    ]);
    const wb = await readOk(bytes, "inline.xlsx");
    const read = wb.sheets.find((s) => s.name === "Données & <tests>")!;
    expect(read.rows.slice(1).map((r) => [r[0], r[3]])).toEqual(rows.map((r) => [r[0], r[3]]));
  });
});
