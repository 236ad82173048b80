/**
 * The one reader (src/core/workbookReader.ts) on layouts people send back: lenient headers, several
 * tables on one sheet, a repeated column reported and its cells listed, and the add-in's ranges
 * (src/excel/scan.ts) read by the same rules as received files.
 */
import { checkWorkbook, consolidate } from "../../src/core/consolidate";
import fc from "fast-check";
import { COLUMNS, matchHeader } from "../../src/core/layout";
import { findTables, type SheetData } from "../../src/core/workbookReader";
import { scanTables, settingsOf } from "../../src/excel/scan";
import type { Snapshot } from "../../src/excel/snapshot";

describe("lenient headers", () => {
  it.each([
    ["Statut 2025", "status"],
    ["Statut\n(obligatoire)", "status"],
    ["STATUS *", "status"],
    ["Statut actuel", "status"],
    ["N°", "code"],
    ["Nº", "code"],
    ["Code objectif LCL", "code"],
    ["Service\r\nresponsable", "responsible"],
    ["Date de début prévue", "start"],
    ["Commentaires :", "comments"],
    ["Évidence", "evidence"],
    ["Observations du service", "comments"],
    ["Total", null],
    ["Budget notes", "budget"],
    ["Statutory", null],
  ])("%j is read as %s", (text, key) => {
    expect(matchHeader(text)).toBe(key);
  });

  // The quick no for data text (matchHeader does not fold a text whose plain first word starts no header)
  // gives the full match's answer: a leading space always takes the full match, and folding drops it.
  it("refuses no header the full match would read (headers with suffixes glued on, data text)", () => {
    const headers = COLUMNS.flatMap((c) => [...Object.values(c.header), ...c.aliases]);
    const glued = fc.oneof(
      fc.constantFrom(...headers, "N°", "no.", "#", "Obs.", "Stat.", "id", "Ref"),
      fc.string({ maxLength: 12 }),
    );
    const suffix = fc.constantFrom("", "2025", "[1]", "/", "*", ":", " (x)", "-2", "[a b]", "s", ".", "`");
    fc.assert(
      fc.property(glued, suffix, fc.constantFrom("", "x", "X"), (head, end, cased) => {
        const text = cased === "X" ? (head + end).toUpperCase() : head + end;
        expect(matchHeader(text)).toBe(matchHeader(` ${text}`));
      }),
      { numRuns: 3000 },
    );
    for (const text of ["Statut2025", "Code[1]", "Status/", "https://example.org/a", "1.1.1", "Service 3"])
      expect(matchHeader(text)).toBe(matchHeader(` ${text}`));
    expect(matchHeader("Statut2025")).toBe("status");
  });
});

describe("several tables on one sheet", () => {
  const sideBySide: SheetData = {
    name: "Retour",
    rows: [
      ["Code", "Statut", "Responsable", null, "N°", "Status 2025", "Comments"],
      ["1.1.1", "En cours", "DGS", null, "2.1", "Planned", "note"],
      ["1.1.2", "Planifié", "CCAS", null, "2.2", null, "other"],
      [],
      ["Statut", "Code"],
      ["Mis en œuvre", "3.1"],
    ],
  };

  it("reads tables side by side and stacked, each to the next header above its columns", () => {
    const tables = findTables([sideBySide]);
    expect(tables.map((t) => [t.headerRow, t.firstColumn, t.lastColumn, t.endRow])).toEqual([
      [0, 0, 2, 4],
      [0, 4, 6, 6],
      [4, 0, 1, 6],
    ]);
    expect(tables.map((t) => t.rows.map((r) => [r.code, r.raw.status]))).toEqual([
      [
        ["1.1.1", "En cours"],
        ["1.1.2", "Planifié"],
      ],
      [
        ["2.1", "Planned"],
        ["2.2", null],
      ],
      [["3.1", "Mis en œuvre"]],
    ]);
    expect(tables[1]!.rows[0]!.cells).toMatchObject({ code: "E2", status: "F2", comments: "G2" });
  });

  it("splits tables side by side with no blank column between, status before code", () => {
    const [a, b] = findTables([
      {
        name: "S",
        rows: [
          ["Statut", "Code", "Statut", "Code"],
          ["En cours", "1.1", "Planifié", "1.2"],
        ],
      },
    ]);
    expect([a!.rows[0]!.code, a!.rows[0]!.raw.status, b!.rows[0]!.code, b!.rows[0]!.raw.status]).toEqual([
      "1.1",
      "En cours",
      "1.2",
      "Planifié",
    ]);
    expect(a!.unread).toEqual([]);
  });
});

