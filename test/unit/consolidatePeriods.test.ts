/** Consolidation keeps each source's period: one city sending 2024 and 2025 gives two sources of one city, not a duplicate. */
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { compareStatuses } from "../../src/core/compare";
import { consolidate, sourceSummaryTable } from "../../src/core/consolidate";
import { byCity, byCityTable } from "../../src/core/cityPeriods";
import { readOk } from "./cliFixtures";

jest.setTimeout(60_000);

test("a city's two periods are two sources of that city, each with its period and its own scores", async () => {
  const entries = { "1.1.1": { status: "Planned", responsible: "Mayor" } };
  const [y2024, y2025] = await Promise.all(
    (["2024", "2025"] as const).map(async (period) =>
      readOk(
        await writeLiatWorkbook({
          lang: "en",
          city: "Lyon",
          period,
          entries:
            period === "2024" ? entries : { "1.1.1": { status: "Implemented", responsible: "Mayor", evidence: "x" } },
        }),
        `lyon-${period}.xlsx`,
      ),
    ),
  );
  const result = consolidate([y2024!, y2025!]);
  expect(result.unreadable).toEqual([]);
  expect(result.sources.map((s) => [s.source.city, s.source.period])).toEqual([
    ["Lyon", "2024"],
    ["Lyon", "2025"],
  ]);
  const table = sourceSummaryTable(result, "en");
  const city = table.headers.indexOf("City");
  const period = table.headers.indexOf("Period");
  expect(table.rows.map((r) => [r[city], r[period]])).toEqual([
    ["Lyon", "2024"],
    ["Lyon", "2025"],
  ]);
  // The rows of each source carry its period, so the two periods compare from the consolidation alone.
  const of = (p: string) =>
    result.rows
      .filter((r) => r.source.period === p && r.counted)
      .map((r) => ({ code: r.code, status: r.values.status }));
  const c = compareStatuses(of("2024"), of("2025"));
  expect(c.up).toEqual([{ code: "1.1.1", domain: 1, old: 1, new: 3 }]);
  expect(c.domains[0]!.change).toBe(50);
});

describe("by city: the summary by source read per city across periods", () => {
  const workbook = async (city: string, period: string, status: string, lang: "en" | "fr" = "en") =>
    readOk(
      await writeLiatWorkbook({
        lang,
        city,
        period,
        entries: { "1.1.1": { status, responsible: "Mayor", evidence: "x" } },
      }),
      `${city}-${period}.xlsx`,
    );

  test("one city whatever its spelling, its periods in order, each with the change since the previous one", async () => {
    const result = consolidate([
      await workbook("Saint-Étienne", "2025", "Implemented"),
      await workbook("Lyon", "2025", "Planned"),
      await workbook("saint  etienne ", "2024", "Planned"),
      await workbook("SAINT ETIENNE", "2023", "Not started"),
    ]);
    const cities = byCity(result.sources);
    expect(cities.map((c) => [c.city, c.periods.map((p) => p.period)])).toEqual([
      ["Saint-Étienne", ["2023", "2024", "2025"]],
      ["Lyon", ["2025"]],
    ]);
    expect(cities[0]!.otherSpellings).toEqual(["saint  etienne", "SAINT ETIENNE"]); // as the reader reads the cover (ends trimmed);
    const [p23, p24, p25] = cities[0]!.periods;
    // each period's scores are its source's, the change is since the city's previous period
    const of = (file: string) => result.sources.find((s) => s.source.fileName === file)!.summary;
    expect(p25!.overall).toBe(of("Saint-Étienne-2025.xlsx").overall.score);
    expect(p25!.domains).toEqual(of("Saint-Étienne-2025.xlsx").domains.map((d) => d.score));
    expect(p23!.previousPeriod).toBeNull();
    expect(p23!.overallChange).toBeNull();
    expect(p24!.previousPeriod).toBe("2023");
    expect(p24!.domainChanges[0]).toBeCloseTo(
      of("saint  etienne -2024.xlsx").domains[0]!.score! - of("SAINT ETIENNE-2023.xlsx").domains[0]!.score!,
      9,
    );
    expect(p25!.previousPeriod).toBe("2024");
    expect(p25!.domainChanges[0]).toBe(50); // the one objective assessed in domain 1 went from Planned to Implemented
    expect(p25!.domainChanges.slice(1)).toEqual([null, null, null, null, null]);
    expect(cities[1]!.periods[0]!.overallChange).toBeNull();
  });

  test("periods in numeric order; a period sent twice compares with the period before it; no city is no match", async () => {
    const result = consolidate([
      await workbook("Tunis", "T10 2025", "Implemented"),
      await workbook("Tunis", "T2 2025", "Planned"),
      await workbook("Tunis", "t2 2025", "Sustained"),
      await workbook("", "2025", "Planned"),
      await workbook("", "2024", "Sustained"),
    ]);
    const cities = byCity(result.sources);
    expect(cities.map((c) => [c.city, c.periods.map((p) => [p.period, p.previousPeriod, p.periodRepeated])])).toEqual([
      [
        "Tunis",
        [
          ["T2 2025", null, false],
          ["t2 2025", null, true],
          ["T10 2025", "t2 2025", false],
        ],
      ],
      ["", [["2025", null, false]]],
      ["", [["2024", null, false]]],
    ]);
  });

  test("the By city table: headers in each language, one row per city and period, changes with a sign format", async () => {
    const result = consolidate([
      await workbook("Lyon", "2024", "Planned"),
      await workbook("lyon", "2025", "Implemented"),
    ]);
    for (const lang of ["fr", "en", "es"] as const) {
      const table = byCityTable(byCity(result.sources), lang);
      expect(table.rows).toHaveLength(2);
      expect(table.headers.every((h) => h.length > 0 && !h.includes("{{"))).toBe(true);
      expect(new Set(table.headers).size).toBe(table.headers.length);
    }
    const en = byCityTable(byCity(result.sources), "en");
    const col = (h: string) => en.headers.indexOf(h);
    expect(
      en.rows.map((r) => [r[col("City")], r[col("Period")], r[col("Previous period")], r[col("Change in score")]]),
    ).toEqual([
      ["Lyon", "2024", null, null],
      ["Lyon", "2025", "2024", 50],
    ]);
    expect(en.numberFormats[col("Change in score")]).toBe("+0.0;-0.0;0.0");
    expect(en.rows[0]![col("Note")]).toBe("Also written: lyon");
  });
});
