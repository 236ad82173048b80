/** Conditional formats in the in-memory host: moving formulas to each cell, and what the rules paint. */
import { HIGHLIGHT, STATUS_COLORS, domainSheetName } from "../../src/core/layout";
import { insertLiat, validateWorkbook } from "../../src/excel/workbookOperations";
import { createHost, shiftFormula } from "../../tooling/excel-host/excelHost";
import { newHost, run } from "./excelFixtures";

describe("shiftFormula", () => {
  test("relative parts move, $-absolute parts stay", () => {
    expect(shiftFormula("=A1", 2, 3)).toBe("=D3");
    expect(shiftFormula("=$A1+A$1+$A$1", 2, 3)).toBe("=$A3+D$1+$A$1");
    expect(shiftFormula("=AND(ISNUMBER($G5),$G5=25)", 4, 0)).toBe("=AND(ISNUMBER($G9),$G9=25)");
    expect(shiftFormula('=$G5="NA"', 1, 7)).toBe('=$G6="NA"');
    expect(shiftFormula("=A1", 0, 0)).toBe("=A1");
    expect(shiftFormula("=Z1+AA1", 0, 1)).toBe("=AA1+AB1");
  });

  test("ranges, whole columns and whole rows", () => {
    expect(shiftFormula("=SUM(A1:B2)", 1, 1)).toBe("=SUM(B2:C3)");
    expect(shiftFormula("=SUM($A1:B$2)", 1, 1)).toBe("=SUM($A2:C$2)");
    expect(shiftFormula("=COUNTIF(A:A,B1)", 1, 1)).toBe("=COUNTIF(B:B,C2)");
    expect(shiftFormula("=SUM($A:B)", 0, 2)).toBe("=SUM($A:D)");
    expect(shiftFormula("=SUM(1:2)+SUM($3:$3)", 5, 0)).toBe("=SUM(6:7)+SUM($3:$3)");
  });

  test("sheet-qualified references move too, quoted or not, and the sheet name stays", () => {
    expect(shiftFormula("=LIAT_Flags!C5=1", 2, 1)).toBe("=LIAT_Flags!D7=1");
    expect(shiftFormula("='LIAT_Flags'!C5=1", 2, 1)).toBe("='LIAT_Flags'!D7=1");
    expect(shiftFormula("='1 Gouvernance'!A1:B2", 1, 0)).toBe("='1 Gouvernance'!A2:B3");
    expect(shiftFormula("='It''s A1'!A1", 1, 1)).toBe("='It''s A1'!B2");
    expect(shiftFormula("=Sheet1!$A$1+Sheet1!A1", 1, 1)).toBe("=Sheet1!$A$1+Sheet1!B2");
    expect(shiftFormula("=SUM(Data!A:A)", 0, 1)).toBe("=SUM(Data!B:B)");
  });

  test("string literals, function names, named items, error literals and structured references stay", () => {
    expect(shiftFormula('=A1&"B2 and ""C3"" A1:A2"', 1, 1)).toBe('=B2&"B2 and ""C3"" A1:A2"');
    expect(shiftFormula("=LOG10(A1)+ATAN2(B1,C1)", 1, 0)).toBe("=LOG10(A2)+ATAN2(B2,C2)");
    expect(shiftFormula("=LIAT.SCORE(A1:A3)", 1, 0)).toBe("=LIAT.SCORE(A2:A4)");
    expect(shiftFormula("=COUNTIF(LIAT_Status,A1)", 1, 0)).toBe("=COUNTIF(LIAT_Status,A2)");
    expect(shiftFormula("=IFERROR(A1,#REF!)+#N/A", 1, 0)).toBe("=IFERROR(A2,#REF!)+#N/A");
    expect(shiftFormula("=SUM(Table1[Col A1])+A1", 1, 0)).toBe("=SUM(Table1[Col A1])+A2");
    expect(shiftFormula("=1.5E+3*A1+TRUE", 1, 0)).toBe("=1.5E+3*A2+TRUE");
  });

  test("references past the sheet's edge wrap around, as in Excel's conditional formats", () => {
    expect(shiftFormula("=A1", -1, -1)).toBe("=XFD1048576");
    expect(shiftFormula("=XFD1048576", 1, 1)).toBe("=A1");
  });
});

