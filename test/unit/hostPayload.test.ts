/**
 * Excel on the web's 5 MB limit per request and per response, in the host (web profile), and the add-in staying
 * under it: consolidation writes in chunks and reads earlier sheets in chunks, whatever the number of sources.
 */
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { Consolidator, inLanguage } from "../../src/core/consolidate";
import { writeConsolidation } from "../../src/excel/consolidation";
import { forgetSheets } from "../../src/excel/snapshot";
import { createHost, type LiatHost } from "../../tooling/excel-host/excelHost";
import { WEB_PAYLOAD_LIMIT_BYTES, type ProfileName } from "../../tooling/excel-host/hostProfiles";
import { readOk } from "./cliFixtures";

jest.setTimeout(120_000);

function hostFor(profile: ProfileName): LiatHost {
  const host = createHost({ profile });
  host.install(globalThis);
  forgetSheets();
  return host;
}

/** 1,000 rows × 10 cells of 600 characters: about 6 MB of values. */
const BIG = Array.from({ length: 1000 }, (_, r) =>
  Array.from({ length: 10 }, (_, c) => `${r}:${c}:${"x".repeat(600)}`),
);

async function outcome(host: LiatHost, batch: (wb: Excel.Workbook) => void): Promise<unknown> {
  return host.Excel.run(async (context) => {
    batch((context as unknown as Excel.RequestContext).workbook);
    await context.sync();
  }).then(
    () => "ok",
    (e: unknown) => e,
  );
}

describe("the 5 MB limit", () => {
  test("on the web a request above 5 MB is refused whole, a response above 5 MB fails", async () => {
    const web = hostFor("web");
    const refused = await outcome(web, (wb) => {
      wb.worksheets.getItem("Sheet1").getRange("A1").values = [["before"]];
      wb.worksheets.getItem("Sheet1").getRange("A2:J1001").values = BIG;
    });
    expect(refused).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(web.getCell("Sheet1", "A1").value).toBe("");

    // written in two halves it passes; read back whole it does not
    web.resetSyncCount();
    for (const [from, rows] of [
      [2, BIG.slice(0, 500)],
      [502, BIG.slice(500)],
    ] as const) {
      expect(
        await outcome(web, (wb) => {
          wb.worksheets.getItem("Sheet1").getRange(`A${from}:J${from + 499}`).values = rows;
        }),
      ).toBe("ok");
    }
    expect(web.largestPayload.request).toBeGreaterThan(3_000_000);
    expect(web.largestPayload.request).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
    const read = await outcome(web, (wb) => {
      wb.worksheets.getItem("Sheet1").getUsedRange(true).load("values");
    });
    expect(read).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("Windows and Mac have no such limit; the host still measures", async () => {
    const pc = hostFor("microsoft365");
    expect(
      await outcome(pc, (wb) => {
        wb.worksheets.getItem("Sheet1").getRange("A1:J1000").values = BIG;
      }),
    ).toBe("ok");
    expect(pc.largestPayload.request).toBeGreaterThan(WEB_PAYLOAD_LIMIT_BYTES);
    expect(
      await outcome(pc, (wb) => {
        wb.worksheets.getItem("Sheet1").getUsedRange(true).load("values");
      }),
    ).toBe("ok");
    expect(pc.largestPayload.response).toBeGreaterThan(WEB_PAYLOAD_LIMIT_BYTES);
  });

  test("consolidating 300 sources on the web: written in chunks under the limit, and again over the earlier one", async () => {
    const lyon = await readOk(
      await writeLiatWorkbook({
        lang: "en",
        city: "Lyon",
        period: "2025",
        entries: { "1.1.1": { status: "Implemented", responsible: "Mairie", evidence: "https://lyon.fr/plan" } },
      }),
      "lyon.xlsx",
    );
    const c = new Consolidator();
    for (let i = 0; i < 300; i++) c.add({ ...lyon, fileName: `city-${i}.xlsx`, hash: `h${i}` });
    const result = c.result();
    const web = hostFor("web");
    const first = await writeConsolidation(inLanguage(result, "en"));
    expect(first.rows.consolidation).toBe(300 * 39);
    expect(first.syncs).toBeGreaterThan(2);
    expect(web.largestPayload.request).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
    web.resetSyncCount();
    const again = await writeConsolidation(inLanguage(result, "en"));
    expect(again).toMatchObject({ replaced: 300 * 39, kept: 0 });
    expect(web.largestPayload.request).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
    expect(web.largestPayload.response).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES);
  });
});
