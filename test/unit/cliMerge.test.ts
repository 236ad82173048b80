/**
 * `liat merge` on what coordinators have: a directory or a list file of inputs, outputs that must
 * not overwrite each other, nothing merged (exit code), and the workbook and the JSON agreeing on
 * every value, text character for character.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SheetData } from "../../src/core/workbookReader";
import { isoDateToSerial } from "../../src/core/dates";
import { loadExcel, readOk, writePlainWorkbook, runLiat } from "./cliFixtures";

jest.setTimeout(60_000); // real files, on machines shared by several test runs

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "liat-merge-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const liat = (...argv: string[]) => runLiat(argv, dir, "en_US.UTF-8");

const table = (name: string, rows: SheetData["rows"]): SheetData => ({ name, rows });

async function writeReturn(path: string, city: string, status: string): Promise<void> {
  const bytes = await writePlainWorkbook([
    table("LIAT", [["City", city]]),
    table("Retour", [
      ["Code", "Statut 2025", "Comments"],
      ["1.1.1", status, `from ${city}`],
    ]),
  ]);
  writeFileSync(join(dir, path), bytes);
}

describe("liat merge inputs", () => {
  it("takes a directory (sub-directories included) and @list files", async () => {
    mkdirSync(join(dir, "retours", "sud"), { recursive: true });
    await writeReturn("retours/a.xlsx", "Lyon", "Planned");
    await writeReturn("retours/sud/b.xlsx", "Nice", "In progress");
    writeFileSync(join(dir, "retours", "notes.txt"), "not a workbook");
    const byDir = await liat("merge", "retours", "-o", "dir.xlsx", "--json", "dir.json");
    expect(byDir.code).toBe(0);
    const fromDir = JSON.parse(readFileSync(join(dir, "dir.json"), "utf8"));
    expect(fromDir.sources.map((s: { source: { fileName: string } }) => s.source.fileName)).toEqual([
      join("retours", "a.xlsx"),
      join("retours", "sud", "b.xlsx"),
    ]);

    writeFileSync(join(dir, "list.txt"), "# received in March\nretours/sud/b.xlsx\n\nretours/a.xlsx\r\n");
    const byList = await liat("merge", "@list.txt", "-o", "list.xlsx", "--json", "list.json");
    expect(byList.code).toBe(0);
    const fromList = JSON.parse(readFileSync(join(dir, "list.json"), "utf8"));
    expect(fromList.rows.map((r: { source: { city: string }; values: { status: string } }) => r.values.status)).toEqual(
      ["In progress", "Planned"],
    );
  });

  it("exits 2 when nothing could be merged, and still writes the list of files not merged", async () => {
    writeFileSync(join(dir, "a.xlsx"), "not a zip");
    const r = await liat("merge", "a.xlsx", "missing.xlsx", "-o", "out.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain("No workbook could be merged.");
    const wb = await loadExcel(readFileSync(join(dir, "out.xlsx")));
    expect(wb.getWorksheet("Unreadable files")!.rowCount).toBe(3);
  });

  it("refuses a workbook and a JSON written to the same file, and an output that is an input", async () => {
    await writeReturn("a.xlsx", "Lyon", "Planned");
    const same = await liat("merge", "a.xlsx", "-o", "X.xlsx", "--json", "./X.xlsx");
    expect(same.code).toBe(2);
    expect(same.err).toContain("cannot be the same file");
    const input = await liat("merge", ".", "-o", "a.xlsx", "--force");
    expect(input.code).toBe(2);
    expect(input.err).toContain("is also an input");
  });

  it.each([
    ["the JSON", ["-o", "out.xlsx", "--json", "/dev/full"]],
    ["the workbook", ["-o", "/dev/full", "--json", "out.json"]],
  ])("stops with the name of %s when the disk is full, not calling the file being merged damaged", async (_, out) => {
    expect(existsSync("/dev/full")).toBe(true);
    // rows enough for the outputs to be written while the file is merged (a piece is written at every MiB)
    const rows = Array.from({ length: 3_000 }, (_, i) => ["1.1.1", "Planned", `comment ${i} `.repeat(20)]);
    writeFileSync(
      join(dir, "big.xlsx"),
      await writePlainWorkbook([table("Retour", [["Code", "Statut", "Comments"], ...rows])]),
    );
    // files after it, enough for progress to be shown if the merge went on reading them
    const others = Array.from({ length: 24 }, (_, i) => `other-${i}.xlsx`);
    for (const [i, name] of others.entries()) await writeReturn(name, `Ville ${i}`, "Planned");
    // stopped at the first file (no progress line); and a small merge, at the end
    for (const inputs of [["big.xlsx", ...others], [others[0]!]]) {
      const r = await liat("merge", ...inputs, ...out, "--force");
      expect([r.code, r.err]).toEqual([2, 'Cannot write "/dev/full": ENOSPC: no space left on device, write\n']);
    }
  });

  it("names the JSON when it cannot be written, and leaves no workbook begun behind", async () => {
    await writeReturn("a.xlsx", "Lyon", "Planned");
    const r = await liat("merge", "a.xlsx", "-o", "out.xlsx", "--json", join("no-such-folder", "out.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Cannot write "no-such-folder.out\.json": ENOENT/);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
  });
});

describe("liat merge outputs", () => {
  it("writes the same values in the workbook and the JSON, text character for character", async () => {
    const tricky = "line 1\r\nline 2\u0001\u001f end _x0041_ =1+1 \u00a0";
    await writePlainWorkbook([]).catch(() => undefined);
    const start = isoDateToSerial("2025-03-01")!;
    const bytes = await writePlainWorkbook([
      table("S", [
        ["Code", "Statut", "Comments", "Début", null, "Code", "Status", "Evidence"],
        ["1.1.1", "Planned", tricky, start, null, "2.1", "Implemented", "https://x.org"],
      ]),
    ]);
    writeFileSync(join(dir, "a.xlsx"), bytes);
    const r = await liat("merge", "a.xlsx", "-o", "out.xlsx", "--json", "out.json");
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));
    const wb = await loadExcel(readFileSync(join(dir, "out.xlsx")));
    const ws = wb.getWorksheet("Consolidation")!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(ws.rowCount - 1).toBe(json.rows.length);
    expect(json.rows).toHaveLength(2);
    json.rows.forEach((row: { values: Record<string, unknown>; address: string }, i: number) => {
      const cell = (h: string) => ws.getCell(i + 2, headers.indexOf(h) + 1).value;
      expect(cell("Cell")).toBe(row.address);
      expect(cell("Status")).toBe(row.values.status);
      expect(cell("Comments")).toBe(row.values.comments ?? null);
      expect(cell("Evidence")).toBe(row.values.evidence ?? null);
    });
    expect(json.rows[0].values.comments).toBe(tricky);
    // a date is its serial number, shown with a date format
    const startCell = ws.getCell(2, headers.indexOf("Start") + 1);
    expect(json.rows[0].values.start).toBe(start);
    expect(startCell.value).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(startCell.numFmt).toBe("yyyy-mm-dd");
    // the project's own reader gives every cell back as the JSON has it
    const read = await readOk(readFileSync(join(dir, "out.xlsx")), "out.xlsx");
    const sheet = read.sheets.find((s) => s.name === "Consolidation")!;
    expect(sheet.rows[1]![headers.indexOf("Comments")]).toBe(tricky);
    expect(sheet.rows[1]![headers.indexOf("Start")]).toBe(start);
  });
});
