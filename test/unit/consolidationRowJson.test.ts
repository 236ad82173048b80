/** The merge's JSON rows (src/cli/consolidationRowJson.ts) are exactly what JSON.stringify writes, whatever the cells hold. */
import fc from "fast-check";
import { writeRowJson } from "../../src/cli/consolidationRowJson";
import { OBJECTIVE_CODES } from "../../src/core/catalogue";
import { consolidate, type ConsolidationRow } from "../../src/core/consolidate";
import type { CellValue } from "../../src/core/excelValues";
import { domainSheetLayout } from "../../src/core/layout";
import type { SheetData } from "../../src/core/workbookReader";

/** Values that need JSON's escapes, or that JSON writes otherwise than as they are, and ordinary ones. */
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    'guillemets "doubles"',
    "barre \\ oblique",
    "ligne 1\r\nligne 2\ttab",
    "\u0000\u0001\u001f contrôle",
    "seul \ud800 demi",
    "\u2028\u2029 séparateurs",
    "Mis en œuvre",
    "En cours",
    "Planned",
    "#N/A",
    "EUR",
    "  ",
    "",
  ),
  fc.string(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 45_300.5),
  fc.boolean(),
);

const code = fc.oneof(fc.constantFrom(...OBJECTIVE_CODES), fc.constantFrom("", "9.9", "1,1,1", " 1.1.1 "), fc.string());

/** A domain sheet's header row, then rows of any values, the code column sometimes repeated (cells not read). */
const sheet: fc.Arbitrary<SheetData> = fc
  .record({
    name: fc.constantFrom("Données", 'Feuille "1"', "1 Accès", "x\\y"),
    repeat: fc.boolean(),
    rows: fc.array(fc.record({ code, cells: fc.array(cellValue, { minLength: 16, maxLength: 16 }) }), {
      maxLength: 12,
    }),
  })
  .map(({ name, repeat, rows }) => {
    const headers: CellValue[] = [...domainSheetLayout(1, "fr").headers];
    if (repeat) headers.push(headers[0]!);
    return {
      name,
      rows: [headers, ...rows.map((r) => [r.code, ...r.cells.slice(1), ...(repeat ? [r.cells[0]!] : [])])],
    };
  });

/** A row's JSON as the merge writes it, gathered into one string. */
function rowJson(row: ConsolidationRow): string {
  let json = "";
  writeRowJson(row, { text: (text) => (json += text), shared: (shared) => (json += shared.text) });
  return json;
}

describe("the merge's JSON rows", () => {
  it("are written as JSON.stringify writes them, escapes, numbers and issues included", () => {
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 3 }), fc.option(fc.string()), (sheets, hash) => {
        const result = consolidate([{ fileName: 'retour "é".xlsx', ...(hash === null ? {} : { hash }), sheets }]);
        for (const row of result.rows) expect(rowJson(row)).toBe(JSON.stringify(row));
      }),
      { numRuns: 100 },
    );
  });

  it("falls back to JSON.stringify for a row or an issue of any other shape", () => {
    const [row] = consolidate([
      { fileName: "a.xlsx", sheets: [{ name: "S", rows: [domainSheetLayout(1, "en").headers, ["9.9", "x"]] }] },
    ]).rows as [ConsolidationRow];
    expect(row.issues.length).toBeGreaterThan(0);
    const { source, ...withoutSource } = row;
    const variants: unknown[] = [
      { ...row, extra: 1 },
      { source, ...withoutSource },
      { ...row, domain: undefined },
      { ...row, points: { toJSON: () => "P" } },
      { ...row, source: { ...row.source } },
      { ...row, issues: [{ ...row.issues[0]!, message: { en: "changed" } }] },
      { ...row, issues: [{ toJSON: () => "issue" }, { ...row.issues[0]!, id: 7 }, { ...row.issues[0]!, more: true }] },
      Object.assign(Object.create({ inherited: true }), row),
    ];
    for (const v of variants) expect(rowJson(v as ConsolidationRow)).toBe(JSON.stringify(v));
  });
});
