/** The command line end to end: init → check → summary, merge (renamed sheet, moved columns, not a workbook), duplicates, bin/liat.js. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import type { ConsolidationResult } from "../../src/core/consolidate";
import {
  COLUMN_KEYS,
  columnIndex,
  columnLetter,
  domainSheetLayout,
  FIRST_DATA_ROW,
  SCHEMA_VERSION,
} from "../../src/core/layout";
import { LANGUAGES } from "../../src/core/language";
import { summarize } from "../../src/core/summary";
import { loadExcel, moveColumns, readOk, writePlainWorkbook, runLiat } from "./cliFixtures";

const ROOT = resolve(__dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "liat-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(60_000); // real files, on machines shared by several test runs

const liat = (...argv: string[]) => runLiat(argv, dir, "en_US.UTF-8");

/** Sets cells of a written workbook with ExcelJS, as a person would in Excel, and saves it. */
async function fill(file: string, sheet: string, cells: Record<string, ExcelJS.CellValue>): Promise<void> {
  const wb = await loadExcel(readFileSync(join(dir, file)));
  const ws = wb.getWorksheet(sheet)!;
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  writeFileSync(join(dir, file), Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

jest.setTimeout(60_000); // the command line runs whole workbooks; CI machines are shared

describe("liat init → check → summary", () => {
  it("creates a workbook that checks clean, then reports what a person got wrong, and summarises it", async () => {
    const init = await liat("init", "-o", "city.xlsx", "--lang", "en", "--city", "Lyon", "--period", "2025");
    expect(init).toEqual({ code: 0, out: "Written: city.xlsx\n", err: "" });
    expect(await liat("check", "city.xlsx")).toMatchObject({ code: 0, out: "No issues.\n" });

    const gov = domainSheetLayout(1, "en").name;
    await fill("city.xlsx", gov, {
      F5: "Implemented",
      G5: "Mayor's office",
      O5: "https://lyon.fr/plan",
      F6: "Planned",
      F7: "Not applicable",
      F8: "maybe",
    });
    const check = await liat("check", "city.xlsx");
    expect(check.code).toBe(1);
    expect(check.out).toContain(`${gov}!G6\terror\t1.1.2\tEnter the responsible service`);
    expect(check.out).toContain(`${gov}!F8\terror\t1.2.1\tUnknown status "maybe"`);
    expect(check.out).toContain("2 errors, 0 warnings.");

    const json = JSON.parse((await liat("check", "city.xlsx", "--json", "--lang", "fr")).out);
    expect(json.errors).toBe(2);
    expect(json.issues[0]).toMatchObject({
      sheet: gov,
      address: "G6",
      code: "1.1.2",
      key: "responsibleRequired",
      severity: "error",
    });
    expect(json.issues[0].message).toMatch(/^Indiquez le service responsable/);

    const summary = await liat("summary", "city.xlsx", "--json");
    expect(summary.code).toBe(0);
    const s = JSON.parse(summary.out);
    expect(s).toMatchObject({
      file: "city.xlsx",
      city: "Lyon",
      period: "2025",
      lang: "en",
      schemaVersion: SCHEMA_VERSION,
    });
    expect(s.summary).toEqual(
      JSON.parse(
        JSON.stringify(
          summarize([
            { code: "1.1.1", status: "Implemented" },
            { code: "1.1.2", status: "Planned" },
            { code: "1.1.3", status: "Not applicable" },
            { code: "1.2.1", status: "maybe" },
          ]),
        ),
      ),
    );
    expect(s.summary.domains[0]).toMatchObject({ score: 50, assessed: 2, applicable: 15 });

    const text = await liat("summary", "city.xlsx", "--lang", "fr");
    expect(text.out).toContain("Fichier : city.xlsx — Ville : Lyon — Période : 2025");
    expect(text.out).toMatch(/1 Gouvernance\s+50,0\s+Établi\s+2\/15 13\s%/); // French number formats (Intl)
  });

  it("never overwrites an existing file without --force", async () => {
    writeFileSync(join(dir, "keep.xlsx"), "mine");
    expect(await liat("init", "-o", "keep.xlsx")).toMatchObject({
      code: 2,
      err: '"keep.xlsx" already exists: use --force to replace it.\n',
    });
    expect(readFileSync(join(dir, "keep.xlsx"), "utf8")).toBe("mine");
    expect((await liat("init", "-o", "keep.xlsx", "--force")).code).toBe(0);
  });
});

describe("liat merge", () => {
  const moved = (() => {
    // Status first, code last, the other columns reversed.
    const n = COLUMN_KEYS.length;
    const rest = Array.from({ length: n }, (_, c) => n - 1 - c).filter(
      (c) => c !== columnIndex("status") && c !== columnIndex("code"),
    );
    return [columnIndex("status"), ...rest, columnIndex("code")];
  })();

  beforeAll(async () => {
    writeFileSync(
      join(dir, "lyon.xlsx"),
      await writeLiatWorkbook({
        lang: "en",
        city: "Lyon",
        period: "2025",
        entries: {
          "1.1.1": { status: "Implemented", responsible: "Mayor's office", evidence: "https://lyon.fr/plan" },
          "2.3": { status: "Planned", responsible: "Jobs" },
        },
      }),
    );
    // Tunis sent back a copy where "2 Emploi" was renamed and its columns moved.
    const tunis = await readOk(
      await writeLiatWorkbook({
        lang: "fr",
        city: "Tunis",
        period: "2024",
        entries: {
          "2.1": { status: "En cours", responsible: "Direction de l'emploi" },
          "6.2": { status: "Non applicable" },
        },
      }),
    );
    const i = tunis.sheets.findIndex((s) => s.name === domainSheetLayout(2, "fr").name);
    tunis.sheets[i] = { ...moveColumns(tunis.sheets[i]!, moved), name: "Emploi (copie)" };
    writeFileSync(join(dir, "tunis-copie.xlsx"), await writePlainWorkbook(tunis.sheets));
    writeFileSync(join(dir, "notes.xlsx"), "These are my notes, not a workbook.\n");
  });

  it("merges three files: one row per source and objective with the source named, a summary per source, the unreadable file listed", async () => {
    const r = await liat(
      "merge",
      "lyon.xlsx",
      "tunis-copie.xlsx",
      "notes.xlsx",
      "-o",
      "out.xlsx",
      "--json",
      "out.json",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("2 workbooks merged, 78 rows; 1 file not merged.");
    expect(r.err).toBe(
      "Not merged: notes.xlsx — This is not an Excel workbook (.xlsx): ask for the LIAT workbook saved as .xlsx.\n",
    );

    const wb = await loadExcel(readFileSync(join(dir, "out.xlsx")));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Consolidation",
      "Summary by source",
      "By city",
      "Not merged",
      "Columns read",
      "Unreadable files",
    ]);
    const sheet = wb.getWorksheet("Consolidation")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
      Object.fromEntries(headers.map((h, c) => [h, sheet.getCell(i + 2, c + 1).value])),
    );
    expect(rows).toHaveLength(78);
    const pick = (file: string, code: string) => rows.find((x) => x.File === file && x.Code === code);
    expect(pick("lyon.xlsx", "1.1.1")).toMatchObject({
      City: "Lyon",
      Period: "2025",
      Sheet: "1 Governance",
      Cell: "A5",
      Status: "Implemented",
      "Responsible service": "Mayor's office",
      Evidence: "https://lyon.fr/plan",
      Points: 75,
      Issues: null,
    });
    expect(pick("lyon.xlsx", "2.3")).toMatchObject({
      Sheet: "2 Employment",
      Cell: `A${FIRST_DATA_ROW + 2}`,
      Status: "Planned",
      Points: 25,
    });
    // Renamed sheet, moved columns: still read right, and the cell named is where the code now is.
    const codeColumn = columnLetter(moved.indexOf(columnIndex("code")));
    expect(pick("tunis-copie.xlsx", "2.1")).toMatchObject({
      City: "Tunis",
      Period: "2024",
      Sheet: "Emploi (copie)",
      Cell: `${codeColumn}${FIRST_DATA_ROW}`,
      Status: "En cours",
      "Responsible service": "Direction de l'emploi",
      Points: 50,
    });
    expect(pick("tunis-copie.xlsx", "6.2")).toMatchObject({
      Sheet: "6 Soutien aux migrants",
      Status: "Non applicable",
      Points: "NA",
    });
    expect(rows.filter((x) => x.File === "tunis-copie.xlsx")).toHaveLength(39);

    const summary = wb.getWorksheet("Summary by source")!;
    expect([2, 3].map((r) => [1, 2, 3, 4].map((c) => summary.getCell(r, c).value))).toEqual([
      ["lyon.xlsx", "Lyon", "2025", 50],
      ["tunis-copie.xlsx", "Tunis", "2024", 50],
    ]);

    const unreadable = wb.getWorksheet("Unreadable files")!;
    expect(unreadable.rowCount).toBe(2);
    expect([1, 2].map((c) => unreadable.getCell(2, c).value)).toEqual([
      "notes.xlsx",
      "This is not an Excel workbook (.xlsx): ask for the LIAT workbook saved as .xlsx.",
    ]);

    const json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as ConsolidationResult;
    expect(json.rows).toHaveLength(78);
    expect(
      json.sources.map((s) => [s.source.fileName, s.source.city, s.source.period, s.summary.overall.score]),
    ).toEqual([
      ["lyon.xlsx", "Lyon", "2025", 50],
      ["tunis-copie.xlsx", "Tunis", "2024", 50],
    ]);
    expect(json.unreadable).toEqual([
      {
        fileName: "notes.xlsx",
        reason: "notWorkbook",
        // one message per supported language (a language added later adds its own)
        message: expect.objectContaining({
          fr: "Ce n'est pas un classeur Excel (.xlsx) : demandez le classeur LIAT enregistré au format .xlsx.",
          en: "This is not an Excel workbook (.xlsx): ask for the LIAT workbook saved as .xlsx.",
          es: "No es un libro de Excel (.xlsx): pida el libro LIAT guardado en formato .xlsx.",
        }),
      },
    ]);
    expect(Object.keys(json.unreadable[0]!.message).sort()).toEqual([...LANGUAGES].sort());
  });

  it("does not duplicate rows when the same file is given twice, and says so", async () => {
    const r = await liat("merge", "lyon.xlsx", "./lyon.xlsx", "-o", "twice.xlsx", "--json", "twice.json");
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "twice.json"), "utf8")) as ConsolidationResult;
    expect(json.rows).toHaveLength(39);
    expect(json.unreadable.map((u) => [u.fileName, u.reason])).toEqual([["./lyon.xlsx", "duplicate"]]);
    expect(r.err).toContain("Not merged: ./lyon.xlsx — Already merged (same content as lyon.xlsx)");
  });

  it("reports progress on many files, and lists missing files", async () => {
    const files = [...Array.from({ length: 24 }, () => "lyon.xlsx"), "missing.xlsx"];
    const r = await liat("merge", ...files, "-o", "many.xlsx", "--lang", "fr");
    expect(r.code).toBe(0);
    expect(r.err).toContain("25/25 fichiers lus\n");
    expect(r.err).toContain("Non repris : missing.xlsx — Fichier introuvable.");
    expect(r.out).toContain("1 classeur consolidé, 39 lignes ; 24 fichiers non repris.");
  });

  it("gives clear usage errors", async () => {
    expect(await liat("merge", "lyon.xlsx")).toMatchObject({
      code: 2,
      err: "Give the output workbook with -o OUT.xlsx.\n",
    });
    expect(await liat("merge", "-o", "x.xlsx")).toMatchObject({ code: 2, err: "Give at least one file to merge.\n" });
    expect(await liat("merge", "lyon.xlsx", "-o", "lyon.xlsx")).toMatchObject({
      code: 2,
      err: 'The output file "lyon.xlsx" is also an input file.\n',
    });
    expect(await liat("check")).toMatchObject({ code: 2, err: "Give exactly one file.\n" });
    expect(await liat("check", "notes.xlsx")).toMatchObject({
      code: 2,
      err: 'Cannot read "notes.xlsx": This is not an Excel workbook (.xlsx): ask for the LIAT workbook saved as .xlsx.\n',
    });
    expect(await liat("summary", "nope.xlsx", "--lang", "fr")).toMatchObject({
      code: 2,
      err: "Impossible de lire « nope.xlsx » : Fichier introuvable.\n",
    });
    expect(await liat("init", "--lang", "de")).toMatchObject({
      code: 2,
      err: `Unknown language "de": ${LANGUAGES.join(", ")}.\n`,
    });
    expect((await liat("check", "--bogus", "x")).err).toMatch(/^Bad option: Unknown option '--bogus'/);
    expect((await liat("frobnicate")).err).toMatch(/^Unknown command "frobnicate"\./);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  it.each(["init", "check", "summary", "merge"])("has --help for %s, in both languages", async (command) => {
    const en = await liat(command, "--help");
    const fr = await liat(command, "--help", "--lang", "fr");
    expect(en.code).toBe(0);
    expect(en.out).toMatch(new RegExp(`^Usage: liat ${command}`));
    expect(fr.out).toMatch(new RegExp(`^Usage : liat ${command}`));
  });
});

