/**
 * The LIAT.* functions under every way Excel hands them their arguments: numbers that arrive as text in either
 * decimal convention ("66.67", "66,67", "1 000,5" with a space, a no-break or a narrow no-break space), and blanks
 * that arrive as "", null (Excel on the web) or 0 (Excel for Windows and Mac, to number and "any" parameters).
 * Each function gives its documented answer whichever way, called directly and typed into cells of the host under
 * the desktop (microsoft365) and the web profile.
 */
import { columnIndex, columnLetter, domainSheetLayout, domainSheetName, type ColumnKey } from "../../src/core/layout";
import { forgetSheets } from "../../src/excel/snapshot";
import { insertLiat } from "../../src/excel/workbookOperations";
import { numberFromText } from "../../src/functions/args";
import * as F from "../../src/functions/functions";
import { createHost } from "../../tooling/excel-host/excelHost";
import { registerLiatFunctions } from "../../tooling/excel-host/liatFunctions";
import type { ProfileName } from "../../tooling/excel-host/hostProfiles";
import { errorOf } from "./functionErrorOf";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** What a string, number or any parameter may receive for an empty cell. */
const BLANKS = ["", null] as const;

describe("numbers written as text", () => {
  test.each([
    ["66.67", 66.67],
    ["66,67", 66.67],
    ["1 000,5", 1000.5],
    [`1${NBSP}000,5`, 1000.5],
    [`1${NNBSP}000,5`, 1000.5],
    ["1,000.5", 1000.5],
    ["1.000,5", 1000.5],
    ["1'000.5", 1000.5],
    ["12 345 678,9", 12345678.9],
    ["1,000,000", 1000000],
    ["-3", -3],
    [" 45292 ", 45292],
    ["1E+21", 1e21],
    ["1,5E-3", 0.0015],
    ["0,500", 0.5],
    ["1,2345", 1.2345],
    ["1,25", 1.25],
  ])("%j is %d", (text, n) => expect(numberFromText(text)).toBe(n));
  test.each(["1,000", "1.000", "-1,250", "12.500", "999,999"])(
    "%j reads two ways by the conventions (thousands or decimals): not a number, and RATING says why",
    (text) => {
      expect(numberFromText(text)).toBeUndefined();
      const e = errorOf(() => F.rating(text));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("reads two ways");
    },
  );
  test.each(["", "abc", "12/03/2024", "1,2,3", "1 00,5", "1,2.3", "1  000", ".5", "5.", "1 000.000,5"])(
    "%j is not a number",
    (text) => expect(numberFromText(text)).toBeUndefined(),
  );
});

describe("each function's documented answer, whatever the convention (called directly)", () => {
  test("RATING reads a score written either way; a blank score gives blank", () => {
    for (const s of ["66.67", "66,67", 66.67]) expect(F.rating(s as string)).toBe("Established");
    for (const s of ["24,9", "24.9"]) expect(F.rating(s, "fr")).toBe("Initial");
    for (const b of BLANKS) expect(F.rating(b as unknown as string)).toBe("");
    expect(errorOf(() => F.rating("1 000,5")).message).toContain("1000.5");
    expect(errorOf(() => F.rating("beaucoup")).code).toBe("#VALUE!");
  });
  test("PROGRESS: text in either convention, and a blank as 0 (what Excel for Windows and Mac passes)", () => {
    expect(F.progressOf(0, 10, 5)).toBe(0.5);
    expect(F.progressOf(null as unknown as number, 10, 5)).toBe(0.5);
    expect(F.progressOf("" as unknown as number, "10,0" as unknown as number, "5.0" as unknown as number)).toBe(0.5);
    expect(F.progressOf("1 000" as unknown as number, 0, "250,5" as unknown as number)).toBeCloseTo(0.7495, 12);
    expect(errorOf(() => F.progressOf("dix" as unknown as number, 0, 1)).message).toContain("dix");
  });
  test("LEVEL: a blank status is blank (never 'Not started'), a level as text or number", () => {
    for (const b of BLANKS) expect(F.level(b as unknown as string)).toBe("");
    expect(F.level("2")).toBe(2);
    expect(F.level(2 as unknown as string)).toBe(2);
  });
  test("SCORE, COVERAGE, CHANGE: blanks as '' or null are left out; blank weights count 0; weights as text", () => {
    for (const b of BLANKS) {
      const statuses = [["Sustained"], [b], ["Planned"]] as string[][];
      expect(F.score(statuses)).toBe(62.5);
      expect(F.coverage(statuses)).toBeCloseTo(2 / 3, 12);
      expect(F.change([["Planned"], [b]] as string[][], statuses)).toBe(37.5);
      expect(F.score([["Sustained"], ["Planned"]], [[1], [b]] as number[][])).toBe(100);
    }
    expect(F.score([["Sustained"], ["Planned"]], [[1], [0]])).toBe(100);
    expect(F.score([["Sustained"], ["Not started"]], [["0,5"], ["1.5"]] as unknown as number[][])).toBe(25);
  });
  test("DOMAINSCORE: the domain as a number or as text; a blank domain is 0, outside 1-6", () => {
    const codes = [["1.1.1"], ["2.1"]];
    const statuses = [["Sustained"], ["Planned"]];
    for (const d of [1, "1", "1,0", "1.0"]) expect(F.domainScore(codes, statuses, d as number)).toBe(100);
    for (const b of [...BLANKS, 0])
      expect(errorOf(() => F.domainScore(codes, statuses, b as number)).code).toBe("#VALUE!");
  });
  test("CHECK: a number cell as Excel passes it (either decimal separator) is a number, text is text; blanks alike", () => {
    const row = (budget: unknown, blank: unknown) =>
      [["Planned", "Service", blank, blank, "45292", "45300", budget, "EUR", "1200", blank, blank]] as string[][];
    for (const blank of BLANKS) {
      for (const budget of ["1000.5", "1000,5", "1E+3", 1000.5]) {
        expect(F.check(row(budget, blank), "en")).toBe("");
      }
      // text typed as such (never how Excel passes a number): reported, as the sheet's Check column reports it
      for (const budget of ["1 000,5", `1${NNBSP}000,5`, `1${NBSP}000,5`, "1,000", "1.000,5", "mille"]) {
        expect(F.check(row(budget, blank), "en")).toMatch(/number/i);
      }
      expect(F.check(row(blank, blank), "en")).toBe("");
    }
  });
});

