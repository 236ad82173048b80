/**
 * Writing a consolidation into the open workbook (src/excel/consolidation.ts) against the in-memory
 * host: one row per source and objective with the source named, text from other people's files
 * kept as text, a re-run replaces instead of duplicating, few syncs whatever the number of rows.
 */
import fc from "fast-check";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { OBJECTIVES } from "../../src/core/catalogue";
import {
  cellData,
  Consolidator,
  CONSOLIDATION_TEXT,
  consolidatorInLanguage,
  inLanguage,
  type ConsolidationReport,
  type ConsolidationResult,
} from "../../src/core/consolidate";
import type { RawEntry } from "../../src/core/entrySchema";
import { columnIndex, COLUMNS, domainSheetName } from "../../src/core/layout";
import { sheetPartName } from "../../src/core/a1";
import type { Lang } from "../../src/core/language";
import {
  CONSOLIDATION_SHEETS,
  jsonArrayLength,
  LineMaker,
  openConsolidationOutput,
  READ_CELLS,
  SOURCE_KEY_HEADER,
  writeConsolidation,
  type ConsolidationOutput,
} from "../../src/excel/consolidation";
import { insertLiat, readWorkbook } from "../../src/excel/workbookOperations";
import { LiatError } from "../../src/excel/liatError";
import type { LiatHost } from "../../tooling/excel-host/excelHost";
import { readOk } from "./cliFixtures";
import { allValues, newHost, run } from "./excelFixtures";

jest.setTimeout(60_000);

test("a request's size is estimated as JSON.stringify would make it, without making the text", () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({
      unit: fc.constantFrom('"', "\\", "\r", "\n", "\t", "\b", "\f", "\u0001", "\u001f", "\ud800", "\udc00", "é"),
    }),
  );
  const value = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean());
  fc.assert(
    fc.property(fc.array(value, { maxLength: 25 }), (values) => {
      expect(jsonArrayLength(values)).toBe(JSON.stringify(values).length);
    }),
    { numRuns: 2000 },
  );
});

test("a table's lines are its rows as written, with their formats and their exact size, whatever rows came before", () => {
  // Texts drawn from a few, so that a column often repeats its last text (which the maker remembers), among others
  // that need escaping, and cells of every kind a row holds.
  const text = fc.oneof(
    fc.constantFrom("Lyon", "Non commencé", 'a"b', "x\\y", "\r\n", "\ud800", ""),
    fc.string({ unit: fc.constantFrom("a", '"', "\\", "\u0001", "\t", "\b", "\ud800", "\udbff", "\udc00", "é", " ") }),
  );
  const cell = fc.oneof(
    text,
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 0.1, -1e-7),
    fc.boolean(),
    fc.constantFrom(null, undefined, "x".repeat(32_768)),
  );
  const table = fc.record({
    width: fc.integer({ min: 0, max: 6 }),
    numberFormats: fc.dictionary(
      fc.constantFrom("0", "1", "2", "6"),
      fc.constantFrom("0", "0.0", "yyyy-mm-dd", '"€"0'),
    ),
  });
  fc.assert(
    fc.property(table, fc.array(fc.tuple(fc.array(cell, { maxLength: 7 }), text)), ({ width, numberFormats }, rows) => {
      const t = { headers: Array.from({ length: width }, (_, i) => `H${i}`), rows: [], numberFormats, widths: {} };
      const maker = new LineMaker(t);
      for (const [row, key] of rows) {
        const line = maker.line(row, key);
        const values = [...Array.from({ length: width }, (_, c) => cellData(row[c]) ?? ""), key];
        const formats = values.map((v, c) =>
          typeof v === "string" ? "@" : typeof v === "number" ? (numberFormats[c] ?? "General") : "General",
        );
        expect(line.values).toEqual(values);
        expect(line.formats).toEqual(formats);
        expect(line.bytes).toBe(JSON.stringify(values).length + JSON.stringify(formats).length);
      }
    }),
    { numRuns: 1000 },
  );
});

const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  '=WEBSERVICE("http://x")',
  "+1+1",
  "-2",
  "@SUM(A1)",
  "<b>x</b>",
] as const;

