/** Consolidation keeps each source's period: one city sending 2024 and 2025 gives two sources of one city, not a duplicate. */
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { compareStatuses } from "../../src/core/compare";
import { consolidate, sourceSummaryTable } from "../../src/core/consolidate";
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
