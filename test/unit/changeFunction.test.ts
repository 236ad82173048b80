/** LIAT.CHANGE: the change in score between two status ranges, with the rules of SCORE and of the comparison. */
import fc from "fast-check";
import { objectivesOfDomain } from "../../src/core/catalogue";
import { compareStatuses } from "../../src/core/compare";
import * as F from "../../src/functions/functions";

const column = (values: readonly string[]) => values.map((v) => [v]);

describe("LIAT.CHANGE", () => {
  it("is the new score minus the old one; blank when either side has nothing assessed", () => {
    expect(F.change(column(["Planned", "In progress"]), column(["Implemented", "Mis en œuvre"]))).toBe(75 - 37.5);
    expect(F.change(column(["Pérennisé", "N/A"]), column(["1", ""]))).toBe(25 - 100);
    expect(F.change(column(["", "N/A"]), column(["Sustained"]))).toBe("");
    expect(F.change(column(["Sustained"]), column(["", ""]))).toBe("");
    // Ranges of different shapes compare: each is scored alone.
    expect(F.change([["Planned", "Planned"]], column(["In progress", "In progress", "In progress"]))).toBe(25);
  });

  it("refuses a value that is not a status, naming it", () => {
    let caught: unknown;
    try {
      F.change(column(["Planned"]), column(["Done"]));
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: "#VALUE!" });
    expect((caught as Error).message).toContain("Done");
  });

  it("equals the comparison's change for a domain (property)", () => {
    const codes = objectivesOfDomain(1).map((o) => o.code);
    const side = fc.array(fc.constantFrom("", "Not started", "Planifié", "2", "Implemented", "Pérennisé", "N/A"), {
      minLength: codes.length,
      maxLength: codes.length,
    });
    fc.assert(
      fc.property(side, side, (a, b) => {
        const c = compareStatuses(
          codes.map((code, i) => ({ code, status: a[i] })),
          codes.map((code, i) => ({ code, status: b[i] })),
        );
        expect(F.change(column(a), column(b))).toBe(c.domains[0]!.change ?? "");
      }),
    );
  });
});
