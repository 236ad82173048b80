/** The workbook the command line writes (ExcelJS, from src/core/layout.ts), reading it back, text kept as text, bad files. */
import { compoundFile } from "./xlsxFixtures";
import ExcelJS from "exceljs";
import { readWorkbookBytes, MAX_FILE_BYTES, plainValue } from "../../src/cli/readWorkbook";
import { writeConsolidation } from "../../src/cli/writeConsolidation";
import { fileFormula, writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { ENTRY_FIELDS } from "../../src/core/entrySchema";
import { checkWorkbook, consolidate } from "../../src/core/consolidate";
import { isoDateToSerial } from "../../src/core/dates";
import {
  COLUMNS,
  checkFormula,
  columnIndex,
  columnLetter,
  highlightFormula,
  COVER,
  COVER_SHEET,
  coverLayout,
  DOMAIN_IDS,
  domainSheetLayout,
  HEADER_ROW,
  LISTS_SHEET,
  listsSheetLayout,
  pointsFormula,
  SCHEMA_PROPERTY,
  SCHEMA_VERSION,
  statusColorRules,
  tableName,
} from "../../src/core/layout";
import { loadExcel, readOk, storedZip } from "./cliFixtures";

const ODD_TEXT = ['=HYPERLINK("http://x","y")', '=WEBSERVICE("http://x")', "+1+1", "-2", "@SUM(A1)", "<b>x</b>"];

let fr: Buffer;
let frBook: ExcelJS.Workbook;
beforeAll(async () => {
  fr = await writeLiatWorkbook({ lang: "fr", city: "Lyon", period: "2025" });
  frBook = await loadExcel(fr);
});

describe("writeLiatWorkbook: the layout the add-in inserts", () => {
  it("has the cover, the six domain sheets and the hidden lists sheet, in that order", () => {
    expect(frBook.worksheets.map((w) => w.name)).toEqual([
      COVER_SHEET,
      ...DOMAIN_IDS.map((d) => domainSheetLayout(d, "fr").name),
      LISTS_SHEET,
    ]);
    expect(frBook.getWorksheet(LISTS_SHEET)!.state).toBe("hidden");
    expect(frBook.worksheets.filter((w) => w.name !== LISTS_SHEET).every((w) => w.state === "visible")).toBe(true);
  });

  it("defines every named range of the lists sheet, and the lists sheet holds the layout's values", () => {
    const layout = listsSheetLayout("fr");
    const names = Object.fromEntries(
      frBook.definedNames.model.map((n: { name: string; ranges: string[] }) => [n.name, n.ranges]),
    );
    for (const n of layout.names) {
      const [, sheet, range] = /^=(\w+)!(.+)$/.exec(n.ref)!;
      expect(names[n.name]).toEqual([`'${sheet}'!${range}`]);
    }
    const ws = frBook.getWorksheet(LISTS_SHEET)!;
    layout.values.forEach((row, r) =>
      row.forEach((v, c) => expect(plainValue(ws.getCell(r + 1, c + 1).value) ?? "").toBe(v)),
    );
    // The schema version: in the lists sheet, on the cover, and in the document keywords.
    expect(JSON.stringify(layout.values)).toContain(SCHEMA_PROPERTY);
    expect(frBook.keywords).toBe(`${SCHEMA_PROPERTY}=${SCHEMA_VERSION}`);
  });

  it("puts each domain in one Excel table at the header row, codes as text, Points as a native formula", () => {
    for (const d of DOMAIN_IDS) {
      const layout = domainSheetLayout(d, "fr");
      const ws = frBook.getWorksheet(layout.name)!;
      const table = (
        ws as unknown as { getTable(n: string): { table: { name: string; columns: unknown[] } } }
      ).getTable(tableName(d));
      expect(table.table.name).toBe(tableName(d));
      expect(table.table.columns).toHaveLength(COLUMNS.length);
      expect(layout.headers.map((_, c) => ws.getCell(HEADER_ROW, c + 1).value)).toEqual(layout.headers);
      layout.rows.forEach((cells, i) => {
        const r = layout.firstRow + i;
        const code = ws.getCell(r, 1);
        expect(code.type).toBe(ExcelJS.ValueType.String);
        expect(code.value).toBe(cells[0]);
        expect(code.numFmt).toBe("@");
        const points = ws.getCell(r, columnIndex("points") + 1);
        expect(points.formula).toBe(fileFormula(pointsFormula(r)));
        expect(ws.getCell(r, columnIndex("check") + 1).formula).toBe(fileFormula(checkFormula(r, "fr")));
        // cached results, as the core computes them: a blank status gives blank Points and no message
        expect(points.result ?? "").toBe("");
        expect(ws.getCell(r, columnIndex("check") + 1).result ?? "").toBe("");
      });
    }
    // "2.1" stays the text "2.1", never the number 2.1.
    expect(frBook.getWorksheet(domainSheetLayout(2, "fr").name)!.getCell("A5").value).toBe("2.1");
  });

  it("locks catalogue and Points cells, unlocks entry cells, and protects each domain sheet without a password", () => {
    const ws = frBook.getWorksheet(domainSheetLayout(1, "fr").name)!;
    COLUMNS.forEach((spec, c) => {
      const locked = ws.getCell(HEADER_ROW + 1, c + 1).protection?.locked !== false;
      expect([spec.key, locked]).toEqual([spec.key, spec.kind !== "entry"]);
    });
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    expect(protection.autoFilter).toBe(true);
  });

  it("has native data validation with the layout's prompts and errors, one rule per column", () => {
    const layout = domainSheetLayout(3, "fr");
    const ws = frBook.getWorksheet(layout.name)!;
    for (const [c, spec] of COLUMNS.entries()) {
      if (spec.kind !== "entry" || (spec.validation === undefined && spec.prompt === undefined)) continue;
      for (const r of [layout.firstRow, layout.lastRow]) {
        const dv = ws.getCell(r, c + 1).dataValidation;
        expect(dv.promptTitle).toBe(spec.prompt?.title.fr);
        expect(dv.prompt).toBe(spec.prompt?.message.fr);
        expect(dv.error).toBe(spec.error?.message.fr);
      }
    }
    const status = ws.getCell(layout.firstRow, 6).dataValidation;
    expect(status).toMatchObject({
      type: "list",
      formulae: ["LIAT_Status"],
      showErrorMessage: true,
      errorStyle: "stop",
    });
    expect(ws.getCell(layout.firstRow, 14).dataValidation).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    expect(ws.getCell(layout.firstRow, 13).dataValidation).toMatchObject({ type: "list", formulae: ["LIAT_Currency"] });
    // The end date must not precede the start date of its own row.
    expect(ws.getCell(layout.firstRow, 11).dataValidation.formulae[0]).toContain(`J${layout.firstRow}`);
  });

  it("colours statuses with conditional formatting, sets widths, wrap, frozen header and print titles", () => {
    const layout = domainSheetLayout(1, "en");
    return writeLiatWorkbook({ lang: "en" })
      .then(loadExcel)
      .then((wb) => {
        const ws = wb.getWorksheet(layout.name)!;
        type Rule = { formulae: string[]; style: { fill: { bgColor: { argb: string } } } };
        const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] })
          .conditionalFormattings;
        // one highlight rule per entry column, first, reading the same row's Check cell
        ENTRY_FIELDS.forEach((f, i) => {
          const letter = columnLetter(columnIndex(f));
          expect(cf[i]!.ref).toBe(`${letter}${layout.firstRow}:${letter}${layout.lastRow}`);
          expect(`=${cf[i]!.rules[0]!.formulae[0]}`).toBe(highlightFormula(f, "en", layout.firstRow));
        });
        const status = cf[ENTRY_FIELDS.length]!;
        expect(status.ref).toBe(`F${layout.firstRow}:F${layout.lastRow}`);
        // the rules the add-in adds: on the Points column, so every spelling of a status gets its colour
        const points = columnLetter(COLUMNS.findIndex((c) => c.key === "points"));
        expect(status.rules.map((r) => [`=${r.formulae[0]}`, `#${r.style.fill.bgColor.argb.slice(2)}`])).toEqual(
          statusColorRules(layout.firstRow).map((r) => [r.formula, r.fill]),
        );
        expect(status.rules[1]!.formulae[0]).toBe(
          `AND(ISNUMBER($${points}${layout.firstRow}),$${points}${layout.firstRow}=25)`,
        );
        COLUMNS.forEach((spec, c) => expect(ws.getColumn(c + 1).width).toBeCloseTo(spec.width, 1));
        expect(ws.getCell(layout.firstRow, 3).alignment?.wrapText).toBe(true);
        expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
        expect(ws.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
        expect(ws.pageSetup.orientation).toBe("landscape");
      });
  });

  it("writes the cover's summary as native formulas with the core's results cached, and city and period as text", () => {
    const ws = frBook.getWorksheet(COVER_SHEET)!;
    const layout = coverLayout("fr", { city: "Lyon", period: "2025" });
    for (const d of DOMAIN_IDS) {
      const r = layout.domainRows[d];
      const count = domainSheetLayout(d, "fr").rows.length;
      const results = [2, 3, 4, 5, 6].map((c) => ws.getCell(r, c).result ?? "");
      // no status yet: no score, no rating, coverage 0 of every objective
      expect(results).toEqual(["", "", 0, 0, count]);
      for (let c = 2; c <= 6; c++) expect(`=${ws.getCell(r, c).formula}`).toBe(layout.values[r - 1]![c - 1]);
    }
    expect([2, 3, 4, 5, 6].map((c) => ws.getCell(layout.overallRow, c).result ?? "")).toEqual(["", "", 0, 0, 39]);
    expect(ws.getCell(COVER.cityRow, 2).value).toBe("Lyon");
    expect(ws.getCell(COVER.periodRow, 2).type).toBe(ExcelJS.ValueType.String);
  });
});

