/**
 * Insert with the native checks, and the periods (issue 14), on the host's web profile (which refuses a request over
 * 5 MB as Excel on the web does): the Check formula's length, insert's requests and time, closing a period (syncs,
 * largest request, time, with a history of 1 and of 20 periods), the cover's trend, and comparing two workbooks
 * (core, and `liat compare` on two files).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/main";
import { writeLiatWorkbook } from "../src/cli/writeWorkbook";
import { OBJECTIVE_CODES } from "../src/core/catalogue";
import { compareStatuses } from "../src/core/compare";
import type { HistoryPeriod } from "../src/core/history";
import { checkFormula, FIRST_DATA_ROW } from "../src/core/layout";
import { periodTrend } from "../src/core/trend";
import { closePeriod } from "../src/excel/closePeriod";
import { forgetSheets } from "../src/excel/snapshot";
import { insertLiat, validateWorkbook } from "../src/excel/workbookOperations";
import { createHost, type LiatHost } from "../tooling/excel-host/excelHost";
import { WEB_PAYLOAD_LIMIT_BYTES } from "../tooling/excel-host/hostProfiles";
import { medianMs, type Row } from "./row";

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 1000) / 1000;
const round = (ms: number) => Math.round(ms * 10) / 10;

function webHost(): LiatHost {
  const host = createHost({ profile: "web" });
  host.install(globalThis);
  forgetSheets();
  return host;
}

const STATUSES = ["Planned", "In progress", "Implemented", "Sustained", "Not started", "", "N/A"];

export async function runPeriodsBench(): Promise<Row[]> {
  const rows: Row[] = [];

  // Insert: the Check formula of one row, and the whole insert's requests and time.
  for (const lang of ["fr", "en", "es"] as const)
    rows.push({
      name: `insert: Check formula of one row (${lang})`,
      value: checkFormula(FIRST_DATA_ROW, lang).length,
      unit: "chars",
      budget: "<= 8,192 (Excel)",
      ok: checkFormula(FIRST_DATA_ROW, lang).length <= 8192,
    });
  let host = webHost();
  host.resetSyncCount();
  await insertLiat({ lang: "fr" });
  rows.push({
    name: "web: insert all sheets (syncs)",
    value: host.syncCount,
    unit: "syncs",
    budget: "<= 3",
    ok: host.syncCount <= 3,
  });
  rows.push({
    name: "web: insert all sheets, largest request",
    value: mb(host.largestPayload.request),
    unit: "MB",
    budget: "< 5 MB",
    ok: host.largestPayload.request < WEB_PAYLOAD_LIMIT_BYTES,
  });
  const insertMs = await medianMs(async () => {
    webHost();
    await insertLiat({ lang: "fr" });
  }, 5);
  rows.push({ name: "web: insert all sheets (host, median)", value: round(insertMs), unit: "ms" });
  const validateMs = await medianMs(() => validateWorkbook(), 5);
  rows.push({ name: "web: validate whole workbook (host, median)", value: round(validateMs), unit: "ms" });

  // Closing a period: the first (history sheet created), then with 20 periods recorded.
  host = webHost();
  await insertLiat({ lang: "en" });
  host.resetSyncCount();
  let r = await closePeriod({ label: "2001", nextLabel: "2002", clearStatuses: false, closedOn: "2001-12-31" });
  if (!r.closed) throw new Error("the first close did not close");
  rows.push({ name: "close period: first close (syncs)", value: host.syncCount, unit: "syncs" });
  for (let y = 2002; y < 2020; y++)
    await closePeriod({ label: String(y), nextLabel: String(y + 1), clearStatuses: false, closedOn: `${y}-12-31` });
  host.resetSyncCount();
  let year = 2020;
  const closeMs = await medianMs(async () => {
    r = await closePeriod({
      label: String(year),
      nextLabel: String(year + 1),
      clearStatuses: false,
      closedOn: `${year}-12-31`,
    });
    if (!r.closed) throw new Error("a close did not close");
    year++;
  }, 5);
  rows.push({
    name: "close period: the 20th to 25th period (host, median)",
    value: round(closeMs),
    unit: "ms",
  });
  const recorded = year - 2001;
  rows.push({
    name: `close period: largest request (${recorded} periods x 39 rows rewritten)`,
    value: mb(host.largestPayload.request),
    unit: "MB",
    budget: "< 5 MB",
    ok: host.largestPayload.request < WEB_PAYLOAD_LIMIT_BYTES,
  });
  // The close rewrites the whole history (values and Points formulas) in blocks of at most 1.5 MB each
  // (src/excel/closePeriod.ts), so its largest request stays flat however many periods are recorded.

  // The trend and compare, in the core.
  const periods: HistoryPeriod[] = Array.from({ length: 20 }, (_, p) => ({
    seq: p + 1,
    label: String(2000 + p),
    closedOn: 40000 + p * 365,
    entries: OBJECTIVE_CODES.map((code, i) => ({ code, status: STATUSES[(i + p) % STATUSES.length] })),
  }));
  rows.push({
    name: "trend: 20 periods (core, median)",
    value: round(await medianMs(() => periodTrend(periods), 9)),
    unit: "ms",
  });
  const [a, b] = [periods[0]!.entries, periods[1]!.entries];
  rows.push({
    name: "compare: two periods (core, median)",
    value: round(await medianMs(() => compareStatuses(a, b), 9)),
    unit: "ms",
  });

  // `liat compare` on two files, from reading to the JSON.
  const dir = mkdtempSync(join(tmpdir(), "liat-bench-compare-"));
  try {
    const entries = (p: HistoryPeriod) =>
      Object.fromEntries(p.entries.map((e) => [e.code, { status: String(e.status), responsible: "Mairie" }]));
    writeFileSync(
      join(dir, "a.xlsx"),
      await writeLiatWorkbook({ lang: "fr", city: "Lyon", period: "2024", entries: entries(periods[0]!) }),
    );
    writeFileSync(
      join(dir, "b.xlsx"),
      await writeLiatWorkbook({ lang: "en", city: "Lyon", period: "2025", entries: entries(periods[1]!) }),
    );
    let code = -1;
    const ms = await medianMs(async () => {
      code = await run(["compare", "a.xlsx", "b.xlsx", "--json"], {
        stdout: () => {},
        stderr: () => {},
        env: {},
        cwd: dir,
      });
    }, 5);
    if (code !== 0) throw new Error(`liat compare exited with ${code}`);
    rows.push({ name: "liat compare: two workbooks, fr and en (median)", value: round(ms), unit: "ms" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