async function received(
  fileName: string,
  options: { lang: Lang; city: string; period: string; entries?: Record<string, RawEntry> },
) {
  return readOk(await writeLiatWorkbook(options), fileName);
}

/** Consolidates workbooks already read; `unreadable` lists files with a reason. */
function consolidateAll(
  workbooks: Awaited<ReturnType<typeof received>>[],
  unreadable: [string, "notWorkbook" | "encrypted"][] = [],
): ConsolidationResult {
  const c = new Consolidator();
  for (const wb of workbooks) c.add(wb);
  for (const [name, reason] of unreadable) c.addUnreadable(name, reason);
  return c.result();
}

/** Header cells of the workbooks' tables: the rows of the sheet of columns read. */
const columnsOf = (...workbooks: Parameters<typeof consolidateAll>[0]) =>
  consolidateAll(workbooks).sources.flatMap((s) => s.columns).length;

/** Data rows of a sheet of the host (header row dropped), as values. */
function dataRows(host: LiatHost, sheet: string): unknown[][] {
  const s = host.getSnapshot().sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.values.slice(1).filter((r) => r.some((v) => v !== "" && v !== null));
}

function header(host: LiatHost, sheet: string): unknown[] {
  return host.getSnapshot().sheets.find((x) => x.name === sheet)!.values[0]!;
}

/** Column index of a header on a sheet. */
function col(host: LiatHost, sheet: string, name: string): number {
  const i = header(host, sheet).indexOf(name);
  if (i < 0) throw new Error(`no column ${name} on ${sheet}`);
  return i;
}

