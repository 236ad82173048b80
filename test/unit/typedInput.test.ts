/** What a user types, read as Excel reads it in the user's locale (the host's and the preview's typing). */
import fc from "fast-check";
import { createHost } from "../../tooling/excel-host/excelHost";
import { TYPING_LOCALES, typedInput } from "../../tooling/excel-host/typedInput";
import { isoDateToSerial } from "../../src/core/dates";

describe("typedInput", () => {
  it.each([
    ["fr-FR", "12 000,50", 12000.5],
    ["fr-FR", "12\u202f000,50", 12000.5],
    ["fr-FR", "-3,5", -3.5],
    ["fr-FR", "40 %", 0.4],
    ["fr-FR", "01/09/2025", "2025-09-01"],
    ["fr-FR", "VRAI", true],
    ["fr-FR", "faux", false],
    ["fr-FR", "12.5", "'12.5"],
    ["fr-FR", "TRUE", "'TRUE"],
    ["fr-FR", "2025-09-01", "2025-09-01"],
    ["fr-FR", "Planifié", "Planifié"],
    ["fr-FR", "=SUM(A1:A2)", "=SUM(A1:A2)"],
    ["es-ES", "1.000,5", 1000.5],
    ["es-ES", "VERDADERO", true],
    ["en-US", "1,000.5", 1000.5],
    ["en-US", "01/09/2025", "2025-01-09"],
    ["en-GB", "01/09/2025", "2025-09-01"],
    ["fr-FR", "31/02/2025", "31/02/2025"],
  ])("%s reads %j as %j", (locale, typed, expected) => {
    expect(typedInput(typed, locale)).toEqual(expected);
  });

  it("leaves values alone without a locale, and refuses a locale it has no rules for", () => {
    expect(typedInput("12 000,50", undefined)).toBe("12 000,50");
    expect(() => typedInput("1", "xx-XX")).toThrow(/xx-XX/);
  });

  it("reads back every number the locale formats (fr-FR, es-ES)", () => {
    for (const tag of ["fr-FR", "es-ES"] as const) {
      const format = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, useGrouping: true });
      fc.assert(
        fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (i, d) => {
          const n = Number((i + Math.sign(i || 1) * (d / 100)).toFixed(2));
          expect(typedInput(format.format(n), tag)).toBeCloseTo(n, 9);
        }),
        { numRuns: 200 },
      );
    }
    expect(Object.keys(TYPING_LOCALES)).toEqual(expect.arrayContaining(["fr-FR", "es-ES", "en-US"]));
  });

  it("a French user's typing reaches the cell as a number and a date, and validation sees the number", async () => {
    const host = createHost({ sheets: ["Sheet1"] });
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").dataValidation.rule = { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } };
      await context.sync();
    });
    expect(host.setCellValueAsUser("Sheet1", "A1", "12 000,50", "fr-FR")).toEqual({ ok: true });
    expect(host.getCell("Sheet1", "A1").value).toBe(12000.5);
    expect(host.setCellValueAsUser("Sheet1", "A1", "12.5", "fr-FR").ok).toBe(false);
    expect(host.setCellValueAsUser("Sheet1", "B1", "01/09/2025", "fr-FR")).toEqual({ ok: true });
    expect(host.getCell("Sheet1", "B1")).toMatchObject({ value: isoDateToSerial("2025-09-01"), text: "2025-09-01" });
  });
});