describe("host conditional formats", () => {
  async function withRules(rules: (ws: Excel.Worksheet) => void) {
    const host = createHost();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1") as unknown as Excel.Worksheet;
      ws.getRange("A1:A4").values = [[1], [5], [10], ["x"]];
      rules(ws);
      await context.sync();
    });
    return host;
  }

  test("a custom rule moves to each cell of its range and follows edits", async () => {
    const host = await withRules((ws) => {
      const cf = ws.getRange("B1:B4").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = "=A1>4";
      cf.custom.format.fill.color = "#FF0000";
      cf.custom.format.font.color = "#FFFFFF";
    });
    const red = { fill: "#FF0000", font: "#FFFFFF" };
    // B4 looks at A4 = "x": text is greater than any number in Excel's comparisons
    expect(host.conditionalFormatsIn("Sheet1", "A1:B4")).toEqual([
      [null, null],
      [null, red],
      [null, red],
      [null, red],
    ]);
    expect(host.conditionalFormatAt("Sheet1", "B1")).toBeNull();
    expect(host.setCellValueAsUser("Sheet1", "A1", "7").ok).toBe(true);
    expect(host.conditionalFormatAt("Sheet1", "B1")).toEqual({ fill: "#FF0000", font: "#FFFFFF" });
    // outside the rule's range nothing is painted, whatever the formula would say
    expect(host.conditionalFormatAt("Sheet1", "C1")).toBeNull();
  });

  test("priority order, stopIfTrue, errors false, numbers true when nonzero", async () => {
    const host = await withRules((ws) => {
      const range = ws.getRange("A1:A4");
      // added last = highest priority (as in Excel)
      const low = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      low.custom.rule.formula = "=A1>=5";
      low.custom.format.fill.color = "#00FF00";
      low.custom.format.font.color = "#003300";
      const bold = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      bold.custom.rule.formula = "=A1-1"; // nonzero number: true except for A1 = 1; error for "x"
      bold.custom.format.font.bold = true;
      const high = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      high.custom.rule.formula = "=A1=10";
      high.custom.format.fill.color = "#0000FF";
      high.stopIfTrue = true;
    });
    const looks = host.conditionalFormatsIn("Sheet1", "A1:A4").map((r) => r[0]);
    expect(looks[0]).toBeNull(); // 1: nothing holds (1-1 = 0 is false)
    expect(looks[1]).toEqual({ bold: true, fill: "#00FF00", font: "#003300" }); // 5: both lower rules
    expect(looks[2]).toEqual({ fill: "#0000FF" }); // 10: the highest rule stops the others
    // "x": "x"-1 is an error (false, so not bold); "x">=5 is TRUE (text sorts after numbers in Excel)
    expect(looks[3]).toEqual({ fill: "#00FF00", font: "#003300" });
  });

  test("cell-value rules and unparsable formulas", async () => {
    const host = await withRules((ws) => {
      const cf = ws.getRange("A1:A4").conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      cf.cellValue.rule = { formula1: "=2", formula2: "9", operator: "Between" };
      cf.cellValue.format.fill.color = "#ABCDEF";
      const broken = ws.getRange("A1:A4").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      broken.custom.rule.formula = "=A1+(";
      broken.custom.format.fill.color = "#000000";
      broken.stopIfTrue = true;
    });
    expect(host.conditionalFormatsIn("Sheet1", "A1:A4").map((r) => r[0]?.fill ?? null)).toEqual([
      null,
      "#ABCDEF",
      null,
      null,
    ]);
  });
});

describe("LIAT workbook conditional formats in the host", () => {
  const S1 = domainSheetName(1, "fr");
  const color = (label: string) => STATUS_COLORS.find((c) => c.labels.en === label)!;

  test("status colours follow the status typed, highlights follow validation", async () => {
    const host = newHost();
    await insertLiat({ lang: "fr" });
    expect(host.setCellValueAsUser(S1, "F5", "Planifié").ok).toBe(true);
    const planned = color("Planned");
    expect(host.conditionalFormatAt(S1, "F5")).toEqual({ fill: planned.fill, font: planned.font });
    expect(host.conditionalFormatAt(S1, "F6")).toBeNull(); // blank status: no colour
    // other statuses get their own colours
    expect(host.setCellValueAsUser(S1, "F6", "Non applicable").ok).toBe(true);
    const na = STATUS_COLORS[STATUS_COLORS.length - 1]!;
    expect(host.conditionalFormatAt(S1, "F6")).toEqual({ fill: na.fill, font: na.font });

    // "Mis en œuvre" without a responsible service or evidence: G5 and O5 become invalid
    expect(host.setCellValueAsUser(S1, "F5", "Mis en œuvre").ok).toBe(true);
    const issues = await validateWorkbook();
    expect(issues.map((i) => [i.sheet, i.address])).toContainEqual([S1, "G5"]);
    const red = { fill: HIGHLIGHT.fill, font: HIGHLIGHT.font };
    expect(host.conditionalFormatAt(S1, "G5")).toEqual(red);
    expect(host.conditionalFormatAt(S1, "H5")).toBeNull();
    const block = host.conditionalFormatsIn(S1, "F5:H5")[0]!;
    expect(block[0]).toEqual({ fill: color("Implemented").fill, font: color("Implemented").font });
    expect(block[1]).toEqual(red);
    expect(block[2]).toBeNull();

    // fixed: the highlight goes by itself (the native Check column changed, nothing was written)
    expect(host.setCellValueAsUser(S1, "G5", "Mairie").ok).toBe(true);
    expect(host.conditionalFormatAt(S1, "G5")).toBeNull();
  });

  test("an invalid status cell shows the highlight over its status colour (highlight first, stopIfTrue)", async () => {
    const host = newHost();
    await insertLiat({ lang: "fr" });
    expect(host.setCellValueAsUser(S1, "F5", "Planifié").ok).toBe(true);
    expect(host.conditionalFormatAt(S1, "F5")).not.toEqual({ fill: HIGHLIGHT.fill, font: HIGHLIGHT.font });
    // an unknown status: the Check column names the Status column, the highlight wins over any colour
    // (pasted: typing it is refused by the dropdown's rule)
    await run(host, (wb) => {
      wb.worksheets.getItem(S1).getRange("F5").values = [["Planifié ?"]];
    });
    expect(host.conditionalFormatAt(S1, "F5")).toEqual({ fill: HIGHLIGHT.fill, font: HIGHLIGHT.font });
  });
});
