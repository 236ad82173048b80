import { LANGUAGES } from "../../src/core/language";
import { CURRENCIES } from "../../src/core/currencies";
import { ENTRY_FIELDS } from "../../src/core/entrySchema";
import {
  COLUMNS,
  COLUMN_KEYS,
  DOMAIN_IDS,
  columnIndex,
  columnLetter,
  coverLayout,
  domainSheetLayout,
  highlightFormula,
  listsSheetLayout,
  mapHeaderRow,
  matchHeader,
  pointsFormula,
} from "../../src/core/layout";

describe("layout", () => {
  test("every entry field has one column, keys are unique; highlights read the same row's Check cell", () => {
    expect(new Set(COLUMN_KEYS).size).toBe(COLUMN_KEYS.length);
    for (const f of ENTRY_FIELDS) expect(COLUMNS.filter((c) => c.key === f && c.kind === "entry")).toHaveLength(1);
    expect(columnLetter(columnIndex("check"))).toBe("R");
    expect(highlightFormula("budget", "fr", 5)).toBe('=ISNUMBER(FIND(" Budget:"," "&$R5))');
    expect(highlightFormula("status", "en", 7)).toBe('=ISNUMBER(FIND(" Status:"," "&$R7))');
  });

  test("native validation messages fit Excel's limits (title 32, message 255 characters)", () => {
    for (const c of COLUMNS) {
      for (const m of [c.prompt, c.error]) {
        if (!m) continue;
        for (const lang of LANGUAGES) {
          expect(m.title[lang].length).toBeLessThanOrEqual(32);
          expect(m.message[lang].length).toBeLessThanOrEqual(255);
        }
      }
    }
  });

  test("the end-date rule refers to the start column", () => {
    const end = COLUMNS.find((c) => c.key === "end")!;
    expect(end.validation && "formula1" in end.validation ? end.validation.formula1 : "").toContain(
      `${columnLetter(columnIndex("start"))}{row}`,
    );
  });

  test("headers match in either language, any case or accents, with aliases", () => {
    expect(matchHeader("STATUT")).toBe("status");
    expect(matchHeader("Bénéficiaires")).toBe("beneficiaries");
    expect(matchHeader("beneficiaires *")).toBe("beneficiaries");
    expect(matchHeader("Target group")).toBe("targetGroups");
    expect(matchHeader(42)).toBeNull();
    expect(mapHeaderRow(["x", "Status", "", "code objectif"])).toEqual({ status: 1, code: 3 });
    expect(mapHeaderRow(["Status", "Comments"])).toBeNull();
  });

  test("column letters", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  test("domain sheets: one row per objective, codes as text, Points formula per row", () => {
    for (const d of DOMAIN_IDS) {
      const l = domainSheetLayout(d, "fr");
      expect(l.rows).toHaveLength(l.lastRow - l.firstRow + 1);
      l.rows.forEach((r, i) => {
        expect(typeof r[0]).toBe("string");
        expect(r[columnIndex("points")]).toBe(pointsFormula(l.firstRow + i));
      });
      expect(l.name.length).toBeLessThanOrEqual(31);
      expect(domainSheetLayout(d, "en").name.length).toBeLessThanOrEqual(31);
    }
  });

  test("lists sheet: named ranges cover exactly their lists", () => {
    const l = listsSheetLayout("en");
    const currency = l.names.find((n) => n.name === "LIAT_Currency")!;
    expect(currency.ref).toBe(`=LIAT_Lists!$I$2:$I$${CURRENCIES.length + 1}`);
    const width = l.values[0]!.length;
    expect(l.values.every((r) => r.length === width)).toBe(true);
  });

  test("cover: one summary line per domain and the overall line, refs can follow renamed sheets", () => {
    const c = coverLayout("en", {}, { 1: { sheet: "It's mine", column: "R", firstRow: 7, lastRow: 30 } });
    expect(Object.keys(c.domainRows)).toHaveLength(6);
    expect(String(c.values[c.domainRows[1] - 1]![1])).toContain("'It''s mine'!$R$7:$R$30");
    expect(c.overallRow).toBe(c.domainRows[6] + 1);
  });
});
