/**
 * Works without the add-in: the workbook `liat init` writes (the layout the add-in inserts), filled
 * in with ExcelJS as a recipient would, evaluated by a spreadsheet engine that knows no LIAT.*
 * function. Every cell a recipient needs shows a value, not an error, and the cover's native
 * formulas give the same numbers as the core's summarize() and as `liat summary --json`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { plainValue } from "../../src/cli/readWorkbook";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { OBJECTIVE_CODES } from "../../src/core/catalogue";
import { checkWorkbook } from "../../src/core/consolidate";
import type { DomainId } from "../../src/core/catalogueTypes";
import {
  COLUMNS,
  COVER_SHEET,
  coverLayout,
  DOMAIN_IDS,
  domainSheetLayout,
  type CoverLayout,
} from "../../src/core/layout";
import { ratingLabel } from "../../src/core/rating";
import { summarize, type WorkbookSummary } from "../../src/core/summary";
import { loadExcel, readOk, runLiat } from "./cliFixtures";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "liat-noaddin-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const liat = (...argv: string[]) => runLiat(argv, dir);

/** What a cell holds for the engine: its formula when it has one, else its value. */
function contents(cell: ExcelJS.Cell): RawCellContent {
  // The file names post-2007 functions with their "_xlfn." prefix; the engine knows them by name.
  if (cell.formula) return `=${cell.formula.replace(/_xlfn\./g, "")}`;
  const v = plainValue(cell.value);
  // Text stays text, as in Excel: without the apostrophe the engine would read "3" as a number
  // (the lists sheet's status keys "0"-"4" are text) and "=..." as a formula.
  if (typeof v === "string") return `'${v}`;
  return v ?? null;
}

/** Loads every sheet's values and formulas, and the workbook's defined names, into HyperFormula. */
function toEngine(wb: ExcelJS.Workbook): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: RawCellContent[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: RawCellContent[] = [];
      for (let c = 1; c <= ws.columnCount; c++) row.push(contents(ws.getCell(r, c)));
      rows.push(row);
    }
    sheets[ws.name] = rows;
  }
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    leapYear1900: true,
    nullDate: { year: 1899, month: 12, day: 30 },
    accentSensitive: true,
    // Full doubles, as Excel stores them: "to the last decimal" means no display rounding here.
    smartRounding: false,
  });
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    expect(n.ranges).toHaveLength(1);
    hf.addNamedExpression(n.name, `=${n.ranges[0]}`);
  }
  return hf;
}

type Fill = Partial<Record<string, ExcelJS.CellValue>>;

/** Statuses by code, typed the way people type them (either language, case, numbers, N/A, mistakes). */
const FILLS: Record<string, Fill> = {
  blank: {},
  mixed: {
    "1.1.1": "Mis en œuvre",
    "1.1.2": "Planned",
    "1.1.3": "PLANIFIÉ",
    "1.2.1": "mis en oeuvre",
    "1.3.1": 3,
    "1.4.1": "Non applicable",
    "1.5.1": "peut-être",
    "1.10.1": "Pérennisé",
    "1.11.2": "Sustained",
    "2.1": "En cours",
    "2.2": 0,
    "2.6": "N/A",
    "3.1.1": "Not started",
    "3.2": "In progress",
    "3.3": "Implemented",
    "5.3.4": 4,
    "6.1": "Non applicable",
    "6.2": "Non applicable",
    "6.3": "Non applicable",
  },
  everything: Object.fromEntries(
    OBJECTIVE_CODES.map((code, i) => [
      code,
      ["Non commencé", "Planifié", "En cours", "Mis en œuvre", "Pérennisé", "Non applicable", "Planned"][i % 7]!,
    ]),
  ),
};

async function filledWorkbook(name: string, fill: Fill): Promise<Buffer> {
  const file = `${name}.xlsx`;
  expect((await liat("init", "-o", file, "--lang", "fr", "--city", "Lyon", "--period", "2025")).code).toBe(0);
  const wb = await loadExcel(readFileSync(join(dir, file)));
  const status = COLUMNS.findIndex((c) => c.key === "status") + 1;
  for (const d of DOMAIN_IDS) {
    const layout = domainSheetLayout(d, "fr");
    const ws = wb.getWorksheet(layout.name)!;
    for (let r = layout.firstRow; r <= layout.lastRow; r++) {
      const v = fill[String(ws.getCell(r, 1).value)];
      if (v !== undefined) ws.getCell(r, status).value = v;
    }
  }
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  writeFileSync(join(dir, file), bytes);
  return bytes;
}

const blankToNull = (v: unknown) => (v === "" ? null : v);

