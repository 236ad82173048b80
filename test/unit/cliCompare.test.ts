/** `liat compare`: a French 2024 and an English 2025 workbook of one city (renamed sheet, moved columns) compare. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { columnIndex, COLUMN_KEYS, domainSheetLayout } from "../../src/core/layout";
import { moveColumns, readOk, writePlainWorkbook, runLiat } from "./cliFixtures";

jest.setTimeout(60_000);
let dir: string;

const liat = (...argv: string[]) => runLiat(argv, dir, "en_US.UTF-8");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "liat-compare-"));
  // 2024, in French; sent back with "1 Gouvernance" renamed and its columns in reverse order.
  const fr = await readOk(
    await writeLiatWorkbook({
      lang: "fr",
      city: "Lyon",
      period: "2024",
      entries: {
        "1.1.1": { status: "Planifié", responsible: "Cabinet" },
        "1.1.2": { status: "En cours", responsible: "Cabinet" },
        "1.1.3": { status: "Mis en œuvre", responsible: "Cabinet", evidence: "x" },
        "2.1": { status: "Non applicable" },
        "3.1.1": { status: "Pérennisé", responsible: "Écoles", evidence: "y" },
      },
    }),
  );
  const i = fr.sheets.findIndex((s) => s.name === domainSheetLayout(1, "fr").name);
  const reversed = COLUMN_KEYS.map((_, c) => COLUMN_KEYS.length - 1 - c);
  expect(reversed[0]).not.toBe(columnIndex("code"));
  fr.sheets[i] = { ...moveColumns(fr.sheets[i]!, reversed), name: "Gouv. (copie)" };
  writeFileSync(join(dir, "lyon-2024.xlsx"), await writePlainWorkbook(fr.sheets));
  // 2025, in English.
  writeFileSync(
    join(dir, "lyon-2025.xlsx"),
    await writeLiatWorkbook({
      lang: "en",
      city: "Lyon",
      period: "2025",
      entries: {
        "1.1.1": { status: "Implemented", responsible: "Mayor", evidence: "z" },
        "1.1.2": { status: "Planned", responsible: "Mayor" },
        "2.1": { status: "In progress", responsible: "Jobs" },
        "3.1.1": { status: "Sustained", responsible: "Schools", evidence: "w" },
        "4.1.1": { status: "Not started" },
      },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("liat compare", () => {
  it("compares a French 2024 and an English 2025 workbook, with the numbers of summarising each alone", async () => {
    const r = await liat("compare", "lyon-2024.xlsx", "lyon-2025.xlsx", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.old).toEqual({ file: "lyon-2024.xlsx", city: "Lyon", period: "2024", lang: "fr" });
    expect(c.new).toMatchObject({ city: "Lyon", period: "2025", lang: "en" });
    const [a, b] = await Promise.all(["lyon-2024.xlsx", "lyon-2025.xlsx"].map((f) => liat("summary", f, "--json")));
    const sa = JSON.parse(a!.out).summary;
    const sb = JSON.parse(b!.out).summary;
    c.domains.forEach((d: { old: object; new: object; change: number | null }, k: number) => {
      for (const [side, s] of [
        [d.old, sa.domains[k]],
        [d.new, sb.domains[k]],
      ] as const)
        expect(side).toEqual({ score: s.score, coverage: s.coverage, assessed: s.assessed, applicable: s.applicable });
      const [x, y] = [sa.domains[k].score, sb.domains[k].score];
      expect(d.change).toBe(x === null || y === null ? null : y - x);
    });
    expect(c.overall.old.score).toBe(sa.overall.score);
    expect(c.overall.new.score).toBe(sb.overall.score);
    expect(c.overall.change).toBe(sb.overall.score - sa.overall.score);
    expect(c.domains[0].old.score).toBe(50);
    expect(c.domains[0].new.score).toBe(50);
    expect(c.up).toEqual([{ code: "1.1.1", domain: 1, old: 1, new: 3 }]);
    expect(c.down).toEqual([{ code: "1.1.2", domain: 1, old: 2, new: 1 }]);
    expect(c.becameAssessed).toEqual([
      { code: "2.1", domain: 2, old: "na", new: 2 },
      { code: "4.1.1", domain: 4, old: null, new: 0 },
    ]);
    expect(c.stoppedAssessed).toEqual([{ code: "1.1.3", domain: 1, old: 3, new: null }]);
  });

  it("prints a table and the lists in the message language", async () => {
    const r = await liat("compare", "lyon-2024.xlsx", "lyon-2025.xlsx", "--lang", "fr");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Avant : lyon-2024.xlsx — Ville : Lyon — Période : 2024");
    expect(r.out).toMatch(/1 Gouvernance\s+50,0\s+50,0\s+0,0\s+19\s%\s→\s13\s%/);
    expect(r.out).toMatch(/2 Emploi \(accès à\)\s+50,0\s+0\s%\s→\s17\s%/);
    expect(r.out).toContain("En hausse (1) :");
    expect(r.out).toContain("1.1.1\tPlanifié → Mis en œuvre");
    expect(r.out).toContain("1.1.3\tMis en œuvre → non évalué");
    expect(r.out).toContain("2.1\tNon applicable → En cours");
  });

  it("refuses anything but two readable files", async () => {
    expect(await liat("compare", "lyon-2024.xlsx")).toMatchObject({ code: 2 });
    writeFileSync(join(dir, "notes.txt"), "hello");
    const r = await liat("compare", "lyon-2024.xlsx", "notes.txt");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/notes\.txt/);
  });
});
