/** Comparing two status sets: the numbers of scoring each alone; up, down, became and stopped being assessed. */
import fc from "fast-check";
import { OBJECTIVES } from "../../src/core/catalogue";
import { compareStatuses } from "../../src/core/compare";
import { summarize, type StatusEntry } from "../../src/core/summary";

const ANY = ["", "Not started", "Planifié", "In progress", "Mis en œuvre", "Sustained", "N/A", 2, "??"] as const;

describe("compareStatuses", () => {
  it("finds the objectives that moved, by canonical code, across languages", () => {
    const before: StatusEntry[] = [
      { code: "1,1,1", status: "Planifié" },
      { code: "1.1.2", status: "En cours" },
      { code: "1.1.3", status: "" },
      { code: "1.2.1", status: "Mis en œuvre" },
      { code: "2.1", status: "Non applicable" },
      { code: "2.2", status: "Pérennisé" },
    ];
    const after: StatusEntry[] = [
      { code: "1.1.1", status: "Implemented" },
      { code: "1.1.2", status: "Planned" },
      { code: "1.1.3", status: "Not started" },
      { code: "1.2.1", status: "" },
      { code: "2.1", status: "In progress" },
      { code: "2.2", status: "Sustained" },
    ];
    const c = compareStatuses(before, after);
    expect(c.up).toEqual([{ code: "1.1.1", domain: 1, old: 1, new: 3 }]);
    expect(c.down).toEqual([{ code: "1.1.2", domain: 1, old: 2, new: 1 }]);
    expect(c.becameAssessed).toEqual([
      { code: "1.1.3", domain: 1, old: null, new: 0 },
      { code: "2.1", domain: 2, old: "na", new: 2 },
    ]);
    expect(c.stoppedAssessed).toEqual([{ code: "1.2.1", domain: 1, old: 3, new: null }]);
    expect(c.domains[0]).toMatchObject({
      domain: 1,
      old: { score: (25 + 50 + 75) / 3 },
      new: { score: (75 + 25 + 0) / 3 },
    });
    expect(c.domains[0]!.change).toBe((75 + 25 + 0) / 3 - (25 + 50 + 75) / 3);
    expect(c.domains[2]).toMatchObject({ old: { score: null }, new: { score: null }, change: null });
  });

  it("gives the numbers of scoring each side alone (property)", () => {
    const side = fc.array(fc.constantFrom(...ANY), { minLength: OBJECTIVES.length, maxLength: OBJECTIVES.length });
    fc.assert(
      fc.property(side, side, (a, b) => {
        const before = OBJECTIVES.map((o, i) => ({ code: o.code, status: a[i] }));
        const after = OBJECTIVES.map((o, i) => ({ code: o.code, status: b[i] }));
        const c = compareStatuses(before, after);
        const [sa, sb] = [summarize(before), summarize(after)];
        c.domains.forEach((d, i) => {
          expect(d.old.score).toBe(sa.domains[i]!.score);
          expect(d.new.score).toBe(sb.domains[i]!.score);
          expect(d.old.coverage).toBe(sa.domains[i]!.coverage);
          expect(d.new.coverage).toBe(sb.domains[i]!.coverage);
        });
        expect(c.overall.old).toEqual({
          score: sa.overall.score,
          coverage: sa.overall.coverage,
          assessed: sa.overall.assessed,
          applicable: sa.overall.applicable,
        });
        expect(c.overall.new.score).toBe(sb.overall.score);
        const moved = c.up.length + c.down.length + c.becameAssessed.length + c.stoppedAssessed.length;
        expect(moved).toBeLessThanOrEqual(OBJECTIVES.length);
        for (const m of c.up) expect(m.new as number).toBeGreaterThan(m.old as number);
        for (const m of c.down) expect(m.new as number).toBeLessThan(m.old as number);
      }),
    );
  });
});
