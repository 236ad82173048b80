/**
 * One measured merge, run in its own process so that its peak memory is its own:
 * `tsx bench/mergeScale.ts files N` merges N distinct received workbooks (grids, as the reader hands
 * them over) into the streamed .xlsx and JSON outputs; `tsx bench/mergeScale.ts rows N` merges one
 * workbook holding a table of N rows. Prints {"seconds", "cpuSeconds", "peakMB"} as JSON (CPU time: the machine may be shared). The grid → consolidation →
 * output half of `liat merge` (the file reader is measured by the read-side rows).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConsolidationJsonWriter, ConsolidationWriter } from "../src/cli/writeConsolidation";
import { OBJECTIVE_CODES } from "../src/core/catalogue";
import { Consolidator } from "../src/core/consolidate";
import type { CellValue } from "../src/core/excelValues";
import type { Lang } from "../src/core/language";
import { COLUMN_KEYS, coverLayout, DOMAIN_IDS, domainSheetLayout } from "../src/core/layout";
import type { SheetData, WorkbookData } from "../src/core/workbookReader";

const STATUSES = ["Non commencé", "Planifié", "En cours", "Mis en œuvre", "Pérennisé", "Non applicable", "", "Planned"];

/** Entry cells of row j of workbook i, in layout order (catalogue cells from the layout). */
function entryRow(layoutRow: readonly (string | number)[], i: number, j: number): CellValue[] {
  return COLUMN_KEYS.map((k, c) => {
    switch (k) {
      case "status":
        return STATUSES[(i * 7 + j * 3) % STATUSES.length]!;
      case "responsible":
        return `Service ${(i + j) % 5}`;
      case "start":
        return 45_300 + ((i + j) % 200);
      case "beneficiaries":
        return (i * j) % 500;
      case "evidence":
        return `https://example.org/city-${i}/objective-${j}`;
      case "comments":
        return j % 10 === 0 ? `note ${i}-${j}` : null;
      case "points":
        return null;
      default: {
        const v = layoutRow[c];
        return v === undefined || v === "" || (typeof v === "string" && v.startsWith("=")) ? null : v;
      }
    }
  });
}

/** The cover and domain sheets' layouts of a language, made once (the same for every file of a language). */
const CITY = "\u0000city";
const layouts = new Map<Lang, { cover: CellValue[][]; domains: ReturnType<typeof domainSheetLayout>[] }>();
function layoutsOf(lang: Lang) {
  let l = layouts.get(lang);
  if (l === undefined) {
    const cover = coverLayout(lang, { city: CITY, period: "2025" }).values;
    l = { cover, domains: DOMAIN_IDS.map((d) => domainSheetLayout(d, lang)) };
    layouts.set(lang, l);
  }
  return l;
}

function workbook(i: number): WorkbookData {
  const lang = i % 2 === 0 ? "fr" : "en";
  const l = layoutsOf(lang);
  const cover: SheetData = { name: "LIAT", rows: l.cover.map((r) => r.map((v) => (v === CITY ? `City ${i}` : v))) };
  const domains = l.domains.map((d): SheetData => ({
    name: d.name,
    rows: [[d.title], [d.help], [], d.headers, ...d.rows.map((r, j) => entryRow(r, i, j))],
  }));
  // the content hash the reader gives every file it reads (src/cli/readWorkbook.ts: SHA-256 of the bytes)
  return { fileName: `city-${i}.xlsx`, hash: `city-${i}`, sheets: [cover, ...domains] };
}

function bigWorkbook(rows: number): WorkbookData {
  const l = domainSheetLayout(1, "fr");
  const body: CellValue[][] = [l.headers];
  for (let r = 0; r < rows; r++) {
    const code = OBJECTIVE_CODES[r % OBJECTIVE_CODES.length]!;
    const row = entryRow(l.rows[0]!, r, r);
    row[0] = code;
    body.push(row);
  }
  return { fileName: "big.xlsx", hash: "big", sheets: [{ name: "Données", rows: body }] };
}

function main(): void {
  const [mode, countText] = process.argv.slice(2);
  const count = Number(countText);
  const dir = mkdtempSync(join(tmpdir(), "liat-bench-scale-"));
  // the big workbook is made before the clock starts (the reader's work, measured by the read rows)
  const big = mode === "rows" ? bigWorkbook(count) : null;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const xlsx = new ConsolidationWriter({ filename: join(dir, "out.xlsx") }, "en");
  const json = new ConsolidationJsonWriter(join(dir, "out.json"));
  const c = new Consolidator(
    (rows) => {
      xlsx.addRows(rows);
      json.addRows(rows);
    },
    (source, notMerged) => {
      xlsx.addSource(source, notMerged);
      json.addSource(source, notMerged);
    },
  );
  if (big !== null) c.add(big);
  else for (let i = 0; i < count; i++) c.add(workbook(i));
  const result = c.result();
  xlsx.finish(result);
  json.finish(result);
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  rmSync(dir, { recursive: true, force: true });
  const merged = c.rowCount;
  process.stdout.write(
    `${JSON.stringify({ seconds, cpuSeconds, peakMB: process.resourceUsage().maxRSS / 1024, rows: merged, sources: c.sourceCount })}\n`,
  );
}

main();
