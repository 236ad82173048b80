/**
 * Closing periods in the strict in-memory host: history recorded, nothing lost, the same label asks
 * first, statuses kept or cleared, and the cover's native trend equal to the core on random histories.
 */
import fc from "fast-check";
import { OBJECTIVES } from "../../src/core/catalogue";
import { catalogueStatuses, historyBody, readHistory, type HistoryPeriod } from "../../src/core/history";
import {
  columnIndex,
  columnLetter,
  COVER,
  domainSheetName,
  HISTORY_COLUMNS,
  HISTORY_SHEET,
} from "../../src/core/layout";
import { periodTrend, TREND, trendBlock } from "../../src/core/trend";
import { closePeriod, historyBlocks } from "../../src/excel/closePeriod";
import { insertLiat } from "../../src/excel/workbookOperations";
import { createHost, type LiatHost } from "../../tooling/excel-host/excelHost";
import { forgetSheets } from "../../src/excel/snapshot";
import { allValues, buildV1Workbook, newHost, run } from "./excelFixtures";

jest.setTimeout(180_000);
const STATUS = columnLetter(columnIndex("status"));
const RESPONSIBLE = columnLetter(columnIndex("responsible"));
const CHOICES = ["", "Non commencé", "Planifié", "En cours", "Mis en œuvre", "Pérennisé", "Non applicable", "Planned"];

/** Sets every objective's status (one write per domain sheet), as a person would. */
async function setStatuses(host: LiatHost, statuses: readonly string[], lang: "fr" | "en" = "fr"): Promise<void> {
  await run(host, (wb) => {
    for (let d = 1; d <= 6; d++) {
      const idx = OBJECTIVES.map((o, i) => [o, i] as const).filter(([o]) => o.domain === d);
      const ws = wb.worksheets.getItem(domainSheetName(d as 1, lang));
      ws.getRange(`${STATUS}5:${STATUS}${4 + idx.length}`).values = idx.map(([, i]) => [statuses[i]!]);
    }
  });
}

const sheetValues = (host: LiatHost, name: string) => host.getSnapshot().sheets.find((s) => s.name === name)!.values;

function currentStatuses(host: LiatHost): string[] {
  return OBJECTIVES.map((o) => {
    const name = domainSheetName(o.domain, "fr");
    const rows = sheetValues(host, name);
    const r = rows.findIndex((row) => row[0] === o.code);
    return String(rows[r]![columnIndex("status")] ?? "");
  });
}

describe("closePeriod where Table.resize does not exist (Office 2021: ExcelApi 1.14 has it, the Mac profile 1.11 not)", () => {
  it("grows the history table by making it again over the whole history, every value kept", async () => {
    const host = createHost({ profile: "mac" });
    host.install(globalThis);
    forgetSheets();
    await insertLiat({ lang: "fr", city: "Lyon", period: "2024" });
    const first = OBJECTIVES.map((_, i) => CHOICES[i % CHOICES.length]!);
    await setStatuses(host, first);
    const r1 = await closePeriod({ nextLabel: "2025", clearStatuses: false, closedOn: "2024-12-31" });
    expect(r1).toMatchObject({ closed: true, seq: 1 });
    const second = OBJECTIVES.map((_, i) => CHOICES[(i * 3 + 1) % CHOICES.length]!);
    await setStatuses(host, second);
    const r2 = await closePeriod({ nextLabel: "2026", clearStatuses: false, closedOn: "2025-12-31" });
    expect(r2).toMatchObject({ closed: true, seq: 2, createdHistory: false });
    const read = readHistory(sheetValues(host, HISTORY_SHEET))!;
    expect(read.periods.map((p) => p.label)).toEqual(["2024", "2025"]);
    expect(read.periods[1]!.entries.map((e) => e.status)).toEqual(second);
    const tables = host.getSnapshot().tables.filter((t) => t.sheet === HISTORY_SHEET);
    expect(tables).toHaveLength(1);
    // header row and two periods of 39 objectives, from A1
    expect(tables[0]!.address).toMatch(new RegExp(`^(?:'?${HISTORY_SHEET}'?!)?A1:[A-Z]+${1 + 2 * OBJECTIVES.length}$`));
  });
});

