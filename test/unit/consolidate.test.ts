/** Core consolidation over plain data: tables found by header row, sources named, nothing dropped or duplicated. */
import { getObjective } from "../../src/core/catalogue";
import { LANGUAGES } from "../../src/core/language";
import {
  checkWorkbook,
  consolidate,
  consolidationRow,
  consolidationRowCells,
  consolidationRowOf,
  consolidationTable,
  Consolidator,
  consolidatorInLanguage,
  inLanguage,
  replaceSources,
  sourceSummaryTable,
  unreadableTable,
} from "../../src/core/consolidate";
import type { RawEntry } from "../../src/core/entrySchema";
import type { CellValue } from "../../src/core/excelValues";
import type { Lang } from "../../src/core/language";
import {
  COLUMN_KEYS,
  columnLetter,
  columnIndex,
  coverLayout,
  DOMAIN_IDS,
  domainSheetLayout,
  HEADER_ROW,
  listsSheetLayout,
  LISTS_SHEET,
  COVER_SHEET,
  SCHEMA_VERSION,
} from "../../src/core/layout";
import { summarize } from "../../src/core/summary";
import {
  findTables,
  fingerprint,
  readCoverSettings,
  type SheetData,
  type WorkbookData,
} from "../../src/core/workbookReader";
import { ENTRY_FIELDS } from "../../src/core/entrySchema";

/** A LIAT workbook as a reader would hand it over: values only, formulas replaced by blank results. */
function plainLiat(
  lang: Lang,
  entries: Record<string, RawEntry> = {},
  settings: { city?: string; period?: string } = {},
): SheetData[] {
  const noFormula = (v: string | number): CellValue =>
    typeof v === "string" && v.startsWith("=") ? null : v === "" ? null : v;
  const cover: SheetData = { name: COVER_SHEET, rows: coverLayout(lang, settings).values.map((r) => r.map(noFormula)) };
  const domains = DOMAIN_IDS.map((d): SheetData => {
    const l = domainSheetLayout(d, lang);
    const rows: CellValue[][] = [[l.title], [l.help], [], l.headers];
    for (const r of l.rows) {
      const code = String(r[0]);
      rows.push(
        COLUMN_KEYS.map((k, c) =>
          ENTRY_FIELDS.includes(k as never) ? (entries[code]?.[k as keyof RawEntry] ?? null) : noFormula(r[c]!),
        ),
      );
    }
    return { name: l.name, rows };
  });
  const lists: SheetData = { name: LISTS_SHEET, rows: listsSheetLayout(lang).values.map((r) => r.map(noFormula)) };
  return [cover, ...domains, lists];
}

const wb = (fileName: string, sheets: SheetData[], hash?: string): WorkbookData => ({
  fileName,
  sheets,
  ...(hash ? { hash } : {}),
});

describe("findTables", () => {
  it("finds the six domain tables of a fresh workbook, with every catalogue row", () => {
    const tables = findTables(plainLiat("fr"));
    expect(tables.map((t) => t.domain)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tables.every((t) => t.headerRow === HEADER_ROW - 1 && t.missing.length === 0)).toBe(true);
    expect(tables.reduce((n, t) => n + t.rows.length, 0)).toBe(39);
    expect(tables[0]!.rows[0]).toMatchObject({
      code: "1.1.1",
      sheet: "1 Gouvernance",
      rowIndex: 4,
      cells: { code: "A5", status: "F5" },
    });
  });

  it("reads a renamed sheet with moved columns by its header row", () => {
    const sheets = plainLiat("en", { "2.3": { status: "In progress", responsible: "Jobs office" } });
    const i = sheets.findIndex((s) => s.name.startsWith("2 "));
    const width = COLUMN_KEYS.length;
    // Status first, code last, the rest in reverse order.
    const status = columnIndex("status");
    const code = columnIndex("code");
    const order = [
      status,
      ...Array.from({ length: width }, (_, c) => width - 1 - c).filter((c) => c !== status && c !== code),
      code,
    ];
    sheets[i] = { name: "Employment (copy)", rows: sheets[i]!.rows.map((r) => order.map((o) => r[o] ?? null)) };
    const t = findTables(sheets).find((x) => x.sheet === "Employment (copy)")!;
    expect(t.domain).toBe(2);
    expect(t.columns.status).toBe(0);
    expect(t.columns.code).toBe(width - 1);
    const row = t.rows.find((r) => r.code === "2.3")!;
    expect(row.raw.status).toBe("In progress");
    expect(row.raw.responsible).toBe("Jobs office");
    expect(row.cells.status).toBe("A7");
    expect(row.cells.code).toBe(`${columnLetter(width - 1)}7`);
  });

  it("finds a table with French headers in another order, codes written with commas, and no catalogue columns", () => {
    const sheet: SheetData = {
      name: "Feuil1",
      rows: [
        ["notes"],
        ["Statut", "code objectif", "Responsable"],
        ["En cours", "1,1,2", "DGS"],
        [null, null, null],
        ["Planifié", "6,1", "CCAS"],
      ],
    };
    const [t] = findTables([sheet]);
    expect(t!.rows.map((r) => [r.code, r.raw.status, r.raw.responsible])).toEqual([
      ["1.1.2", "En cours", "DGS"],
      ["6.1", "Planifié", "CCAS"],
    ]);
    expect(t!.missing).toEqual(ENTRY_FIELDS.filter((f) => f !== "status" && f !== "responsible"));
  });
});

