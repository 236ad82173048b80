/**
 * Budget: merge 400 workbooks from the command line in under 30 seconds (inputs given as an @list
 * file). Then the scale rows: memory flat and CPU time per workbook constant from 50 to 10,000
 * workbooks, and a 100,000-row workbook (bench/mergeScale.ts, one process each). The 400 filled workbooks
 * (each different: city, period, statuses, entries) are generated once into a temp folder and
 * reused; the measure is `liat merge` over all of them, writing the .xlsx and the JSON.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/main";
import { writeLiatWorkbook } from "../src/cli/writeWorkbook";
import { OBJECTIVE_CODES } from "../src/core/catalogue";
import type { RawEntry } from "../src/core/entrySchema";
import { isoDateToSerial } from "../src/core/dates";
import { SCHEMA_VERSION } from "../src/core/layout";
import { liatWorkbook } from "./readCorpus";
import type { Row } from "./row";

const COUNT = 400;
const BUDGET_S = 30;
const DIR = join(tmpdir(), `liat-bench-merge-v${SCHEMA_VERSION}`);
const MARKER = join(DIR, "ready.json");

const STATUSES = [
  "Non commencé",
  "Planifié",
  "En cours",
  "Mis en œuvre",
  "Pérennisé",
  "Non applicable",
  "",
  "Planned",
  "Implemented",
];

function entriesFor(i: number): Record<string, RawEntry> {
  const start = isoDateToSerial("2024-01-01")!;
  const out: Record<string, RawEntry> = {};
  OBJECTIVE_CODES.forEach((code, j) => {
    const status = STATUSES[(i * 7 + j * 3) % STATUSES.length]!;
    if (status === "") return;
    out[code] = {
      status,
      responsible: (i + j) % 6 === 0 ? null : `Service ${j % 5}`,
      partners: "ONG locale; université",
      targetGroups: "migrants; réfugiés",
      start: start + ((i + j) % 200),
      end: start + ((i + j) % 200) + 90,
      budget: (i + j) % 4 === 0 ? 1000 * (j + 1) : null,
      currency: (i + j) % 4 === 0 ? "EUR" : null,
      beneficiaries: (i * j) % 500,
      evidence: (i + j) % 3 === 0 ? "" : `https://example.org/city-${i}/objective-${code}`,
      comments: j % 10 === 0 ? `=HYPERLINK("http://x/${i}")` : null,
    };
  });
  return out;
}

/** The 400 workbooks, generated once (a marker file says they are complete). */
export async function benchWorkbooks(): Promise<string[]> {
  const files = Array.from({ length: COUNT }, (_, i) => join(DIR, `city-${String(i + 1).padStart(3, "0")}.xlsx`));
  if (existsSync(MARKER) && JSON.parse(readFileSync(MARKER, "utf8")).count === COUNT) return files;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const [i, file] of files.entries()) {
    const lang = i % 2 === 0 ? "fr" : "en";
    writeFileSync(
      file,
      await writeLiatWorkbook({ lang, city: `City ${i + 1}`, period: `202${i % 5}`, entries: entriesFor(i) }),
    );
  }
  writeFileSync(MARKER, JSON.stringify({ count: COUNT }));
  return files;
}

export async function runMergeBench(): Promise<Row[]> {
  const files = await benchWorkbooks();
  const out = join(DIR, "out");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  let stdout = "";
  const io = { stdout: (s: string) => (stdout += s), stderr: () => undefined, env: { LANG: "en" }, cwd: DIR };
  const t0 = performance.now();
  // the inputs as a list file: thousands of paths never meet the shell's argument limit
  writeFileSync(join(out, "inputs.txt"), files.join("\n"));
  const code = await run(
    ["merge", `@${join(out, "inputs.txt")}`, "-o", join(out, "merged.xlsx"), "--json", join(out, "merged.json")],
    io,
  );
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`liat merge exited with ${code}`);
  const merged = JSON.parse(readFileSync(join(out, "merged.json"), "utf8")) as {
    rows: unknown[];
    unreadable: unknown[];
  };
  if (merged.rows.length !== COUNT * OBJECTIVE_CODES.length || merged.unreadable.length !== 0)
    throw new Error(`unexpected merge result: ${stdout.trim()}`);
  return [
    {
      name: `CLI merge of ${COUNT} workbooks (.xlsx + JSON out)`,
      value: Number(seconds.toFixed(2)),
      unit: "s",
      budget: `< ${BUDGET_S} s`,
      ok: seconds < BUDGET_S,
    },
    {
      name: "  per workbook (read, check, consolidate, write share)",
      value: Number(((seconds * 1000) / COUNT).toFixed(1)),
      unit: "ms",
    },
    ...bigMergeRows(),
    ...scaleRows(),
  ];
}

