/**
 * The LIAT.* functions under every way Excel hands them their arguments: numbers that arrive as text in either
 * decimal convention ("66.67", "66,67", "1 000,5" with a space, a no-break or a narrow no-break space), and blanks
 * that arrive as "", null (Excel on the web) or 0 (Excel for Windows and Mac, to number and "any" parameters).
 * Each function gives its documented answer whichever way, called directly and typed into cells of the host under
 * the desktop (microsoft365) and the web profile.
 */
import { numberFromText } from "../../src/functions/args";
import * as F from "../../src/functions/functions";
import { createHost } from "../../tooling/excel-host/excelHost";
import { registerLiatFunctions } from "../../tooling/excel-host/liatFunctions";
import type { ProfileName } from "../../tooling/excel-host/hostProfiles";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** The error a call throws (fails the test when it returns). */
function errorOf(fn: () => unknown): { code: string; message: string } {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeDefined();
  return caught as { code: string; message: string };
}

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
  ])("%j is %d", (text, n) => expect(numberFromText(text)).toBe(n));
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
  test("CHECK: a budget, a count or a date serial written either way is a number; blank cells '' or null alike", () => {
    const row = (budget: unknown, blank: unknown) =>
      [["Planned", "Service", blank, blank, "45292", "45300", budget, "EUR", "1 200", blank, blank]] as string[][];
    for (const blank of BLANKS) {
      for (const budget of ["1000.5", "1000,5", "1 000,5", `1${NNBSP}000,5`, `1${NBSP}000,5`, 1000.5]) {
        expect(F.check(row(budget, blank), "en")).toBe("");
      }
      expect(F.check(row("mille", blank), "en")).toMatch(/number/i);
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
      ["Sustained", 1, "66,67", "1.1.1", "Planned", "Service", "", "", 45292, 45300, "1 000,5", "EUR", "1200"],
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
