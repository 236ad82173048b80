/**
 * Excel operations against the in-memory host: sync counts (exact, from the host's counter) of
 * insert, validation, the summary refresh and the live update after one edit, and the time to
 * re-validate after one edit on a 15,000-row table (median of several runs).
 */
import { columnLetter } from "../src/core/a1";
import { OBJECTIVES } from "../src/core/catalogue";
import { COLUMNS, domainSheetName } from "../src/core/layout";
import { createLiveValidator, insertLiat, readSummary, validateWorkbook } from "../src/excel/workbookOperations";
import { forgetSheets } from "../src/excel/snapshot";
import { createHost, type LiatHost } from "../tooling/excel-host/excelHost";
import { medianMs, type Row } from "./row";

function newHost(): LiatHost {
  const host = createHost();
  host.install(globalThis);
  forgetSheets();
  return host;
}

async function syncsOf(host: LiatHost, fn: () => Promise<unknown>): Promise<number> {
  host.resetSyncCount();
  await fn();
  await host.idle();
  return host.syncCount;
}

const BIG_ROWS = 15_000;

/** A received table of 15,000 rows (codes repeat, as in a consolidation of many copies). */
async function addBigTable(host: LiatHost): Promise<string> {
  const sheet = "Grand tableau";
  const statuses = ["Planifié", "En cours", "Mis en œuvre", "Pérennisé", "Non commencé", ""];
  await host.Excel.run(async (context) => {
    const ws = (context as unknown as Excel.RequestContext).workbook.worksheets.add(sheet);
    const last = columnLetter(COLUMNS.length - 1);
    ws.getRange(`A1:${last}1`).values = [COLUMNS.map((c) => c.header.fr)];
    const rows = Array.from({ length: BIG_ROWS }, (_, i) =>
      COLUMNS.map((c) => {
        if (c.key === "code") return OBJECTIVES[i % OBJECTIVES.length]!.code;
        if (c.key === "status") return statuses[i % statuses.length]!;
        if (c.key === "responsible") return "Service";
        if (c.key === "evidence") return "https://example.org";
        return "";
      }),
    );
    ws.getRange(`A2:${last}${BIG_ROWS + 1}`).numberFormat = rows.map((r) => r.map(() => "@"));
    ws.getRange(`A2:${last}${BIG_ROWS + 1}`).values = rows;
    await context.sync();
  });
  return sheet;
}

export async function runExcelBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const host = newHost();
  const insertSyncs = await syncsOf(host, () => insertLiat({ lang: "fr" }));
  rows.push({
    name: "excel: insert all sheets (syncs)",
    value: insertSyncs,
    unit: "syncs",
    budget: "<= 3",
    ok: insertSyncs <= 3,
  });

  const s1 = domainSheetName(1, "fr");
  host.setCellValueAsUser(s1, "F5", "Mis en œuvre");
  const validateSyncs = await syncsOf(host, () => validateWorkbook());
  rows.push({
    name: "excel: validate whole workbook (syncs)",
    value: validateSyncs,
    unit: "syncs",
    budget: "<= 2",
    ok: validateSyncs <= 2,
  });
  forgetSheets();
  const coldSyncs = await syncsOf(host, () => validateWorkbook());
  rows.push({ name: "excel: validate whole workbook, cold start (syncs)", value: coldSyncs, unit: "syncs" });

  const summarySyncs = await syncsOf(host, () => readSummary());
  rows.push({
    name: "excel: summary refresh (syncs)",
    value: summarySyncs,
    unit: "syncs",
    budget: "1",
    ok: summarySyncs === 1,
  });

  // the live validator reads the changed row (1 sync) and reports; it writes nothing (the workbook checks itself)
  let syncsAtUpdate = -1;
  const live = createLiveValidator({ onUpdate: () => (syncsAtUpdate = host.syncCount) });
  await live.ready;
  await live.idle();
  host.resetSyncCount();
  host.setCellValueAsUser(s1, "G5", "Mairie");
  await host.idle();
  await live.idle();
  rows.push({
    name: "excel: live summary after one edit (syncs before it is shown)",
    value: syncsAtUpdate,
    unit: "syncs",
    budget: "1",
    ok: syncsAtUpdate === 1,
  });
  rows.push({
    name: "excel: re-validate after one edit (syncs)",
    value: host.syncCount,
    unit: "syncs",
    budget: "1",
    ok: host.syncCount === 1,
  });
  await live.dispose();

  // 15,000-row table: time from the edit to the update (issues + summary) being emitted
  const big = newHost();
  await insertLiat({ lang: "fr" });
  const sheet = await addBigTable(big);
  let updates = 0;
  const bigLive = createLiveValidator({ onUpdate: () => updates++ });
  await bigLive.ready;
  await bigLive.idle();
  let n = 0;
  const ms = await medianMs(async () => {
    const before = updates;
    n++;
    big.setCellValueAsUser(sheet, `F${2 + (n % 100)}`, n % 2 === 0 ? "Planifié" : "peut-être");
    await big.idle();
    await bigLive.idle();
    if (updates !== before + 1) throw new Error("no update after the edit");
  }, 7);
  rows.push({
    name: `excel: re-validate after one edit, ${BIG_ROWS.toLocaleString("en")}-row table`,
    value: Math.round(ms * 10) / 10,
    unit: "ms",
  });
  rows.push({
    name: "excel: rows read for that re-validation",
    value: bigLive.lastRowsRead,
    unit: "rows",
    budget: "1",
    ok: bigLive.lastRowsRead === 1,
  });
  big.resetSyncCount();
  big.setCellValueAsUser(sheet, "F3", "En cours");
  await big.idle();
  await bigLive.idle();
  rows.push({
    name: `excel: re-validate after one edit, ${BIG_ROWS.toLocaleString("en")} rows (syncs)`,
    value: big.syncCount,
    unit: "syncs",
    budget: "<= 2",
    ok: big.syncCount <= 2,
  });
  await bigLive.dispose();
  return rows;
}