describe("closePeriod", () => {
  it("records the period, starts the next one, asks before replacing, clears only statuses when asked", async () => {
    const host = newHost();
    await insertLiat({ lang: "fr", city: "Lyon", period: "2024" });
    const first = OBJECTIVES.map((_, i) => CHOICES[i % CHOICES.length]!);
    await setStatuses(host, first);
    await run(host, (wb) => {
      wb.worksheets.getItem(domainSheetName(1, "fr")).getRange(`${RESPONSIBLE}5`).values = [["Cabinet du maire"]];
    });

    const syncsBefore = host.syncCount;
    const r1 = await closePeriod({ nextLabel: "2025", clearStatuses: false, closedOn: "2024-12-31" });
    expect(r1).toMatchObject({ closed: true, label: "2024", seq: 1, replaced: false, recorded: 39, cleared: 0 });
    expect(r1.closed && r1.createdHistory).toBe(true);
    expect(host.syncCount - syncsBefore).toBeLessThanOrEqual(3);
    expect(host.getCell("LIAT", `B${COVER.periodRow}`).value).toBe("2025");
    const hist = sheetValues(host, HISTORY_SHEET);
    expect(hist[0]).toEqual(HISTORY_COLUMNS.map((c) => c.header.fr));
    expect(hist).toHaveLength(1 + OBJECTIVES.length);
    const read = readHistory(hist)!;
    expect(read.periods.map((p) => [p.seq, p.label, p.closedOn])).toEqual([[1, "2024", 45657]]);
    expect(read.periods[0]!.entries.map((e) => e.status)).toEqual(first);
    // Points are native formulas over the recorded status.
    expect(hist[1]![HISTORY_COLUMNS.findIndex((c) => c.key === "points")]).toBe(first[0] === "" ? "" : 0);
    expect(currentStatuses(host)).toEqual(first);

    // Same label again: nothing written until the user agrees.
    const before = allValues(host);
    const asked = await closePeriod({ label: "2024", nextLabel: "2025", clearStatuses: true });
    expect(asked).toEqual({ closed: false, needsConfirmation: { label: "2024", closedOn: 45657 } });
    expect(allValues(host)).toEqual(before);

    // 2025, then the next period starts with cleared statuses; other entries stay.
    const second = OBJECTIVES.map((_, i) => CHOICES[(i * 3 + 1) % CHOICES.length]!);
    await setStatuses(host, second);
    const r2 = await closePeriod({ nextLabel: "2026", clearStatuses: true, closedOn: "2025-12-31" });
    expect(r2).toMatchObject({ closed: true, label: "2025", seq: 2, createdHistory: false });
    expect(r2.closed && r2.cleared).toBe(second.filter((s) => s !== "").length);
    expect(currentStatuses(host).every((s) => s === "")).toBe(true);
    expect(host.getCell(domainSheetName(1, "fr"), `${RESPONSIBLE}5`).value).toBe("Cabinet du maire");

    // Replacing 2024 after confirmation: in place, 2025 untouched.
    const third = OBJECTIVES.map(() => "Pérennisé");
    await setStatuses(host, third);
    const r3 = await closePeriod({ label: "2024", nextLabel: "2026", clearStatuses: false, replace: true });
    expect(r3).toMatchObject({ closed: true, seq: 1, replaced: true });
    const after = readHistory(sheetValues(host, HISTORY_SHEET))!;
    expect(after.periods.map((p) => [p.seq, p.label])).toEqual([
      [1, "2024"],
      [2, "2025"],
    ]);
    expect(after.periods[0]!.entries.map((e) => e.status)).toEqual(third);
    expect(after.periods[1]!.entries.map((e) => e.status)).toEqual(second);
    expect(host.model.tables.find((t) => t.name === "LIAT_Periods")).toBeDefined();
  });

  it("the cover's native trend equals the core on random histories, to the last decimal", async () => {
    const statuses = fc.array(fc.constantFrom(...CHOICES), {
      minLength: OBJECTIVES.length,
      maxLength: OBJECTIVES.length,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(statuses, { minLength: 1, maxLength: 3 }), async (periods) => {
        const host = newHost();
        await insertLiat({ lang: "en", period: "P1" });
        for (let k = 0; k < periods.length; k++) {
          await setStatuses(host, periods[k]!, "en");
          const r = await closePeriod({ nextLabel: `P${k + 2}`, clearStatuses: false, closedOn: `2020-01-0${k + 1}` });
          expect(r.closed).toBe(true);
        }
        const history = readHistory(sheetValues(host, HISTORY_SHEET))!;
        history.periods.forEach((p, k) =>
          expect(p.entries).toEqual(
            catalogueStatuses(OBJECTIVES.map((o, i) => ({ code: o.code, status: periods[k]![i] }))),
          ),
        );
        const trend = periodTrend(history.periods);
        const cover = sheetValues(host, "LIAT");
        const { columns } = trendBlock("en");
        const blank = (v: number | null) => (v === null ? "" : v);
        for (let k = 0; k < TREND.slots; k++) {
          const line = cover[TREND.firstRow - 1 + k] ?? [];
          const t = trend[k];
          if (t === undefined) {
            expect(line[columns.label] ?? "").toBe("");
            expect(line[columns.overall] ?? "").toBe("");
            continue;
          }
          expect(line[columns.label]).toBe(t.label);
          expect(line[columns.closedOn]).toBe(t.closedOn);
          expect(columns.domains.map((c) => line[c])).toEqual(t.domains.map(blank));
          expect(line[columns.overall]).toBe(blank(t.overall));
          expect(columns.changes.map((c) => line[c])).toEqual(t.domainChanges.map(blank));
          expect(line[columns.overallChange]).toBe(blank(t.overallChange));
        }
      }),
      { numRuns: 5 },
    );
  });
});