describe("text from other people's files stays text", () => {
  const expectText = (cell: ExcelJS.Cell, text: string) => {
    expect({ value: cell.value, type: cell.type, formula: cell.formula, numFmt: cell.numFmt }).toEqual({
      value: text,
      type: ExcelJS.ValueType.String,
      formula: undefined,
      numFmt: "@",
    });
  };

  it.each(ODD_TEXT)("%s in a LIAT workbook and in the consolidation written from it", async (text) => {
    const book = await writeLiatWorkbook({
      lang: "en",
      city: text,
      period: text,
      entries: { "1.1.1": { status: "Planned", responsible: text, partners: text, comments: text, evidence: text } },
    });
    const wb = await loadExcel(book);
    const ws = wb.getWorksheet(domainSheetLayout(1, "en").name)!;
    for (const col of [7, 8, 15, 16]) expectText(ws.getCell(HEADER_ROW + 1, col), text);
    expectText(wb.getWorksheet(COVER_SHEET)!.getCell(COVER.cityRow, 2), text);

    // Read back into the plain model: still the same string.
    const read = await readOk(book, "odd.xlsx");
    const checked = checkWorkbook(read)!;
    expect(checked.settings.city).toBe(text);
    expect(checked.rows[0]!.values.responsible).toBe(text);

    // Merged: the consolidation sheet holds the same string, as text, never a formula.
    const out = await loadExcel(await writeConsolidation(consolidate([read]), "en"));
    const sheet = out.getWorksheet("Consolidation")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRow(2);
    for (const h of ["City", "Period", "Responsible service", "Partners", "Evidence", "Comments"])
      expectText(row.getCell(headers.indexOf(h) + 1), text);
    const summary = out.getWorksheet("Summary by source")!;
    expectText(summary.getCell(2, 2), text);
  });

  it("keeps numbers and dates as they were", async () => {
    const start = isoDateToSerial("2025-01-31")!;
    const book = await writeLiatWorkbook({
      lang: "en",
      entries: { "2.1": { status: 2, start, budget: 1500.5, currency: "EUR", beneficiaries: 40, responsible: "Jobs" } },
    });
    const c = checkWorkbook(await readOk(book))!;
    const row = c.rows.find((r) => r.code === "2.1")!;
    expect(row.values).toMatchObject({ status: 2, start, budget: 1500.5, currency: "EUR", beneficiaries: 40 });
    expect(row.issues).toEqual([]);
    expect(row.points).toBe(50);
  });
});

