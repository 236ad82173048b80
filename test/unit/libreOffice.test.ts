/**
 * LibreOffice Calc as a recipient uses it: real headless LibreOffice (Debian's libreoffice-calc-nogui, installed
 * by .ci/run) opens a workbook `liat init` writes, a person fills statuses and entries (unusual spellings, invalid
 * rows), Calc recalculates, and what it shows equals the core: the cover's scores, coverage and ratings (within
 * 1e-9), the Check column's messages, the highlight rules true exactly on the invalid cells, and no error cell.
 * A workbook with recorded periods (history table and the cover's trend, written by the command line) recalculated
 * by Calc shows the core's trend: each period's score per domain and overall and the change, within 1e-9.
 * No skip: without /usr/bin/soffice this test fails.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { DOMAINS } from "../../src/core/domains";
import { ENTRY_FIELDS, type EntryField, type RawEntry } from "../../src/core/entrySchema";
import {
  COVER_SHEET,
  columnIndex,
  columnLetter,
  coverLayout,
  domainSheetLayout,
  entryHeaders,
} from "../../src/core/layout";
import { checkColumnText, highlightedFields } from "../../src/core/nativeChecks";
import { ratingLabel } from "../../src/core/rating";
import { summarize } from "../../src/core/summary";
import { periodTrend, TREND, trendBlock } from "../../src/core/trend";
import { sampleHistory } from "./historyFixtures";

const run = promisify(execFile);
const PYTHON = "/usr/bin/python3";
const SCRIPT = join(__dirname, "..", "libreoffice", "fillAndRecalc.py");
const LANG = "fr" as const;

type Fill = { kind: "text"; value: string } | { kind: "number"; value: number } | { kind: "error"; value: string };
const t = (value: string): Fill => ({ kind: "text", value });
const n = (value: number): Fill => ({ kind: "number", value });
const NA: Fill = { kind: "error", value: "=NA()" };

/** Entries by objective code, typed as people type them, valid and not. */
const ENTRIES: Record<string, Partial<Record<EntryField, Fill>>> = {
  "1.1.1": { status: t("Mis en œuvre"), responsible: t("Mairie"), evidence: t("https://lyon.fr") },
  "1.1.2": { status: t(" pérennisé "), responsible: t("Mairie") },
  "1.1.3": { status: t("PLANNED") },
  "1.2.1": { status: t("mis en oeuvre"), responsible: t("Mairie"), evidence: t("javascript:alert(1)") },
  "1.3.1": { status: n(3), responsible: t("  "), evidence: t("Rapport") },
  "1.4.1": { status: t("Not start?d") },
  "1.5.1": { status: t("P*") },
  "1.10.1": { status: t("*") },
  "1.11.2": { status: t("Pérennise") },
  "2.1": { status: t("in\tprogress"), responsible: t("Emploi"), budget: n(-5) },
  "2.2": { status: t("Non\u00a0commencé"), budget: n(1200), currency: t(" eur ") },
  "2.6": { status: t("2"), responsible: t("Emploi"), budget: n(10), currency: t("XYZ") },
  "3.1.1": { status: t("N/A") },
  "3.2": { status: NA, responsible: t("Santé") },
  "3.3": { status: t("n.a.") },
  "4.1.1": { status: t("En cours"), responsible: t("x"), start: n(45000), end: n(44000) },
  "4.1.2": { status: t("En cours"), responsible: t("x"), start: t("2025-03-31"), beneficiaries: n(2.5) },
  "5.3.4": { status: n(4), responsible: t("x"), evidence: t("ok"), budget: t("1 000") },
  "6.1": { responsible: t("Service"), comments: t("statut oublié") },
  "6.2": { status: t("Non applicable"), partners: NA },
  "6.3": { status: t("peut-être") },
};

function coreValue(f: Fill | undefined): RawEntry[EntryField] {
  if (f === undefined) return null;
  return f.kind === "error" ? "#N/A" : f.value;
}

