/**
 * The command line writes a workbook with recorded periods as closing a period in the add-in does: the history
 * sheet and its table (read back by the core as written), and the cover's trend block of native formulas whose
 * cached results are the core's trend; an independent reader (openpyxl) opens it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { catalogueStatuses, readHistory } from "../../src/core/history";
import { COVER_SHEET, HISTORY_SHEET, HISTORY_TABLE } from "../../src/core/layout";
import { CHANGE_NUMBER_FORMAT } from "../../src/core/scoreDisplay";
import { periodTrend, TREND } from "../../src/core/trend";
import { loadExcel, readOk } from "./cliFixtures";
import { sampleHistory } from "./historyFixtures";

jest.setTimeout(120_000);

describe("a workbook with recorded periods, written by the command line", () => {
  let bytes: Buffer;
  const history = sampleHistory();
  beforeAll(async () => {
    bytes = await writeLiatWorkbook({ lang: "fr", city: "Lyon", period: "2026", history });
  });

  it("holds the history table as the add-in writes it, read back as recorded", async () => {
    const wb = await readOk(bytes, "lyon.xlsx");
    const sheet = wb.sheets.find((s) => s.name === HISTORY_SHEET)!;
    const read = readHistory(sheet.rows)!;
    expect(read.headerRow).toBe(0);
    expect(read.loose).toEqual([]);
    expect(read.periods.map((p) => [p.seq, p.label, p.closedOn])).toEqual(
      history.map((p) => [p.seq, p.label, p.closedOn]),
    );
    read.periods.forEach((p, i) =>
      expect(p.entries.map((e) => e.status)).toEqual(catalogueStatuses(history[i]!.entries).map((e) => e.status)),
    );
    const excel = await loadExcel(bytes);
    expect(excel.getWorksheet(HISTORY_SHEET)!.getTable(HISTORY_TABLE)).toBeTruthy();
  });

  it("has the cover's trend formulas with the core's trend as their results, changes signed", async () => {
    const excel = await loadExcel(bytes);
    const cover = excel.getWorksheet(COVER_SHEET)!;
    const trend = periodTrend(history);
    expect(trend[1]!.overallChange).not.toBeNull();
    for (let k = 0; k < TREND.slots; k++) {
      const row = cover.getRow(TREND.firstRow + k);
      const p = trend[k];
      // an empty text result reads back as no result (ExcelJS)
      const result = (c: number) => (row.getCell(c).value as { result?: unknown }).result ?? "";
      expect((row.getCell(1).value as { formula?: string }).formula).toMatch(/^IFERROR\(INDEX\(/);
      expect(result(1)).toBe(p ? p.label : "");
      expect(result(3)).toBe(p ? (p.domains[0] ?? "") : "");
      expect(result(9)).toBe(p ? (p.overall ?? "") : "");
      if (k > 0) expect(result(16)).toBe(p ? (p.overallChange ?? "") : "");
      expect(row.getCell(16).numFmt).toBe(CHANGE_NUMBER_FORMAT);
    }
  });

  it("opens in openpyxl (warnings as errors), the history and trend kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "liat-history-"));
    try {
      const file = join(dir, "lyon.xlsx");
      writeFileSync(file, bytes);
      const script = join(__dirname, "..", "libreoffice", "openWithOpenpyxl.py");
      const { stdout } = await promisify(execFile)("/usr/bin/python3", [script, file], { maxBuffer: 64 << 20 });
      const out = JSON.parse(stdout)[file] as Record<string, { cells: Record<string, unknown> }>;
      expect(out[HISTORY_SHEET]!.cells.B2).toBe("2023");
      expect(String(out[COVER_SHEET]!.cells[`A${TREND.firstRow}`])).toMatch(/^=IFERROR\(INDEX\('?LIAT_History'?!/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