describe("bin/liat.js (what npx liat runs)", () => {
  const bin = join(ROOT, "bin", "liat.js");
  const node = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, LANG: "fr_FR.UTF-8" },
    });

  it("prints help in the language of LANG", () => {
    const r = node(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage : liat <commande>");
  });

  it("runs a command and returns its exit code", () => {
    const ok = node(["init", "-o", "bin.xlsx", "--city", "Rabat"]);
    expect([ok.status, ok.stdout]).toEqual([0, "Écrit : bin.xlsx\n"]);
    const check = node(["check", "bin.xlsx", "--json"]);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ city: "Rabat", errors: 0 });
    expect(node(["check", "notes.xlsx"]).status).toBe(2);
  });

  it("merges with the workbook written by the bundle's writer thread, as the sources do on one thread", async () => {
    expect(node(["init", "-o", "thread-in.xlsx", "--city", "Tunis"]).status).toBe(0);
    const r = node(["merge", "thread-in.xlsx", "-o", "thread-out.xlsx", "--json", "thread-out.json", "--lang", "en"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(existsSync(join(ROOT, ".tmp", "cli", "liat-writer.cjs"))).toBe(true);
    expect((await liat("merge", "thread-in.xlsx", "-o", "single-out.xlsx")).code).toBe(0);
    const sheets = async (file: string) =>
      (await loadExcel(readFileSync(join(dir, file)))).worksheets.map((ws) =>
        ws.getSheetValues().map((row) => JSON.stringify(row)),
      );
    expect(await sheets("thread-out.xlsx")).toEqual(await sheets("single-out.xlsx"));
    const json = JSON.parse(readFileSync(join(dir, "thread-out.json"), "utf8")) as ConsolidationResult;
    expect(json.sources[0]?.source).toMatchObject({ city: "Tunis" });
  });
});