describe.each(Object.keys(FILLS))("a workbook opened without the add-in (%s)", (name) => {
  let wb: ExcelJS.Workbook;
  let hf: HyperFormula;
  let cover: CoverLayout;
  let coverId: number;
  let core: WorkbookSummary;

  beforeAll(async () => {
    const bytes = await filledWorkbook(name, FILLS[name]!);
    wb = await loadExcel(bytes);
    hf = toEngine(wb);
    cover = coverLayout("fr");
    coverId = hf.getSheetId(COVER_SHEET)!;
    core = checkWorkbook(await readOk(bytes, `${name}.xlsx`))!.summary;
    // a whole workbook through ExcelJS and HyperFormula: seconds on a loaded machine
  }, 120_000);
  afterAll(() => hf.destroy());

  const at = (sheet: number, row: number, col: number) => hf.getCellValue({ sheet, row: row - 1, col: col - 1 });

  it("evaluates every formula of the workbook to a value, never an error (no #NAME?)", () => {
    let formulas = 0;
    for (const ws of wb.worksheets) {
      const id = hf.getSheetId(ws.name)!;
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (!cell.formula) return;
          formulas++;
          const v = at(id, r, c);
          expect([ws.name, cell.address, v instanceof DetailedCellError ? v.value : "ok"]).toEqual([
            ws.name,
            cell.address,
            "ok",
          ]);
        }),
      );
    }
    // 39 Points cells, 39 Check cells and 7 summary lines of 5 formulas.
    expect(formulas).toBe(39 * 2 + 7 * 5);
  });

  it("gives each objective's Points as a number, NA, blank, or ? for an unknown status", () => {
    const points = COLUMNS.findIndex((c) => c.key === "points") + 1;
    for (const d of DOMAIN_IDS) {
      const layout = domainSheetLayout(d, "fr");
      const id = hf.getSheetId(layout.name)!;
      for (let r = layout.firstRow; r <= layout.lastRow; r++) {
        const code = String(layout.rows[r - layout.firstRow]![0]);
        const typed = FILLS[name]![code];
        const v = at(id, r, points);
        const expected = summarize([{ code, status: typed }]).domains.find((x) => x.domain === d)!;
        if (typed === undefined) expect(v).toBe("");
        else if (expected.notApplicable === 1) expect(v).toBe("NA");
        else if (expected.invalid === 1) expect(v).toBe("?");
        else expect(v).toBe(expected.score);
      }
    }
  });

  it("agrees with summarize() on every domain and overall, to the last decimal", () => {
    const c = cover.columns;
    const line = (row: number) => ({
      score: blankToNull(at(coverId, row, c.score)),
      rating: at(coverId, row, c.rating),
      coverage: blankToNull(at(coverId, row, c.coverage)),
      assessed: at(coverId, row, c.assessed),
      applicable: at(coverId, row, c.applicable),
    });
    for (const d of core.domains) {
      expect([d.domain, line(cover.domainRows[d.domain as DomainId])]).toEqual([
        d.domain,
        {
          score: d.score,
          rating: ratingLabel(d.score, "fr"),
          coverage: d.coverage,
          assessed: d.assessed,
          applicable: d.applicable,
        },
      ]);
    }
    const o = core.overall;
    expect(line(cover.overallRow)).toEqual({
      score: o.score,
      rating: ratingLabel(o.score, "fr"),
      coverage: o.coverage,
      assessed: o.assessed,
      applicable: o.applicable,
    });
  });

  it("agrees with `liat summary --json`", async () => {
    const r = await liat("summary", `${name}.xlsx`, "--json");
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.out).summary as WorkbookSummary;
    expect(cli).toEqual(JSON.parse(JSON.stringify(core)));
    for (const d of cli.domains)
      expect(blankToNull(at(coverId, cover.domainRows[d.domain], cover.columns.score))).toBe(d.score);
    expect(blankToNull(at(coverId, cover.overallRow, cover.columns.score))).toBe(cli.overall.score);
  });
});

describe("the cached results `liat init` writes", () => {
  it("are what a spreadsheet engine computes from the formulas, for every formula cell", async () => {
    const bytes = await writeLiatWorkbook({
      lang: "en",
      entries: {
        "1.1.1": { status: "Implemented" },
        "1.1.2": { status: "planned", responsible: "Mayor", budget: -3 },
        "2.1": { status: "P*", currency: "XYZ" },
        "3.2": { status: 4, responsible: "x", evidence: "javascript:x" },
        "6.1": { status: "N/A", comments: "none" },
      },
    });
    const wb = await loadExcel(bytes);
    const hf = toEngine(wb);
    try {
      let compared = 0;
      for (const ws of wb.worksheets) {
        const id = hf.getSheetId(ws.name)!;
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) => {
            if (!cell.formula) return;
            compared++;
            const engine = hf.getCellValue({ sheet: id, row: r - 1, col: c - 1 });
            const cached = cell.result ?? "";
            if (typeof engine === "number")
              expect([ws.name, cell.address, cached]).toEqual([ws.name, cell.address, expect.closeTo(engine, 12)]);
            else expect([ws.name, cell.address, cached]).toEqual([ws.name, cell.address, engine ?? ""]);
          }),
        );
      }
      expect(compared).toBe(39 * 2 + 7 * 5);
    } finally {
      hf.destroy();
    }
  }, 120_000);
});