describe("a repeated column", () => {
  const sheet: SheetData = {
    name: "Feuil1",
    rows: [
      ["Code", "Statut", "Responsable", "Statut"],
      ["1.1.1", "En cours", "DGS", "Mis en œuvre"],
      ["1.1.2", null, null, "Planifié"],
    ],
  };

  it("is an error at its header, and its cells are listed as not merged with file, sheet and cell", () => {
    const checked = checkWorkbook({ fileName: "a.xlsx", sheets: [sheet] })!;
    expect(checked.issues.filter((i) => i.key === "columnDuplicate")).toEqual([
      expect.objectContaining({ sheet: "Feuil1", address: "D1", severity: "error", field: "status" }),
    ]);
    const result = consolidate([{ fileName: "a.xlsx", sheets: [sheet] }]);
    expect(result.notMerged.map((n) => [n.fileName, n.sheet, n.cell, n.value])).toEqual([
      ["a.xlsx", "Feuil1", "D2", "Mis en œuvre"],
      ["a.xlsx", "Feuil1", "D3", "Planifié"],
    ]);
    expect(result.notMerged[0]!.reason.en).toMatch(/appears twice.*A1|appears twice.*B1/);
    expect(result.sources[0]!.columns.map((c) => [c.cell, c.header, c.readAs, c.repeats ?? null])).toEqual([
      ["A1", "Code", "code", null],
      ["B1", "Statut", "status", null],
      ["C1", "Responsable", "responsible", null],
      ["D1", "Statut", "status", "B1"],
    ]);
  });
});

describe("the add-in reads its ranges with the same reader", () => {
  it("finds tables past row 200 and off A1, and settings by label wherever the cover puts them", () => {
    const values: (string | null)[][] = Array.from({ length: 300 }, () => [null, null]);
    values[250] = ["N°", "Statut 2025"];
    values[251] = ["1.1.1", "En cours"];
    const snapshot: Snapshot = {
      sheets: [
        {
          id: "1",
          name: "Données",
          visibility: "Visible",
          protected: false,
          passwordProtected: false,
          values,
          top: 3,
          left: 2,
          used: { r0: 3, c0: 2, r1: 302, c1: 3 },
        },
        {
          id: "2",
          name: "LIAT",
          visibility: "Visible",
          protected: false,
          passwordProtected: false,
          values: [
            [null, "Ville", "Lyon"],
            [null, "Période", "2025"],
          ],
          top: 0,
          left: 0,
          used: { r0: 0, c0: 1, r1: 1, c1: 2 },
        },
      ],
      tables: [],
      names: [],
      schemaProperty: null,
    };
    const tables = scanTables(snapshot);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.headerRow).toBe(253);
    expect(tables[0]!.rows[0]!.cells).toEqual({ code: "C255", status: "D255" });
    const settings = settingsOf(snapshot, tables);
    expect([settings.city, settings.period, settings.schemaVersion]).toEqual(["Lyon", "2025", 1]);
  });
});

describe("a consolidation read back", () => {
  it("is no received workbook: its sheets, a continuation sheet included, hold no LIAT table to read", () => {
    const table = (name: string): SheetData => ({
      name,
      rows: [
        ["Code", "Status"],
        ["1.1.1", "Planned"],
      ],
    });
    expect(findTables([table("Consolidation"), table("Consolidation (2)"), table("Consolidation (12)")])).toEqual([]);
    expect(findTables([table("Consolidation 2")])).toHaveLength(1);
  });
});
