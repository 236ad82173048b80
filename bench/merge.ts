/**
 * Budget: merge 400 workbooks from the command line in under 30 seconds. The 400 filled workbooks
 * (each different: city, period, statuses, entries) are generated once into a temp folder and
 * reused; the measure is `liat merge` over all of them, writing the .xlsx and the JSON.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/main";
import { writeLiatWorkbook } from "../src/cli/writeWorkbook";
import { OBJECTIVE_CODES } from "../src/core/catalogue";
import type { RawEntry } from "../src/core/entrySchema";
import { isoDateToSerial } from "../src/core/excelValues";
import { SCHEMA_VERSION } from "../src/core/layout";
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
  const code = await run(["merge", ...files, "-o", join(out, "merged.xlsx"), "--json", join(out, "merged.json")], io);
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`liat merge exited with ${code}`);
  const expected = `${COUNT} workbook(s) merged, ${COUNT * OBJECTIVE_CODES.length} row(s); 0 file(s) not merged.`;
  if (!stdout.includes(expected)) throw new Error(`unexpected merge result: ${stdout.trim()}`);
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
  ];
}
