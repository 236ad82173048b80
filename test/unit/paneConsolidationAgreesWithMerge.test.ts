/**
 * The pane's Consolidation view and `liat merge` give the same result on the same files: same rows (values,
 * cells, sources), same summaries, same cells not merged, same files not merged with the same reasons.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, type Io } from "../../src/cli/main";
import { readAndConsolidate, type ChosenFile } from "../../src/taskpane/consolidate/readFiles";
import { writePlainWorkbook } from "./cliFixtures";

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
  const pane = JSON.parse(JSON.stringify(await readAndConsolidate(chosen)));

  expect(pane.rows).toEqual(cli.rows);
  expect(pane.sources).toEqual(cli.sources);
  expect(pane.notMerged).toEqual(cli.notMerged);
  expect(pane.unreadable).toEqual(cli.unreadable);
  // the case is not trivial: rows, a cell not merged, and files not merged
  expect(cli.rows.length).toBe(4);
  expect(cli.notMerged.map((n: { cell: string }) => n.cell)).toEqual(["D2"]);
  expect(cli.unreadable.map((u: { reason: string }) => u.reason).sort()).toEqual(["duplicate", "empty", "notWorkbook"]);
});