describe("readWorkbookBytes: files that cannot be read say why", () => {
  it.each([
    ["an empty file", () => Buffer.alloc(0), "empty"],
    ["random bytes", () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), "notWorkbook"],
    ["a text file", () => Buffer.from("city;status\nLyon;Planned\n"), "notWorkbook"],
    ["a zip that is not a workbook", () => storedZip({ "hello.txt": "hi" }), "notWorkbook"],
    [
      "a Word document",
      () => storedZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }),
      "notWorkbook",
    ],
    [
      "a compound file (.xls or encrypted) whose directory cannot be read",
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
      "damaged",
    ],
    ["a password-protected workbook", () => compoundFile(["EncryptionInfo", "EncryptedPackage"]), "encrypted"],
    ["an Excel 97-2003 workbook", () => compoundFile(["Workbook"]), "oldXls"],
    ["a truncated workbook", () => fr.subarray(0, Math.floor(fr.length / 2)), "damaged"],
    ["a workbook cut just before its end", () => fr.subarray(0, fr.length - 10), "damaged"],
    [
      "a workbook with damaged bytes inside",
      () => Buffer.concat([fr.subarray(0, 5000), Buffer.alloc(3000, 7), fr.subarray(8000)]),
      "damaged",
    ],
  ] as const)("%s", async (_, bytes, reason) => {
    const r = await readWorkbookBytes(bytes(), "f.xlsx");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe(reason);
  });

  it("refuses files over the size limit without reading them", async () => {
    const big = { length: MAX_FILE_BYTES + 1 } as unknown as Uint8Array;
    const r = await readWorkbookBytes(big, "huge.xlsx");
    expect(r).toEqual({
      ok: false,
      reason: "tooLarge",
      detail: String(MAX_FILE_BYTES + 1),
      params: { limit: 50 },
    });
  });

  it("reads rich text, hyperlinks, formulas (cached result), errors and dates as plain values", () => {
    expect(plainValue({ richText: [{ text: "a" }, { text: "b", font: { bold: true } }] })).toBe("ab");
    expect(plainValue({ text: "site", hyperlink: "https://x.org" })).toBe("site");
    expect(plainValue({ formula: "1+1", result: 2 })).toBe(2);
    expect(plainValue({ formula: "NOW()" })).toBeNull();
    expect(plainValue({ sharedFormula: "A1", result: "x" })).toBe("x");
    expect(plainValue({ error: "#N/A" })).toBe("#N/A");
    expect(plainValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(plainValue(new Date(Date.UTC(2025, 0, 31)))).toBe(isoDateToSerial("2025-01-31"));
    expect(columnLetter(16)).toBe("Q");
  });
});