describe("readCoverSettings", () => {
  it.each([...LANGUAGES])("reads city, period, language and schema version by label (%s)", (lang) => {
    const s = readCoverSettings(plainLiat(lang, {}, { city: "Lyon", period: "2025" }));
    expect(s).toEqual({ city: "Lyon", period: "2025", lang, schemaVersion: SCHEMA_VERSION });
  });

  it.each([
    ["Español", "es"],
    ["  français ", "fr"],
    ["FR", "fr"],
    ["es", "es"],
    ["Klingon", "en"],
  ] as const)("reads the language cell %j by name or code, whatever the labels' language (%s)", (cell, lang) => {
    const sheets = plainLiat("en");
    sheets[0]!.rows = sheets[0]!.rows.map((r) => (r[0] === "Language" ? ["Language", cell] : r));
    expect(sheets[0]!.rows.some((r) => r[1] === cell)).toBe(true);
    expect(readCoverSettings(sheets).lang).toBe(lang);
  });

  it("finds the labels on a renamed cover sheet, and the schema version on the lists sheet alone", () => {
    const sheets = plainLiat("fr", {}, { city: "Tunis", period: "T1" });
    sheets[0] = { ...sheets[0]!, name: "Accueil" };
    sheets[0].rows = sheets[0].rows.filter((r) => r[0] !== "Version du classeur");
    expect(readCoverSettings(sheets)).toEqual({
      city: "Tunis",
      period: "T1",
      lang: "fr",
      schemaVersion: SCHEMA_VERSION,
    });
  });
});