describe("closePeriod on an older workbook", () => {
  it("asks for the upgrade first and changes nothing; after the upgrade the first close adds the history", async () => {
    const host = newHost();
    await buildV1Workbook(host, "en", { "1.1.1": { status: "Planned", responsible: "Mayor" } });
    const before = allValues(host);
    await expect(closePeriod({ label: "2024", nextLabel: "2025", clearStatuses: false })).rejects.toMatchObject({
      key: "upgradeFirst",
    });
    expect(allValues(host)).toEqual(before);
    await insertLiat({ lang: "en" });
    const r = await closePeriod({ label: "2024", nextLabel: "2025", clearStatuses: false });
    expect(r).toMatchObject({ closed: true, createdHistory: true, recorded: 39 });
    const history = readHistory(sheetValues(host, HISTORY_SHEET))!;
    expect(history.periods[0]!.entries.find((e) => e.code === "1.1.1")!.status).toBe("Planned");
  });
});

describe("closePeriod under Excel on the web's 5 MB per request", () => {
  it("cuts the history into blocks under the budget, in order, every row once", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, "x".repeat(i % 50)]);
    const blocks = historyBlocks(rows, 2_000);
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks[0]![0]).toBe(0);
    expect(blocks.at(-1)![1]).toBe(rows.length);
    blocks.slice(1).forEach(([from], k) => expect(from).toBe(blocks[k]![1]));
    for (const [from, to] of blocks) expect(JSON.stringify(rows.slice(from, to)).length).toBeLessThan(2_000 + 200);
    expect(historyBlocks(rows.slice(0, 3), 2_000)).toEqual([[0, 3]]);
    expect(historyBlocks([], 2_000)).toEqual([]);
  });

  it("closes the 101st period of a long history on the web profile, every request under 5 MB", async () => {
    const host = createHost({ profile: "web" });
    host.install(globalThis);
    forgetSheets();
    await insertLiat({ lang: "en", city: "Lyon", period: "P1" });
    await closePeriod({ nextLabel: "P2", clearStatuses: false, closedOn: "2020-01-31" });
    // 100 recorded periods (3,900 rows, about 6 MB of formulas in all), written in blocks as a long-lived workbook
    // would have gathered them
    const periods: HistoryPeriod[] = Array.from({ length: 100 }, (_, i) => ({
      seq: i + 1,
      label: `P${i + 1}`,
      closedOn: 43_831 + i * 30,
      entries: OBJECTIVES.map((o, j) => ({ code: o.code, status: CHOICES[(i + j) % CHOICES.length]! })),
    }));
    const body = historyBody(periods, 1);
    for (let from = 0; from < body.length; from += 500) {
      const rows = body.slice(from, from + 500);
      await run(host, (wb) => {
        const ws = wb.worksheets.getItem(HISTORY_SHEET);
        ws.getRange(`A${from + 2}:G${from + 1 + rows.length}`).formulas = rows;
      });
    }
    await run(host, (wb) => {
      wb.worksheets.getItem("LIAT").getRange(`B${COVER.periodRow}`).values = [["P101"]];
    });
    host.resetSyncCount();
    const before = host.syncCount;
    const result = await closePeriod({ nextLabel: "P102", clearStatuses: false, closedOn: "2028-06-30" });
    expect(result).toMatchObject({ closed: true, label: "P101", seq: 101, recorded: 39 });
    expect(host.syncCount - before).toBeGreaterThan(3);
    expect(host.largestPayload.request).toBeLessThan(5 * 1024 * 1024);
    const read = readHistory(sheetValues(host, HISTORY_SHEET))!;
    expect(read.periods).toHaveLength(101);
    expect(read.periods.map((p) => p.label)).toEqual([...periods.map((p) => p.label), "P101"]);
  });
});