/**
 * `liat merge` of one 100,000-row workbook end to end, as a user runs it: the bundled command line
 * (bin/liat.js) reading the file, checking and consolidating the rows, writing the .xlsx and the JSON. Wall
 * time of the process; its peak memory from GNU time when the machine has it.
 */
function bigMergeRows(): Row[] {
  const file = join(DIR, `rows-${BIG_ROWS}.xlsx`);
  if (!existsSync(file)) writeFileSync(file, liatWorkbook("Big city", "2025", BIG_ROWS));
  const out = join(DIR, "out-big");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  const cli = join(__dirname, "..", "bin", "liat.js");
  // the first run builds the bundle when the sources are newer; it is not measured
  spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
  const args = [cli, "merge", file, "-o", join(out, "merged.xlsx"), "--json", join(out, "merged.json")];
  const gnuTime = existsSync("/usr/bin/time");
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "peakKB=%M", process.execPath, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`liat merge of ${BIG_ROWS} rows exited with ${r.status}: ${r.stderr}`);
  const rows: Row[] = [
    {
      name: `liat merge of one ${BIG_ROWS}-row workbook, end to end (bundled CLI)`,
      value: Number(seconds.toFixed(2)),
      unit: "s",
      budget: "< 5 s",
      ok: seconds < 5,
    },
  ];
  const peak = /peakKB=(\d+)/.exec(r.stderr);
  if (peak) {
    const mb = Math.round(Number(peak[1]) / 1024);
    rows.push({ name: "  peak memory", value: mb, unit: "MB", budget: "< 500 MB", ok: mb < 500 });
  }
  return rows;
}

/** One merge in its own process (bench/mergeScale.ts), for its own peak memory. */
function measure(mode: "files" | "rows", count: number): { seconds: number; cpuSeconds: number; peakMB: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "mergeScale.ts"), mode, String(count)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`mergeScale ${mode} ${count}: ${r.stderr.split("\n")[0]}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

/** Files merged in the scale rows; LIAT_BENCH_FILES=50,400 runs fewer (10,000 files take minutes). */
const SCALE_FILES = (process.env.LIAT_BENCH_FILES ?? "50,400,2000,4000,10000").split(",").map(Number);
const BIG_ROWS = 100_000;
const MEMORY_BUDGET_MB = 300;

/**
 * Memory flat and time linear in the number of files (distinct workbooks, grid → streamed .xlsx and
 * JSON), and one workbook of 100,000 rows: the consolidation half of liat merge, each in its own process.
 */
function scaleRows(): Row[] {
  const rows: Row[] = [];
  for (const n of SCALE_FILES) {
    const m = measure("files", n);
    rows.push({
      name: `merge ${n} workbooks: peak memory`,
      value: Math.round(m.peakMB),
      unit: "MB",
      budget: `< ${MEMORY_BUDGET_MB} MB`,
      ok: m.peakMB < MEMORY_BUDGET_MB,
    });
    rows.push({ name: `  CPU time per workbook`, value: Number(((m.cpuSeconds * 1000) / n).toFixed(1)), unit: "ms" });
  }
  const big = measure("rows", BIG_ROWS);
  rows.push(
    {
      name: `merge one ${BIG_ROWS}-row workbook (grid → outputs): CPU`,
      value: Number(big.cpuSeconds.toFixed(1)),
      unit: "s",
      budget: "< 5 s",
      ok: big.cpuSeconds < 5,
    },
    { name: `  peak memory`, value: Math.round(big.peakMB), unit: "MB", budget: "< 500 MB", ok: big.peakMB < 500 },
  );
  return rows;
}