describe("checkWorkbook", () => {
  it("returns null when there is no LIAT table", () => {
    expect(
      checkWorkbook(
        wb("x.xlsx", [
          {
            name: "Sheet1",
            rows: [
              ["Name", "Amount"],
              ["a", 1],
            ],
          },
        ]),
      ),
    ).toBeNull();
  });

  it("reports unknown, missing and duplicate codes and missing columns, and keeps every row", () => {
    const sheet: SheetData = {
      name: "S",
      rows: [
        ["Code", "Status", "Responsible service"],
        ["1.1.1", "Planned", "DGS"],
        ["9.9.9", "Planned", "X"],
        [null, "Planned", "Y"],
        ["1,1,1", "Sustained", "Z"],
        ["Total", null, null],
      ],
    };
    const c = checkWorkbook(wb("a.xlsx", [sheet]))!;
    expect(c.rows.map((r) => [r.code, r.counted])).toEqual([
      ["1.1.1", true],
      ["9.9.9", false],
      ["", false],
      ["1.1.1", false],
      ["Total", false],
    ]);
    const keys = c.issues.map((i) => `${i.address}:${i.key}:${i.severity}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "A1:columnMissing:error", // Evidence: "Sustained" needs it
        "A1:columnMissing:warning", // Comments and the other optional columns
        "A3:codeUnknown:error",
        "A4:codeMissing:error",
        "A5:codeDuplicate:error",
        "A6:codeUnknown:warning", // a stray line without entries
      ]),
    );
    const missing = c.issues.filter((i) => i.key === "columnMissing");
    expect(missing).toHaveLength(ENTRY_FIELDS.length - 2);
    expect(
      missing
        .filter((i) => i.severity === "error")
        .map((i) => i.field)
        .sort(),
    ).toEqual(["currency", "evidence"]);
    // the missing Evidence column is reported once, not again on each row that would need it
    expect(keys).not.toContain("A5:evidenceRequired:error");
    expect(new Set(c.issues.map((i) => i.id)).size).toBe(c.issues.length);
    expect(c.issues.find((i) => i.key === "codeDuplicate")!.message.en).toContain("S!A2");
    // Only the first 1.1.1 counts: Planned = 25 points over 16 domain-1 objectives.
    expect(c.summary.domains[0]).toMatchObject({ assessed: 1, score: 25 });
    expect(c.summary).toEqual(summarize([{ code: "1.1.1", status: "Planned" }]));
  });

  it("validates entries with the core schema and locates each issue at its cell", () => {
    const c = checkWorkbook(
      wb(
        "a.xlsx",
        plainLiat("fr", { "1.2.1": { status: "Mis en œuvre", responsible: "DGS", budget: -5, currency: "EUR" } }),
      ),
    )!;
    const sheetIssues = c.issues.map((i) => [i.sheet, i.address, i.key]);
    expect(sheetIssues).toEqual([
      ["1 Gouvernance", "L8", "numberNegative"],
      ["1 Gouvernance", "O8", "evidenceRequired"],
    ]);
    expect(c.errors).toBe(2);
    expect(c.rows.find((r) => r.code === "1.2.1")!.points).toBe(75);
  });
});

describe("consolidate", () => {
  const lyon = wb(
    "lyon.xlsx",
    plainLiat(
      "en",
      { "1.1.1": { status: "Implemented", responsible: "DGS", evidence: "https://lyon.fr" }, "6.2": { status: "N/A" } },
      { city: "Lyon", period: "2025" },
    ),
    "h-lyon",
  );
  const tunis = wb(
    "tunis.xlsx",
    plainLiat("fr", { "2.1": { status: "Planifié", responsible: "Emploi" } }, { city: "Tunis", period: "2024-2025" }),
    "h-tunis",
  );

  it("gives one row per source and objective, with the source named, and a summary per source", () => {
    const r = consolidate([lyon, tunis]);
    expect(r.rows).toHaveLength(78);
    expect(r.unreadable).toEqual([]);
    const row = r.rows.find((x) => x.code === "1.1.1" && x.source.city === "Lyon")!;
    expect(row).toMatchObject({
      sheet: "1 Governance",
      address: "A5",
      points: 75,
      source: { fileName: "lyon.xlsx", city: "Lyon", period: "2025", key: "h-lyon" },
    });
    expect(r.rows.find((x) => x.code === "6.2" && x.source.city === "Lyon")!.points).toBe("NA");
    expect(r.sources.map((s) => [s.source.fileName, s.summary.overall.assessed, s.summary.overall.applicable])).toEqual(
      [
        ["lyon.xlsx", 1, 38],
        ["tunis.xlsx", 1, 39],
      ],
    );
    const table = consolidationTable(inLanguage(r, "en").rows);
    expect(table.headers.slice(0, 8)).toEqual([
      "File",
      "City",
      "Period",
      "Sheet",
      "Cell",
      "Code",
      "Domain",
      "Objective",
    ]);
    expect(table.rows[0]!.slice(0, 7)).toEqual(["lyon.xlsx", "Lyon", "2025", "1 Governance", "A5", "1.1.1", 1]);
    expect(sourceSummaryTable(r, "fr").rows.map((x) => x.slice(0, 4))).toEqual([
      ["lyon.xlsx", "Lyon", "2025", 75],
      ["tunis.xlsx", "Tunis", "2024-2025", 25],
    ]);
  });

  it("keeps, the pane's way, each row only as the consolidation sheet's row in one language: the same as made from the whole result", () => {
    const empty = wb("empty.xlsx", [{ name: "Notes", rows: [["nothing"]] }]);
    for (const lang of ["fr", "es"] as const) {
      const { consolidator, result } = consolidatorInLanguage(lang);
      for (const w of [lyon, tunis, empty, lyon]) consolidator.add(w);
      const streamed = result();
      const whole = inLanguage(consolidate([lyon, tunis, empty, lyon]), lang);
      expect(streamed).toEqual(whole);
      const { consolidation, summary, columns } = streamed.rows.sheets;
      expect(consolidation.values).toHaveLength(78);
      expect(consolidation.keys.filter((k) => k === "h-tunis")).toHaveLength(39);
      expect(streamed.unreadable.map((u) => u.reason)).toEqual(["noLiatTable", "duplicate"]);
      // the summary and the columns read as their sheets' rows, each with its source's key
      expect(summary.values.map((r) => r[0])).toEqual(["lyon.xlsx", "tunis.xlsx"]);
      expect(summary.keys).toEqual(["h-lyon", "h-tunis"]);
      expect(columns.values.length).toBeGreaterThan(0);
      expect(new Set(columns.keys)).toEqual(new Set(["h-lyon", "h-tunis"]));
      // of each source, only what the pane shows
      expect(streamed.sources.map((s) => Object.keys(s).sort())).toEqual([
        ["errors", "rows", "source", "summary", "warnings"],
        ["errors", "rows", "source", "summary", "warnings"],
      ]);
      // the rows are the sheet's, in the language asked for
      expect(consolidation.values[0]!.slice(0, 8)).toEqual([
        "lyon.xlsx",
        "Lyon",
        "2025",
        "1 Governance",
        "A5",
        "1.1.1",
        1,
        getObjective("1.1.1")!.text[lang],
      ]);
    }
  });

  it("makes a row of the consolidation sheet at once (the pane) as from its own cells and its source (liat merge's writer)", () => {
    // rows with no issue, one, several (code and entries), unknown and repeated codes, a domain and none
    const odd = wb(
      "odd.xlsx",
      [
        {
          name: "S",
          rows: [
            ["Code", "Status", "Responsible service", "Budget", "Target groups"],
            ["1.1.1", "Implemented", null, -5, "x; y"],
            ["9.9.9", "Planned", "DGS", 3, null],
            ["1.1.1", "N/A", null, null, "Migrants"],
            [null, "bad", null, "12", null],
          ],
        },
      ],
      "h-odd",
    );
    const rows = consolidate([lyon, tunis, odd]).rows;
    expect(rows.some((r) => r.issues.length > 1)).toBe(true);
    for (const lang of LANGUAGES)
      for (const r of rows) {
        const row = consolidationRow(r, lang);
        expect(row).toEqual(consolidationRowOf(r.source, consolidationRowCells(r, lang), lang));
        // the issues' messages, separated by a space
        expect(row[row.length - 1]).toBe(r.issues.map((i) => i.message[lang]).join(" "));
        // every entry cell, in ENTRY_FIELDS order (as JSON writes them)
        expect(Object.keys(r.values)).toEqual(ENTRY_FIELDS);
      }
  });

  it("does not duplicate a source given twice (same hash), and lists the second as not merged", () => {
    const c = new Consolidator();
    expect(c.add(lyon)).toBe("merged");
    expect(c.add({ ...lyon, fileName: "lyon (1).xlsx" })).toBe("duplicate");
    expect(c.add(lyon)).toBe("duplicate");
    const r = c.result();
    expect(r.rows).toHaveLength(39);
    expect(r.sources).toHaveLength(1);
    expect(r.unreadable.map((u) => [u.fileName, u.reason])).toEqual([
      ["lyon (1).xlsx", "duplicate"],
      ["lyon.xlsx", "duplicate"],
    ]);
    expect(unreadableTable(r, "en").rows[0]![1]).toContain("lyon.xlsx");
  });

  it("uses a content fingerprint when the reader gives no hash", () => {
    const a = wb("a.xlsx", plainLiat("fr"));
    const b = wb("b.xlsx", plainLiat("fr"));
    const c = wb("c.xlsx", plainLiat("fr", { "3.2": { status: "En cours" } }));
    expect(fingerprint(a.sheets)).toBe(fingerprint(b.sheets));
    expect(fingerprint(a.sheets)).not.toBe(fingerprint(c.sheets));
    const r = consolidate([a, b, c]);
    expect(r.sources.map((s) => s.source.fileName)).toEqual(["a.xlsx", "c.xlsx"]);
    expect(r.unreadable.map((u) => u.reason)).toEqual(["duplicate"]);
  });

  it("lists a workbook without LIAT table as unreadable, with the reason in both languages", () => {
    const r = consolidate([wb("budget.xlsx", [{ name: "Feuil1", rows: [["Poste", "Montant"]] }])]);
    expect(r.rows).toEqual([]);
    expect(r.unreadable).toEqual([
      {
        fileName: "budget.xlsx",
        reason: "noLiatTable",
        message: expect.objectContaining({
          fr: expect.stringContaining("Aucun tableau LIAT"),
          en: expect.stringContaining("No LIAT table"),
        }),
      },
    ]);
  });

  it("keeps values from other files as plain values, unchanged", () => {
    const odd = ['=HYPERLINK("http://x","y")', '=WEBSERVICE("http://x")', "+1+1", "-2", "@SUM(A1)", "<b>x</b>"];
    const entries = Object.fromEntries(
      odd.map((v, i) => [
        ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.3.1", "1.4.1"][i]!,
        { status: "Planned", responsible: v, comments: v },
      ]),
    );
    const r = consolidate([wb("odd.xlsx", plainLiat("en", entries))]);
    expect(r.rows.slice(0, 6).map((x) => [x.values.responsible, x.values.comments])).toEqual(odd.map((v) => [v, v]));
  });

  it("re-running with the same sources replaces their rows instead of adding them again", () => {
    const first = consolidate([lyon, tunis]).rows;
    const again = consolidate([lyon]).rows;
    const merged = replaceSources(first, again);
    expect(merged).toHaveLength(78);
    expect(merged.filter((x) => x.source.fileName === "lyon.xlsx")).toHaveLength(39);
  });
});