describe("LibreOffice Calc fills and recalculates a workbook made by `liat init`", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "liat-lo-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows the core's scores, ratings, coverage, check messages and highlights, and no error", async () => {
    expect(existsSync("/usr/bin/soffice")).toBe(true);
    const file = join(dir, "lyon.xlsx");
    writeFileSync(file, await writeLiatWorkbook({ lang: LANG, city: "Lyon", period: "2025" }));

    const fills: { sheet: string; cell: string; kind: string; value: unknown }[] = [];
    const rows: { code: string; sheet: string; row: number; raw: RawEntry }[] = [];
    for (const d of DOMAINS) {
      const layout = domainSheetLayout(d.id, LANG);
      layout.rows.forEach((cells, i) => {
        const code = String(cells[0]);
        const entry = ENTRIES[code];
        if (!entry) return;
        const row = layout.firstRow + i;
        const raw: RawEntry = {};
        for (const f of ENTRY_FIELDS) {
          raw[f] = coreValue(entry[f]);
          const fill = entry[f];
          if (fill) fills.push({ sheet: layout.name, cell: `${columnLetter(columnIndex(f))}${row}`, ...fill });
        }
        rows.push({ code, sheet: layout.name, row, raw });
      });
    }
    expect(rows).toHaveLength(Object.keys(ENTRIES).length);

    const cover = coverLayout(LANG);
    const coverRows = [...DOMAINS.map((d) => cover.domainRows[d.id]), cover.overallRow];
    const coverCols = ["B", "C", "D", "E", "F"];
    const read = [
      ...coverRows.flatMap((r) => coverCols.map((c) => ({ sheet: COVER_SHEET, cell: `${c}${r}` }))),
      ...rows.map((r) => ({ sheet: r.sheet, cell: `${columnLetter(columnIndex("check"))}${r.row}` })),
    ];
    const rules = rows.flatMap((r) =>
      ENTRY_FIELDS.map((f) => ({ sheet: r.sheet, cell: `${columnLetter(columnIndex(f))}${r.row}` })),
    );
    const request = join(dir, "request.json");
    const profile = mkdtempSync(join(tmpdir(), "liat-lo-profile-"));
    writeFileSync(request, JSON.stringify({ file, fills, read, rules, profile, timeout: 240 }));
    let stdout: string;
    try {
      ({ stdout } = await run(PYTHON, [SCRIPT, request], { timeout: 400_000, maxBuffer: 64 * 1024 * 1024 }));
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    type Out = { type: string; value?: number | string; text?: string; error?: number };
    const out = JSON.parse(stdout) as {
      cells: Out[];
      errors: { sheet: string; cell: string }[];
      rules: { formulas: string[]; results: Out[] }[];
    };

    // The cover, against the core's summary of the same statuses.
    const summary = summarize(rows.map((r) => ({ code: r.code, status: r.raw.status })));
    const lines = [...summary.domains, summary.overall];
    const num = (o: Out) => (o.type === "number" ? (o.value as number) : o.type === "empty" ? null : o);
    lines.forEach((line, i) => {
      const [score, rating, coverage, assessed, applicable] = out.cells.slice(i * 5, i * 5 + 5) as Out[];
      const what = i < DOMAINS.length ? `domain ${DOMAINS[i]!.id}` : "overall";
      if (line.score === null) expect([what, score!.type === "text" ? score!.value : score!.type]).toEqual([what, ""]);
      else expect([what, Math.abs((num(score!) as number) - line.score) <= 1e-9]).toEqual([what, true]);
      expect([what, rating!.type === "text" ? rating!.value : rating!.type]).toEqual([
        what,
        line.score === null ? "" : ratingLabel(line.score, LANG),
      ]);
      if (line.coverage === null) expect([what, coverage!.value ?? ""]).toEqual([what, ""]);
      else expect([what, Math.abs((num(coverage!) as number) - line.coverage) <= 1e-9]).toEqual([what, true]);
      expect([what, num(assessed!), num(applicable!)]).toEqual([what, line.assessed, line.applicable]);
    });

    // The Check column, against the core's message for each row.
    const headers = entryHeaders(LANG);
    const checks = out.cells.slice(lines.length * 5);
    rows.forEach((r, i) => {
      const got = checks[i]!;
      expect([r.code, got.type === "text" ? got.value : got.type]).toEqual([
        r.code,
        checkColumnText(r.raw, LANG, headers),
      ]);
    });
    expect(checks.filter((c) => c.value !== "")).not.toHaveLength(0);

    // The highlight rule of each entry cell (as Calc read it from the file), true exactly on the invalid cells.
    rows.forEach((r, i) => {
      const red = highlightedFields(r.raw);
      ENTRY_FIELDS.forEach((f, j) => {
        const rule = out.rules[i * ENTRY_FIELDS.length + j]!;
        const highlight = rule.formulas.findIndex((x) => x.includes("FIND("));
        expect([r.code, f, highlight >= 0]).toEqual([r.code, f, true]);
        expect([r.code, f, rule.results[highlight]!.value === 1]).toEqual([r.code, f, red.has(f)]);
      });
    });

    // No error anywhere but in the cells a person filled with one.
    const filledErrors = new Set(fills.filter((f) => f.kind === "error").map((f) => `${f.sheet}!${f.cell}`));
    const errors = out.errors
      .map((e) => e.cell.replace(/^\$'?(.*?)'?\.\$([A-Z]+)\$(\d+)$/, "$1!$2$3"))
      .filter((c) => !filledErrors.has(c));
    expect(errors).toEqual([]);
  }, 600_000);
  it("recalculates the cover's trend over a recorded history to the core's numbers, with no error cell", async () => {
    const history = sampleHistory();
    const file = join(dir, "history.xlsx");
    writeFileSync(file, await writeLiatWorkbook({ lang: LANG, city: "Lyon", period: "2026", history }));
    const { columns, values } = trendBlock(LANG);
    const width = values[0]!.length;
    const read = Array.from({ length: TREND.slots }, (_, k) =>
      Array.from({ length: width }, (_, c) => ({
        sheet: COVER_SHEET,
        cell: `${columnLetter(c)}${TREND.firstRow + k}`,
      })),
    ).flat();
    const request = join(dir, "history-request.json");
    const profile = mkdtempSync(join(tmpdir(), "liat-lo-profile-"));
    writeFileSync(request, JSON.stringify({ file, fills: [], read, rules: [], profile, timeout: 240 }));
    let stdout: string;
    try {
      ({ stdout } = await run(PYTHON, [SCRIPT, request], { timeout: 400_000, maxBuffer: 64 * 1024 * 1024 }));
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    type Out = { type: string; value?: number | string };
    const out = JSON.parse(stdout) as { cells: Out[]; errors: unknown[] };
    expect(out.errors).toEqual([]);
    const trend = periodTrend(history);
    // not trivial: every period scored, and changes of both signs
    expect(trend.map((p) => p.overall === null)).toEqual([false, false, false]);
    const changes = trend.flatMap((p) => [...p.domainChanges, p.overallChange]).filter((v): v is number => v !== null);
    expect(changes.some((v) => v > 0) && changes.some((v) => v < 0)).toBe(true);
    const near = (what: string, got: Out, want: number | null) => {
      if (want === null) expect([what, got.type === "number" ? got.value : (got.value ?? "")]).toEqual([what, ""]);
      else expect([what, got.type, Math.abs((got.value as number) - want) <= 1e-9]).toEqual([what, "number", true]);
    };
    for (let k = 0; k < TREND.slots; k++) {
      const cells = out.cells.slice(k * width, (k + 1) * width);
      const p = trend[k];
      const what = (name: string) => `period ${k + 1} ${name}`;
      expect([what("label"), cells[columns.label]!.value ?? ""]).toEqual([what("label"), p ? p.label : ""]);
      if (p) near(what("closed on"), cells[columns.closedOn]!, p.closedOn);
      columns.domains.forEach((c, i) => near(what(`domain ${i + 1}`), cells[c]!, p ? p.domains[i]! : null));
      near(what("overall"), cells[columns.overall]!, p ? p.overall : null);
      columns.changes.forEach((c, i) => near(what(`change ${i + 1}`), cells[c]!, p ? p.domainChanges[i]! : null));
      near(what("overall change"), cells[columns.overallChange]!, p ? p.overallChange : null);
    }
  }, 600_000);
});
