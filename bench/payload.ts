/**
 * Excel on the web's 5 MB limit: consolidating 1,000 sources in the pane (syncs, largest request and response), and
 * a status read with a 100,000-row sheet that is not a LIAT table in the workbook (syncs, largest response). Measured on
 * the host's web profile, which refuses what the web refuses, so an operation above the limit shows as failed.
 */
import { writeLiatWorkbook } from "../src/cli/writeWorkbook";
import { Consolidator, inLanguage } from "../src/core/consolidate";
import { writeConsolidation } from "../src/excel/consolidation";
import { forgetSheets } from "../src/excel/snapshot";
import { getWorkbookStatus, insertLiat } from "../src/excel/workbookOperations";
import { readWorkbookBytes } from "../src/cli/readWorkbook";
import { createHost, type LiatHost } from "../tooling/excel-host/excelHost";
import { WEB_PAYLOAD_LIMIT_BYTES } from "../tooling/excel-host/hostProfiles";
import type { Row } from "./row";

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 100) / 100;

function webHost(): LiatHost {
  const host = createHost({ profile: "web" });
  host.install(globalThis);
  forgetSheets();
  return host;
}

export async function runPayloadBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const SOURCES = 1000;
  const bytes = await writeLiatWorkbook({
    lang: "en",
    city: "Lyon",
    period: "2025",
    entries: { "1.1.1": { status: "Implemented", responsible: "Mairie", evidence: "https://lyon.fr/plan" } },
  });
  const r = await readWorkbookBytes(bytes, "lyon.xlsx");
  if (!r.ok) throw new Error(`the generated workbook cannot be read: ${r.reason}`);
  const read = r.workbook;
  const c = new Consolidator();
  for (let i = 0; i < SOURCES; i++) c.add({ ...read, fileName: `city-${i}.xlsx`, hash: `h${i}` });
  const host = webHost();
  host.resetSyncCount();
  let failed = "";
  await writeConsolidation(inLanguage(c.result(), "en")).catch((e: unknown) => (failed = String(e)));
  rows.push({
    name: `web: consolidate ${SOURCES.toLocaleString("en")} sources in the pane (syncs)`,
    value: host.syncCount,
    unit: "syncs",
    ...(failed ? { budget: "completes", ok: false } : {}),
  });
  rows.push({
    name: `web: consolidate ${SOURCES.toLocaleString("en")} sources, largest request`,
    value: mb(host.largestPayload.request),
    unit: "MB",
    budget: "< 5 MB",
    ok: !failed && host.largestPayload.request < WEB_PAYLOAD_LIMIT_BYTES,
  });

  const status = webHost();
  await insertLiat({ lang: "en" });
  await status.Excel.run(async (context) => {
    const ws = (context as unknown as Excel.RequestContext).workbook.worksheets.add("Budget 2025");
    const values = Array.from({ length: 100_000 }, (_, i) => [`Line ${i + 1}`, "Operating costs", i * 10, "EUR"]);
    for (let r = 0; r < values.length; r += 20_000) {
      ws.getRange(`A${r + 1}:D${r + 20_000}`).values = values.slice(r, r + 20_000);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 20,000 rows keeps each request under Excel on the web's 5 MB
      await context.sync();
    }
  });
  // Cold (the pane's first read: sheet list, then every sheet's head), then warm (the sheets known: one sync).
  for (const when of ["first read", "sheets known"] as const) {
    if (when === "first read") forgetSheets();
    status.resetSyncCount();
    let statusFailed = false;
    await getWorkbookStatus().catch(() => (statusFailed = true));
    rows.push({
      name: `web: status read (${when}) with a 100,000-row non-LIAT sheet (syncs)`,
      value: status.syncCount,
      unit: "syncs",
      ...(statusFailed ? { budget: "completes", ok: false } : {}),
    });
    rows.push({
      name: `web: status read (${when}) with a 100,000-row non-LIAT sheet, largest response`,
      value: mb(status.largestPayload.response),
      unit: "MB",
      budget: "< 5 MB",
      ok: !statusFailed && status.largestPayload.response < WEB_PAYLOAD_LIMIT_BYTES,
    });
  }
  return rows;
}