/** A host for a profile with row 1 holding `cells` from A1, and the LIAT functions registered. */
async function hostWith(profile: ProfileName, cells: (string | number)[][]) {
  const host = createHost({ profile, sheets: ["S"] });
  await registerLiatFunctions(host);
  await host.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("S");
    cells.forEach((row, r) => row.forEach((v, c) => v !== "" && (ws.getCell(r, c).values = [[v]])));
    await context.sync();
  });
  return host;
}

describe.each<ProfileName>(["microsoft365", "web"])("typed into cells, Excel's %s conventions", (profile) => {
  test("numbers as text in either convention, and empty cells, give the same answers", async () => {
    // A: statuses (A2 empty); B: weights (B2 empty); C: scores as text and number; D: codes; E-O a CHECK row
    const host = await hostWith(profile, [
      ["Sustained", 1, "66,67", "1.1.1", "Planned", "Service", "", "", 45292, 45300, 1000.5, "EUR", 1200],
      ["", "", "66.67", "2.1"],
      ["Planned", 1, 66.67, "1.1.2"],
      ["", "", `1${NNBSP}000,5`],
    ]);
    const formulas: [string, string, unknown][] = [
      ["Q1", "=LIAT.SCORE(A1:A3)", 62.5],
      ["Q2", "=LIAT.SCORE(A1:A3,B1:B3)", 62.5],
      ["Q3", "=ROUND(LIAT.COVERAGE(A1:A3),6)", 0.666667],
      ["Q4", "=LIAT.RATING(C1)", "Established"],
      ["Q5", "=LIAT.RATING(C2)", "Established"],
      ["Q6", "=LIAT.RATING(C3)", "Established"],
      ["Q7", "=LIAT.RATING(Z1)", ""],
      ["Q8", "=LIAT.LEVEL(A2)", ""],
      ["Q9", "=LIAT.PROGRESS(Z1,10,5)", 0.5],
      ["Q10", '=LIAT.CHECK(E1:O1,"en")', ""],
      ["Q11", "=LIAT.DOMAINSCORE(D1:D3,A1:A3,1)", 62.5],
      ["Q12", "=LIAT.CHANGE(A2:A3,A1:A3)", 37.5],
    ];
    for (const [cell, formula] of formulas) host.setCellValueAsUser("S", cell, formula);
    for (const [cell, formula, expected] of formulas) {
      expect({ formula, value: host.getCell("S", cell).value }).toEqual({ formula, value: expected });
    }
    host.setCellValueAsUser("S", "R1", "=LIAT.RATING(C4)");
    expect(host.getCell("S", "R1").value).toBe("#VALUE!");
    expect(host.getCell("S", "R1").errorMessage).toContain("1000.5");
  });
});

describe.each<ProfileName>(["microsoft365", "web"])("LIAT.CHECK and the sheet's Check column (%s)", (profile) => {
  test('agree on a budget: a number passes both, text ("1 000,5", "1,000") is reported by both', async () => {
    const host = createHost({ profile });
    host.install(globalThis);
    forgetSheets();
    await registerLiatFunctions(host);
    await insertLiat({ lang: "en" });
    const sheet = domainSheetName(1, "en");
    const row = domainSheetLayout(1, "en").firstRow;
    const at = (key: ColumnKey) => `${columnLetter(columnIndex(key))}${row}`;
    for (const budget of [1000.5, "1 000,5", "1,000"]) {
      await host.Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.protection.unprotect();
        ws.getRange(at("status")).values = [["Planned"]];
        ws.getRange(at("responsible")).values = [["Service"]];
        ws.getRange(at("currency")).values = [["EUR"]];
        // a text budget is kept as text (a cell formatted as text), as a pasted or imported value can be
        ws.getRange(at("budget")).numberFormat = [[typeof budget === "string" ? "@" : "General"]];
        ws.getRange(at("budget")).values = [[budget]];
        ws.getRange(`ZZ${row}`).formulas = [[`=LIAT.CHECK(${at("status")}:${at("comments")},"en")`]];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per budget tried: each is checked on its own
        await context.sync();
      });
      const native = host.getCell(sheet, at("check")).value;
      const fn = host.getCell(sheet, `ZZ${row}`).value;
      expect({ budget, native: native === "", fn: fn === "" }).toEqual({
        budget,
        native: typeof budget === "number",
        fn: typeof budget === "number",
      });
    }
  });
});
