/**
 * The cover sheet's native formulas, evaluated by the host's spreadsheet engine, give the same
 * scores, ratings and coverage as the core's summarize(), to the last decimal.
 */
import fc from "fast-check";
import { OBJECTIVES } from "../../src/core/catalogue";
import { COVER, DOMAIN_IDS, coverLayout, domainSheetName } from "../../src/core/layout";
import { RATING_BANDS } from "../../src/core/rating";
import { NOT_APPLICABLE_LABEL, STATUS_SCALE } from "../../src/core/status";
import { summarize } from "../../src/core/summary";
import { textKey } from "../../src/core/textKey";
import { insertLiat } from "../../src/excel/workbookOperations";
import type { LiatHost } from "../../tooling/excel-host/excelHost";
import { newHost, run } from "./excelFixtures";

const STATUS_VALUES = [
  "",
  ...STATUS_SCALE.flatMap((s) => [
    s.label.fr,
    s.label.en,
    textKey(s.label.fr),
    s.label.en.toUpperCase(),
    String(s.level),
  ]),
  NOT_APPLICABLE_LABEL.fr,
  NOT_APPLICABLE_LABEL.en,
  "N/A",
  "peut-être",
  "  En cours  ",
];

function expectCoverAgrees(host: LiatHost, statuses: Record<string, string>): void {
  const summary = summarize(OBJECTIVES.map((o) => ({ code: o.code, status: statuses[o.code] ?? "" })));
  const layout = coverLayout("fr");
  const cell = (row: number, col: number) => host.getCell("LIAT", `${String.fromCharCode(64 + col)}${row}`).value;
  const rating = (id: string | null) => (id === null ? "" : RATING_BANDS.find((b) => b.id === id)!.label.fr);
  for (const d of summary.domains) {
    const row = layout.domainRows[d.domain];
    expect([d.domain, cell(row, layout.columns.score)]).toEqual([d.domain, d.score ?? ""]);
    expect(cell(row, layout.columns.coverage)).toBe(d.coverage ?? "");
    expect(cell(row, layout.columns.assessed)).toBe(d.assessed);
    expect(cell(row, layout.columns.applicable)).toBe(d.applicable);
    expect(cell(row, layout.columns.rating)).toBe(rating(d.rating));
  }
  const o = layout.overallRow;
  expect(cell(o, layout.columns.score)).toBe(summary.overall.score ?? "");
  expect(cell(o, layout.columns.coverage)).toBe(summary.overall.coverage ?? "");
  expect(cell(o, layout.columns.assessed)).toBe(summary.overall.assessed);
  expect(cell(o, layout.columns.applicable)).toBe(summary.overall.applicable);
  expect(cell(o, layout.columns.rating)).toBe(rating(summary.overall.rating));
}

describe("cover sheet native formulas agree with the core", () => {
  test("on random filled workbooks", async () => {
    const host = newHost();
    await insertLiat({ lang: "fr" });
    // the sheets are protected; the add-in writes entry cells (unlocked) like a user would
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...STATUS_VALUES), { minLength: OBJECTIVES.length, maxLength: OBJECTIVES.length }),
        async (values) => {
          const statuses = Object.fromEntries(OBJECTIVES.map((o, i) => [o.code, values[i]!]));
          await run(host, (wb) => {
            for (const d of DOMAIN_IDS) {
              const codes = OBJECTIVES.filter((o) => o.domain === d);
              wb.worksheets.getItem(domainSheetName(d, "fr")).getRange(`F5:F${4 + codes.length}`).values = codes.map(
                (o) => [statuses[o.code]!],
              );
            }
          });
          expectCoverAgrees(host, statuses);
        },
      ),
      { numRuns: 25, seed: 4242 },
    );
  });

  test("edge cases: empty, all N/A, one domain only, every level", async () => {
    const host = newHost();
    await insertLiat({ lang: "fr" });
    const cases: Record<string, string>[] = [
      {},
      Object.fromEntries(OBJECTIVES.map((o) => [o.code, "Non applicable"])),
      Object.fromEntries(OBJECTIVES.filter((o) => o.domain === 2).map((o) => [o.code, "Pérennisé"])),
      Object.fromEntries(OBJECTIVES.map((o, i) => [o.code, String(i % 5)])),
      Object.fromEntries(
        OBJECTIVES.map((o, i) => [o.code, i % 3 === 0 ? "Planifié" : i % 3 === 1 ? "En cours" : "Mis en œuvre"]),
      ),
    ];
    for (const statuses of cases) {
      await run(host, (wb) => {
        for (const d of DOMAIN_IDS) {
          const codes = OBJECTIVES.filter((o) => o.domain === d);
          wb.worksheets.getItem(domainSheetName(d, "fr")).getRange(`F5:F${4 + codes.length}`).values = codes.map(
            (o) => [statuses[o.code] ?? ""],
          );
        }
      });
      expectCoverAgrees(host, statuses);
    }
    expect(COVER.summaryHeaderRow).toBeGreaterThan(COVER.schemaRow);
  });
});