describe("writeConsolidation", () => {
  let lyon: Awaited<ReturnType<typeof received>>;
  let tunis: Awaited<ReturnType<typeof received>>;
  beforeAll(async () => {
    lyon = await received("lyon.xlsx", {
      lang: "en",
      city: "Lyon",
      period: "2025",
      entries: {
        "1.1.1": { status: "Implemented", responsible: "Mayor's office", evidence: "https://lyon.fr/plan" },
        "2.3": { status: "Planned", responsible: "Jobs" },
      },
    });
    tunis = await received("tunis.xlsx", {
      lang: "fr",
      city: "Tunis",
      period: "2024-2025",
      entries: {
        "2.1": { status: "En cours", responsible: "Direction de l'emploi" },
        "6.2": { status: "Non applicable" },
      },
    });
  });

  it("writes one row per source and objective with the source named, a summary per source, the unreadable files", async () => {
    const host = newHost();
    const result = consolidateAll([lyon, tunis], [["notes.txt", "notWorkbook"]]);
    const out = await writeConsolidation(inLanguage(result, "en"));
    expect(out.sheets).toEqual({
      consolidation: "Consolidation",
      summary: "Summary by source",
      notMerged: "Not merged",
      columns: "Columns read",
      unreadable: "Unreadable files",
    });
    const columns = columnsOf(lyon, tunis);
    expect(out.rows).toEqual({ consolidation: 78, summary: 2, notMerged: 0, columns, unreadable: 1 });
    expect(out.syncs).toBe(2);

    const T = CONSOLIDATION_TEXT;
    const rows = dataRows(host, "Consolidation");
    expect(rows).toHaveLength(78);
    const [file, city, period, code, status] = ["File", "City", "Period", "Code", "Status"].map((h) =>
      col(host, "Consolidation", h),
    );
    const row111 = rows.find((r) => r[file!] === "lyon.xlsx" && r[code!] === "1.1.1")!;
    expect(row111[city!]).toBe("Lyon");
    expect(row111[period!]).toBe("2025");
    expect(row111[status!]).toBe("Implemented");
    expect(row111[col(host, "Consolidation", T.points.en)]).toBe(75);
    expect(rows.find((r) => r[file!] === "tunis.xlsx" && r[code!] === "2.1")![city!]).toBe("Tunis");
    // codes stay text, the period "2024-2025" is not read as a date
    expect(rows.every((r) => typeof r[code!] === "string")).toBe(true);
    expect(rows.filter((r) => r[period!] === "2024-2025")).toHaveLength(39);
    // the source key is in the hidden last column
    const keyCol = col(host, "Consolidation", SOURCE_KEY_HEADER);
    expect(keyCol).toBe(header(host, "Consolidation").length - 1);
    expect(new Set(rows.map((r) => r[keyCol]))).toEqual(new Set([lyon.hash, tunis.hash]));
    const sheet = host.model.findSheetByName("Consolidation")!;
    expect(sheet.hiddenColumns.has(keyCol)).toBe(true);
    expect(sheet.freezeRows).toBe(1);

    const summary = dataRows(host, "Summary by source");
    expect(summary.map((r) => r[0])).toEqual(["lyon.xlsx", "tunis.xlsx"]);
    expect(summary[0]![1]).toBe("Lyon");
    expect(summary[0]![col(host, "Summary by source", "Rows read")]).toBe(39);
    expect(dataRows(host, "Unreadable files")).toEqual([
      ["notes.txt", "This is not an Excel workbook (.xlsx): ask for the LIAT workbook saved as .xlsx.", "", ""],
    ]);
  });

  it("writes text from other people's files as text: never a formula, never evaluated", async () => {
    const host = newHost();
    const entries: Record<string, RawEntry> = {};
    const codes = OBJECTIVES.slice(0, HOSTILE.length).map((o) => o.code);
    HOSTILE.forEach(
      (text, i) => (entries[codes[i]!] = { status: "Planned", responsible: text, comments: text, partners: text }),
    );
    const wb = await received(HOSTILE[0], { lang: "en", city: '=WEBSERVICE("http://x")', period: "-2", entries });
    // what the reader hands over is the literal text
    const result = consolidateAll([wb]);
    await writeConsolidation(inLanguage(result, "en"));
    const rows = dataRows(host, "Consolidation");
    const cols = ["Responsible service", "Partners", "Comments"].map((h) => col(host, "Consolidation", h));
    const code = col(host, "Consolidation", "Code");
    const sheet = host.model.findSheetByName("Consolidation")!;
    HOSTILE.forEach((text, i) => {
      const r = rows.findIndex((x) => x[code] === codes[i]);
      expect(r).toBeGreaterThanOrEqual(0);
      for (const c of cols) {
        const address = `${String.fromCharCode(65 + c)}${r + 2}`;
        const cell = host.getCell("Consolidation", address);
        expect(cell.value).toBe(text);
        expect(cell.text).toBe(text);
        // the engine holds no formula in the cell: the literal string is the content
        expect(host.model.engine.formula(sheet.engineId, r + 1, c)).toBeUndefined();
        expect(host.model.numberFormats(sheet, { r0: r + 1, c0: c, r1: r + 1, c1: c })[0]![0]).toBe("@");
      }
    });
    // the file name, city and period are text too
    const first = host.getCell("Consolidation", "A2");
    expect(first.value).toBe(HOSTILE[0]);
    expect(host.getCell("Consolidation", "B2").value).toBe('=WEBSERVICE("http://x")');
    expect(host.getCell("Consolidation", "C2").value).toBe("-2");
    expect(typeof host.getCell("Consolidation", "C2").value).toBe("string");
    // nothing anywhere on the three sheets is a formula
    for (const name of ["Consolidation", "Summary by source", "Unreadable files"]) {
      const s = host.model.findSheetByName(name)!;
      const snap = host.getSnapshot().sheets.find((x) => x.name === name)!;
      snap.values.forEach((cells, r) =>
        cells.forEach((_, c) => expect(host.model.engine.formula(s.engineId, r, c)).toBeUndefined()),
      );
    }
    const summary = host.getSnapshot().sheets.find((s) => s.name === "Summary by source")!;
    expect(summary.values[1]![0]).toBe(HOSTILE[0]);
    expect(summary.values[1]![1]).toBe('=WEBSERVICE("http://x")');
  });

  it("running again with the same files replaces the rows, never duplicates them; other sources are kept", async () => {
    const host = newHost();
    await writeConsolidation(inLanguage(consolidateAll([lyon, tunis], [["notes.txt", "notWorkbook"]]), "en"));
    const before = host
      .getSnapshot()
      .sheets.filter(
        (s) =>
          CONSOLIDATION_SHEETS.consolidation.en === s.name ||
          s.name.includes("source") ||
          s.name.includes("Unreadable"),
      );

    const again = await writeConsolidation(
      inLanguage(consolidateAll([lyon, tunis], [["notes.txt", "notWorkbook"]]), "en"),
    );
    const columns = columnsOf(lyon, tunis);
    expect(again.rows).toEqual({ consolidation: 78, summary: 2, notMerged: 0, columns, unreadable: 1 });
    expect(again.replaced).toBe(78);
    expect(again.kept).toBe(0);
    // names, sizes of the earlier sheets, their cells, the rows, then the earlier rows replaced (a request of its own)
    expect(again.syncs).toBe(5);
    const after = host.getSnapshot().sheets.filter((s) => before.some((b) => b.name === s.name));
    expect(after.map((s) => s.values)).toEqual(before.map((s) => s.values));

    // only Lyon, under another name (same content): its rows are replaced, Tunis's kept
    const renamed = { ...lyon, fileName: "lyon (2).xlsx" };
    const third = await writeConsolidation(inLanguage(consolidateAll([renamed]), "en"));
    expect(third).toMatchObject({
      replaced: 39,
      kept: 39,
      rows: { consolidation: 78, summary: 2, notMerged: 0, columns, unreadable: 1 },
    });
    const files = dataRows(host, "Consolidation").map((r) => r[0]);
    expect(files.filter((f) => f === "tunis.xlsx")).toHaveLength(39);
    expect(files.filter((f) => f === "lyon (2).xlsx")).toHaveLength(39);
    expect(files.filter((f) => f === "lyon.xlsx")).toHaveLength(0);

    // a new version of Tunis under the same name replaces the old one; notes.txt, read again, is listed once
    const tunis2 = await received("tunis.xlsx", {
      lang: "fr",
      city: "Tunis",
      period: "2026",
      entries: { "3.1": { status: "Planifié", responsible: "Mairie" } },
    });
    const fourth = await writeConsolidation(inLanguage(consolidateAll([tunis2], [["notes.txt", "notWorkbook"]]), "en"));
    expect(fourth.rows).toEqual({ consolidation: 78, summary: 2, notMerged: 0, columns, unreadable: 1 });
    const periods = dataRows(host, "Consolidation")
      .filter((r) => r[0] === "tunis.xlsx")
      .map((r) => r[2]);
    expect(new Set(periods)).toEqual(new Set(["2026"]));
  });

  it("keeps the number of syncs small: one more request only per 1.5 MB written or 10,000 cells read", async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...lyon, fileName: `city-${i}.xlsx`, hash: `h${i}` }));
    const host = newHost();
    const small = await writeConsolidation(inLanguage(consolidateAll([lyon]), "fr"));
    const big = await writeConsolidation(inLanguage(consolidateAll(many), "fr"));
    expect(small.syncs).toBe(2);
    expect(big.syncs).toBe(4);
    expect(big.rows.consolidation).toBe(39 + 12 * 39);
    const h2 = newHost();
    const bigFirst = await writeConsolidation(inLanguage(consolidateAll(many), "fr"));
    expect(bigFirst.syncs).toBe(small.syncs);
    expect(h2.syncCount).toBe(2);
    expect(host).not.toBe(h2);
  });

  it("writes in French, and takes over an earlier English consolidation", async () => {
    const host = newHost();
    await writeConsolidation(inLanguage(consolidateAll([lyon]), "en"));
    const out = await writeConsolidation(inLanguage(consolidateAll([tunis]), "fr"));
    expect(out.sheets).toEqual({
      consolidation: "Consolidation",
      summary: "Synthèse par source",
      notMerged: "Non fusionné",
      columns: "Colonnes lues",
      unreadable: "Fichiers non lus",
    });
    const names = host.getSnapshot().sheets.map((s) => s.name);
    expect(names).not.toContain("Summary by source");
    expect(header(host, "Consolidation").slice(0, 3)).toEqual(["Fichier", "Ville", "Période"]);
    expect(dataRows(host, "Synthèse par source").map((r) => r[0])).toEqual(["lyon.xlsx", "tunis.xlsx"]);
  });

  it("refuses to overwrite a sheet of the same name that is not a consolidation, and changes nothing", async () => {
    const host = newHost(["Sheet1", "Consolidation"]);
    await run(host, (wb) => {
      wb.worksheets.getItem("Consolidation").getRange("A1:B2").values = [
        ["My own notes", ""],
        ["keep", "me"],
      ];
    });
    const before = host.getSnapshot();
    const error = await writeConsolidation(inLanguage(consolidateAll([lyon]), "en")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiatError);
    expect((error as LiatError).key).toBe("sheetNameTaken");
    expect(host.getSnapshot().sheets.map((s) => [s.name, s.values])).toEqual(
      before.sheets.map((s) => [s.name, s.values]),
    );
  });

  it("goes on on further sheets, named as liat merge names them, once a sheet's rows are full, earlier rows included", async () => {
    const host = newHost();
    /** Data rows of a sheet and of its further parts, each part's apart. */
    const parts = (name: string) =>
      host
        .getSnapshot()
        .sheets.filter((s) => s.name === name || s.name.startsWith(`${name} (`))
        .map((s) => [s.name, dataRows(host, s.name).length]);
    const first = await writeConsolidation(inLanguage(consolidateAll([lyon]), "en"));
    // the largest sheet, every header cell of every table read: the limit it just fits
    const limit = first.rows.columns;
    expect(limit).toBeGreaterThan(first.rows.consolidation);
    expect(parts("Columns read")).toEqual([["Columns read", limit]]);
    // another city's columns on top of Lyon's go on on a further sheet, renamed in French with the others
    const tunisColumns = columnsOf(tunis);
    const more = await writeConsolidation(inLanguage(consolidateAll([tunis]), "fr"), limit);
    expect(more.rows.columns).toBe(limit + tunisColumns);
    expect(parts("Colonnes lues")).toEqual([
      ["Colonnes lues", limit],
      [sheetPartName("Colonnes lues", 2), tunisColumns],
    ]);
    expect(header(host, "Colonnes lues (2)")).toEqual(header(host, "Colonnes lues"));
    // the consolidation sheet too, with fewer rows allowed than Lyon's and Tunis's together; Tunis replaced
    const again = await writeConsolidation(inLanguage(consolidateAll([tunis]), "fr"), 2 * 39 - 1);
    expect(again).toMatchObject({ replaced: 39, kept: 39, added: 39 });
    expect(parts("Consolidation")).toEqual([
      ["Consolidation", 39],
      ["Consolidation (2)", 39],
    ]);
    expect(dataRows(host, "Consolidation (2)").every((r) => r[0] === "tunis.xlsx")).toBe(true);
  });

  /** `count` sources like Lyon's, each its own file and content. */
  const cities = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ ...lyon, fileName: `city-${i}.xlsx`, hash: `city-${i}` }));

  /** Writes the workbooks the pane's way: each one's rows handed to the output once it is merged. */
  async function stream(output: ConsolidationOutput, workbooks: (typeof lyon)[]): Promise<ConsolidationReport> {
    const { consolidator, take, result } = consolidatorInLanguage("en");
    for (const wb of workbooks) {
      consolidator.add(wb);
      await output.add(take());
    }
    return result();
  }

  /** Finishes with the network going away during finish's first request; returns the error it throws. */
  async function finishOffline(host: LiatHost, output: ConsolidationOutput, report: ConsolidationReport) {
    const context = Object.getPrototypeOf(host.Excel.RequestContext.prototype) as { sync(): Promise<void> };
    const sync = jest.spyOn(context, "sync").mockRejectedValueOnce(new Error("the network went away"));
    const error = await output.finish(report).catch((e: unknown) => e);
    sync.mockRestore();
    expect(String(error)).toContain("the network went away");
    return error;
  }

  it("writes rows as the files come, a request's worth at a time, and ends as a write at once would", async () => {
    const earlier = [lyon, tunis];
    const incoming = [...cities(150), { ...lyon, hash: "lyon-again" }];
    const atOnce = newHost();
    await writeConsolidation(inLanguage(consolidateAll(earlier), "en"));
    const expected = await writeConsolidation(inLanguage(consolidateAll(incoming), "en"));

    const host = newHost();
    await writeConsolidation(inLanguage(consolidateAll(earlier), "en"));
    host.resetSyncCount();
    const output = await openConsolidationOutput("en");
    const opened = host.syncCount;
    const report = await stream(output, incoming);
    // rows went into the workbook while the files were read: the pane does not keep them
    expect(host.syncCount).toBeGreaterThan(opened);
    expect(dataRows(host, "Consolidation").length).toBeGreaterThan(2 * 39);
    const written = await output.finish(report);
    expect(written).toMatchObject({ replaced: 39, kept: 39, added: 151 * 39, rows: expected.rows });
    for (const sheet of Object.values(written.sheets))
      expect(host.getSnapshot().sheets.find((s) => s.name === sheet)!.values).toEqual(
        atOnce.getSnapshot().sheets.find((s) => s.name === sheet)!.values,
      );
    // the earlier rows kept (Tunis) first, in their order, then the new ones; Lyon's earlier rows replaced
    const files = dataRows(host, "Consolidation").map((r) => r[0]);
    expect(files.slice(0, 39)).toEqual(Array(39).fill("tunis.xlsx"));
    expect(files.filter((f) => f === "lyon.xlsx")).toHaveLength(39);
    expect(files.at(-1)).toBe("lyon.xlsx");
  });

  it("takes the rows written so far out again when the merge fails: the workbook as it was", async () => {
    // no earlier consolidation: the sheets it added are removed, further parts included
    const fresh = newHost();
    const before = allValues(fresh);
    const first = await openConsolidationOutput("en", Math.ceil(columnsOf(...cities(150)) / 2));
    const report = await stream(first, cities(150));
    expect(fresh.getSnapshot().sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Consolidation", "Columns read", "Columns read (2)"]),
    );
    const error = await finishOffline(fresh, first, report);
    expect(await first.abandon(error).catch((e: unknown) => e)).toBe(error);
    expect(allValues(fresh)).toEqual(before);

    // an earlier consolidation: the rows written below it are removed, the earlier ones stay
    const host = newHost();
    await writeConsolidation(inLanguage(consolidateAll([tunis]), "fr"));
    const earlier = allValues(host);
    const second = await openConsolidationOutput("en");
    await stream(second, cities(150));
    expect(dataRows(host, "Consolidation").length).toBeGreaterThan(39);
    const failure = new Error("the network went away");
    expect(await second.abandon(failure).catch((e: unknown) => e)).toBe(failure);
    expect(allValues(host)).toEqual(earlier);
  });

  it("a re-run that fails before its last request is taken out again: the earlier consolidation as it was", async () => {
    const host = newHost();
    await writeConsolidation(inLanguage(consolidateAll([tunis]), "fr"));
    const earlier = allValues(host);
    const output = await openConsolidationOutput("en");
    // Tunis again: its earlier rows are replaced at the end, which cannot be undone
    const report = await stream(output, [...cities(150), tunis]);
    expect(dataRows(host, "Consolidation").length).toBeGreaterThan(39);
    // finish's first request writes the rows still waiting
    const error = await finishOffline(host, output, report);
    expect(await output.abandon(error).catch((e: unknown) => e)).toBe(error);
    expect(allValues(host)).toEqual(earlier);
  });

  it("reads of an earlier consolidation only each row's file and key: its requests do not grow with its text", async () => {
    const host = newHost();
    const earlier = await writeConsolidation(inLanguage(consolidateAll(cities(130)), "en"));
    const rows = Object.values(earlier.rows).reduce((a, b) => a + b, 0);
    expect(rows).toBeGreaterThan(130 * 39 * 3);
    host.resetSyncCount();
    await openConsolidationOutput("fr");
    // the sheets' names, then their sizes and headers, then two cells a row (every cell: about 12 times more)
    expect(host.syncCount).toBe(2 + Math.ceil((2 * rows) / READ_CELLS));
  });

  it("the consolidation sheet is not taken for a LIAT table of the open workbook", async () => {
    newHost();
    await insertLiat({ lang: "en" });
    await writeConsolidation(inLanguage(consolidateAll([lyon, tunis]), "en"));
    const read = await readWorkbook();
    expect(read.tables.map((t) => t.sheet)).toEqual([1, 2, 3, 4, 5, 6].map((d) => domainSheetName(d as 1, "en")));
    expect(COLUMNS[columnIndex("status")]!.header.en).toBe("Status");
  });
});
