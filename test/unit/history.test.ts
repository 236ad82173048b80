/** The history table in plain cells: reading it back, closing periods (nothing lost, same label asks), the core trend. */
import fc from "fast-check";
import { OBJECTIVES } from "../../src/core/catalogue";
import {
  catalogueStatuses,
  historyBody,
  nextPeriodLabel,
  planClose,
  readHistory,
  type HistoryPeriod,
} from "../../src/core/history";
import { HISTORY_COLUMNS, mapHeaderRow } from "../../src/core/layout";
import { findTables } from "../../src/core/workbookReader";
import { summarize, type StatusEntry } from "../../src/core/summary";
import { periodTrend } from "../../src/core/trend";

const LABELS = ["Non commencé", "Planned", "En cours", "Implemented", "Pérennisé", "Not applicable", "", 3, "maybe"];
const statuses = (pick: (i: number) => number): StatusEntry[] =>
  OBJECTIVES.map((o, i) => ({ code: o.code, status: LABELS[pick(i) % LABELS.length] }));

/** The sheet rows of a history table written from periods (header on sheet row 1). */
function sheetRows(periods: readonly HistoryPeriod[], lang: "fr" | "en") {
  return [HISTORY_COLUMNS.map((c) => c.header[lang]), ...historyBody(periods, 1)];
}

function close(history: readonly HistoryPeriod[], label: string, current: StatusEntry[], replace = false) {
  const plan = planClose(history, label, 46000 + history.length, current, replace);
  if ("needsConfirmation" in plan) throw new Error(`confirmation asked for ${label}`);
  return plan.periods;
}

describe("history table", () => {
  it("is not taken for a LIAT domain table by the reader", () => {
    for (const lang of ["fr", "en"] as const) {
      const header = HISTORY_COLUMNS.map((c) => c.header[lang]);
      expect(mapHeaderRow(header)).toBeNull();
      const periods = close(
        [],
        "2024",
        statuses((i) => i),
      );
      expect(findTables([{ name: "LIAT_History", rows: sheetRows(periods, lang) }])).toEqual([]);
    }
  });

  it("reads back what it wrote: every period, every objective, every status as typed", () => {
    let h: HistoryPeriod[] = [];
    h = close(
      h,
      "2023",
      statuses((i) => i),
    );
    h = close(
      h,
      "2024",
      statuses((i) => i * 7 + 1),
    );
    h = close(
      h,
      "2025",
      statuses(() => 6),
    );
    for (const lang of ["fr", "en"] as const) {
      const read = readHistory(sheetRows(h, lang))!;
      expect(read.periods.map((p) => [p.seq, p.label, p.closedOn])).toEqual([
        [1, "2023", 46000],
        [2, "2024", 46001],
        [3, "2025", 46002],
      ]);
      read.periods.forEach((p, i) => expect(p.entries).toEqual(catalogueStatuses(h[i]!.entries)));
    }
  });

  it("finds the table with moved columns and a title above it, and keeps rows it cannot place", () => {
    const h = close(
      [],
      "2024",
      statuses((i) => i),
    );
    const rows = sheetRows(h, "en");
    const order = [6, 5, 4, 3, 2, 1, 0];
    const moved = [["History"], [], ...rows.map((r) => order.map((i) => r[i]!)), ["", "", "", "", "", "", ""]];
    moved.push(["x", "", "", "", "", "", "?"]);
    const read = readHistory(moved)!;
    expect(read.headerRow).toBe(2);
    expect(read.periods).toHaveLength(1);
    expect(read.periods[0]!.entries).toEqual(catalogueStatuses(h[0]!.entries));
    expect(read.loose).toEqual([["x", "", "", "", "", "", "?"]]);
    expect(historyBody(read.periods, 1, read.loose).at(-1)).toEqual(["x", "", "", "", "", "", "?"]);
  });

  it("returns null without a history header", () => {
    expect(
      readHistory([
        ["Code", "Status"],
        ["1.1.1", "Planned"],
      ]),
    ).toBeNull();
  });

  it("closing the same period again asks first, then replaces it in place; other periods stay", () => {
    let h = close(
      [],
      "2024",
      statuses(() => 1),
    );
    h = close(
      h,
      "2025",
      statuses(() => 2),
    );
    const asked = planClose(
      h,
      " 2024 ",
      46100,
      statuses(() => 4),
      false,
    );
    expect(asked).toEqual({ needsConfirmation: h[0] });
    const replaced = planClose(
      h,
      "2024",
      46100,
      statuses(() => 4),
      true,
    );
    if ("needsConfirmation" in replaced) throw new Error("unexpected");
    expect(replaced.replaces).toBe(h[0]);
    expect(replaced.periods.map((p) => [p.seq, p.label])).toEqual([
      [1, "2024"],
      [2, "2025"],
    ]);
    expect(replaced.periods[0]!.entries.every((e) => e.status === LABELS[4])).toBe(true);
    expect(replaced.periods[1]).toBe(h[1]);
  });

  it("closing periods keeps every entry of every period (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("2023", "2024", "2025", "S1 2026"), fc.integer({ min: 0, max: 1000 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (closes) => {
          let h: HistoryPeriod[] = [];
          const expected = new Map<string, StatusEntry[]>();
          for (const [label, seed] of closes) {
            const current = statuses((i) => (i * seed + seed) % 97);
            h = close(h, label, current, true);
            expected.set(label, catalogueStatuses(current));
          }
          const read = readHistory(sheetRows(h, "fr"))!;
          expect(read.periods.map((p) => p.label)).toEqual([...expected.keys()]);
          for (const p of read.periods) expect(p.entries).toEqual(expected.get(p.label));
          expect(read.periods.map((p) => p.seq)).toEqual(read.periods.map((_, i) => i + 1));
        },
      ),
    );
  });

  it("suggests the next period label", () => {
    expect(nextPeriodLabel("2025")).toBe("2026");
    expect(nextPeriodLabel("S1 2025")).toBe("S1 2026");
    expect(nextPeriodLabel("2025-09")).toBe("2025-10");
    expect(nextPeriodLabel("Année")).toBe("");
  });

  it("the trend scores each period as the summary does and gives the change since the previous one", () => {
    let h = close(
      [],
      "2024",
      statuses((i) => i),
    );
    h = close(
      h,
      "2025",
      statuses((i) => i + 2),
    );
    const [a, b] = periodTrend(h);
    const sa = summarize(h[0]!.entries);
    const sb = summarize(h[1]!.entries);
    expect(a!.domains).toEqual(sa.domains.map((d) => d.score));
    expect(a!.overall).toBe(sa.overall.score);
    expect(a!.domainChanges.every((c) => c === null)).toBe(true);
    expect(b!.overallChange).toBe(sb.overall.score! - sa.overall.score!);
    expect(b!.domainChanges).toEqual(
      sb.domains.map((d, i) =>
        d.score === null || sa.domains[i]!.score === null ? null : d.score - sa.domains[i]!.score!,
      ),
    );
  });
});
