/**
 * The pane's Consolidation view and `liat merge` give the same result on the same files: same rows (the pane keeps
 * each as the consolidation sheet's row in its language, made from the same row as the JSON's), same summaries,
 * same cells not merged, same files not merged with the same reasons.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, type Io } from "../../src/cli/main";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { byCity, byCityTable, citySource, type CityPeriods } from "../../src/core/cityPeriods";
import {
  columnsReadRows,
  consolidationRow,
  notMergedRow,
  sourceSummaryRow,
  type ConsolidationRow,
  type NotMergedCell,
  type SourceSummary,
} from "../../src/core/consolidate";
import { readAndConsolidate, type ChosenFile } from "../../src/taskpane/consolidate/readFiles";
import { loadExcel, writePlainWorkbook } from "./cliFixtures";

jest.setTimeout(60_000); // real files, on machines shared by several test runs

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "liat-agree-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("gives the same consolidation, not-merged cells and unreadable files in the pane as on the command line", async () => {
  const files: Record<string, Uint8Array> = {
    "lyon.xlsx": await writePlainWorkbook([
      { name: "LIAT", rows: [["Ville", "Lyon"]] },
      {
        name: "Retour",
        rows: [
          ["N°", "Statut 2025", "Responsable", "Statut", null, "Code", "Status", "Comments"],
          ["1.1.1", "En cours", "DGS", "Planifié", null, "2.1", "Implemented", "line 1\r\nline 2"],
          ["1.1.2", "peut-être", null, null, null, "9.9", "Planned", null],
        ],
      },
    ]),
    "copie.xlsx": new Uint8Array(0),
    "notes.xlsx": new TextEncoder().encode("not a workbook"),
  };
  files["lyon-again.xlsx"] = files["lyon.xlsx"]!;
  const names = Object.keys(files);
  for (const name of names) writeFileSync(join(dir, name), files[name]!);

  let err = "";
  const io: Io = { stdout: () => {}, stderr: (s) => (err += s), env: { LANG: "en_US.UTF-8" }, cwd: dir };
  expect(await run(["merge", ...names, "-o", "out.xlsx", "--json", "out.json"], io)).toBe(0);
  expect(err).toContain("1 cell not merged");
  const cli = JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));

  const chosen: ChosenFile[] = names.map((name) => ({
    name,
    size: files[name]!.length,
    arrayBuffer: async () => files[name]!.slice().buffer as ArrayBuffer,
  }));
  const pane = JSON.parse(JSON.stringify(await readAndConsolidate(chosen, "fr")));

  // every sheet's rows as the command line's JSON made into them (the pane writes these, a request at a time)
  const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));
  const sources: SourceSummary[] = cli.sources;
  expect(pane.rows.lang).toBe("fr");
  expect(pane.rows.sheets).toEqual(
    asJson({
      consolidation: {
        values: cli.rows.map((r: ConsolidationRow) => consolidationRow(r, "fr")),
        keys: cli.rows.map((r: ConsolidationRow) => r.source.key),
      },
      summary: { values: sources.map((s) => sourceSummaryRow(s, "fr")), keys: sources.map((s) => s.source.key) },
      notMerged: { values: cli.notMerged.map((n: NotMergedCell) => notMergedRow(n, "fr")), keys: [""] },
      columns: {
        values: sources.flatMap((s) => columnsReadRows(s, "fr")),
        keys: sources.flatMap((s) => s.columns.map(() => s.source.key)),
      },
    }),
  );
  // and what the pane shows of each source, of the cells and the files not merged
  expect(pane.sources).toEqual(
    asJson(
      sources.map((s) => ({
        ...citySource(s),
        source: { key: s.source.key, fileName: s.source.fileName, city: s.source.city, period: s.source.period },
        rows: s.rows,
        errors: s.errors,
        warnings: s.warnings,
      })),
    ),
  );
  expect(pane.notMerged).toEqual(cli.notMerged);
  expect(pane.notMergedCount).toBe(cli.notMerged.length);
  expect(pane.unreadable).toEqual(cli.unreadable);
  // the case is not trivial: rows, a cell not merged, and files not merged
  expect(cli.rows.length).toBe(4);
  expect(cli.notMerged.map((n: { cell: string }) => n.cell)).toEqual(["D2"]);
  expect(cli.unreadable.map((u: { reason: string }) => u.reason).sort()).toEqual(["duplicate", "empty", "notWorkbook"]);
});

it("reads the sources per city across periods in the pane as on the command line (JSON and the By city sheet)", async () => {
  const entries = (status: string) => ({ "1.1.1": { status, responsible: "DGS", evidence: "x" } });
  const files: Record<string, Uint8Array> = {
    "lyon-2024.xlsx": await writeLiatWorkbook({
      lang: "fr",
      city: "Lyon",
      period: "2024",
      entries: entries("Planifié"),
    }),
    "lyon-2025.xlsx": await writeLiatWorkbook({
      lang: "en",
      city: "LYON",
      period: "2025",
      entries: entries("Implemented"),
    }),
    "tunis.xlsx": await writeLiatWorkbook({ lang: "es", city: "Túnez", period: "2025", entries: entries("En curso") }),
  };
  const names = Object.keys(files);
  for (const name of names) writeFileSync(join(dir, name), files[name]!);
  const io: Io = { stdout: () => {}, stderr: () => {}, env: { LANG: "en_US.UTF-8" }, cwd: dir };
  expect(await run(["merge", ...names, "-o", "cities.xlsx", "--json", "cities.json"], io)).toBe(0);
  const cli = JSON.parse(readFileSync(join(dir, "cities.json"), "utf8"));
  const chosen: ChosenFile[] = names.map((name) => ({
    name,
    size: files[name]!.length,
    arrayBuffer: async () => files[name]!.slice().buffer as ArrayBuffer,
  }));
  const paneResult = await readAndConsolidate(chosen, "en");
  const pane = JSON.parse(JSON.stringify(byCity(paneResult.sources)));
  expect(pane).toEqual(cli.byCity);
  expect(
    cli.byCity.map((c: CityPeriods) => [c.city, c.periods.map((p) => [p.period, p.previousPeriod, p.overallChange])]),
  ).toEqual([
    [
      "Lyon",
      [
        ["2024", null, null],
        ["2025", "2024", 50],
      ],
    ],
    ["Túnez", [["2025", null, null]]],
  ]);
  // the workbook's By city sheet holds the same values
  const wb = await loadExcel(readFileSync(join(dir, "cities.xlsx")));
  const sheet = wb.getWorksheet("By city")!;
  const table = byCityTable(byCity(paneResult.sources), "en");
  const read: unknown[][] = [];
  sheet.eachRow((row) => read.push(table.headers.map((_, c) => row.getCell(c + 1).value ?? null)));
  expect(read).toEqual([table.headers, ...table.rows]);
  expect(sheet.getRow(3).getCell(table.headers.indexOf("Change in score") + 1).numFmt).toBe("+0.0;-0.0;0.0");
});
