import fc from "fast-check";
import { meanOfScores, tallyValues, InvalidStatusError, InvalidWeightError } from "../../src/core/scoring";
import { parseStatus, STATUS_SCALE, statusLabels, NOT_APPLICABLE_LABEL } from "../../src/core/status";
import { ratingBand, ratingLabel } from "../../src/core/rating";
import { summarize } from "../../src/core/summary";
import { OBJECTIVES } from "../../src/core/catalogue";
import { progress } from "../../src/core/progress";

describe("status scale", () => {
  it("reads labels in French and English, any case and accents, numbers and N/A", () => {
    expect(parseStatus("Pérennisé")).toEqual({ kind: "level", level: 4, points: 100 });
    expect(parseStatus("perennise")).toEqual({ kind: "level", level: 4, points: 100 });
    expect(parseStatus("MIS EN OEUVRE")).toEqual({ kind: "level", level: 3, points: 75 });
    expect(parseStatus(" in progress ")).toEqual({ kind: "level", level: 2, points: 50 });
    expect(parseStatus(1)).toEqual({ kind: "level", level: 1, points: 25 });
    expect(parseStatus("0")).toEqual({ kind: "level", level: 0, points: 0 });
    expect(parseStatus("N/A")).toEqual({ kind: "na" });
    expect(parseStatus("Non applicable")).toEqual({ kind: "na" });
    expect(parseStatus("")).toEqual({ kind: "blank" });
    expect(parseStatus(null)).toEqual({ kind: "blank" });
    expect(parseStatus("   ")).toEqual({ kind: "blank" });
  });
  it("refuses what is not a status instead of guessing", () => {
    for (const bad of [5, -1, 2.5, "Done", true, "#N/A", "=1+1", NaN]) {
      expect(parseStatus(bad).kind).toBe("invalid");
    }
  });
  it("offers six labels per language", () => {
    expect(statusLabels("fr")).toEqual([
      "Non commencé",
      "Planifié",
      "En cours",
      "Mis en œuvre",
      "Pérennisé",
      "Non applicable",
    ]);
    expect(statusLabels("en")).toEqual([
      "Not started",
      "Planned",
      "In progress",
      "Implemented",
      "Sustained",
      "Not applicable",
    ]);
  });
});

describe("scores", () => {
  it("worked example: Pérennisé, Non applicable, En cours and a blank give 75 and coverage 2 of 3", () => {
    const t = tallyValues(["Pérennisé", "Non applicable", "En cours", ""]);
    expect(t.score).toBe(75);
    expect(t.assessed).toBe(2);
    expect(t.applicable).toBe(3);
    expect(t.coverage).toBeCloseTo(2 / 3, 12);
    expect(t.byLevel).toEqual([0, 0, 1, 0, 1]);
  });
  it("an empty domain has no score rather than 0", () => {
    expect(tallyValues(["", "", null]).score).toBeNull();
    expect(tallyValues([]).score).toBeNull();
    expect(tallyValues([]).coverage).toBeNull();
    expect(tallyValues(["N/A", "N/A"]).coverage).toBeNull();
    expect(tallyValues(["Not started"]).score).toBe(0);
  });
  it("weights give a weighted mean; bad weights are refused", () => {
    expect(tallyValues(["Sustained", "Not started"], [3, 1]).score).toBe(75);
    expect(tallyValues(["Sustained", "Not started"], ["", 1]).score).toBe(0);
    expect(tallyValues(["Sustained", "Not started"], [0, 0]).score).toBeNull();
    expect(() => tallyValues(["Sustained"], [-1])).toThrow(InvalidWeightError);
    expect(() => tallyValues(["Sustained"], ["x"])).toThrow(InvalidWeightError);
  });
  it("reports the position of a bad status", () => {
    expect(() => tallyValues(["Planned", "Finished"])).toThrow(InvalidStatusError);
    try {
      tallyValues(["Planned", "Finished"]);
    } catch (e) {
      expect((e as InvalidStatusError).index).toBe(1);
    }
  });
  it("rating bands", () => {
    expect(ratingBand(0)?.id).toBe("initial");
    expect(ratingBand(24.99)?.id).toBe("initial");
    expect(ratingBand(25)?.id).toBe("emerging");
    expect(ratingBand(50)?.id).toBe("established");
    expect(ratingBand(74.9)?.id).toBe("established");
    expect(ratingBand(75)?.id).toBe("advanced");
    expect(ratingBand(100)?.id).toBe("advanced");
    expect(ratingBand(null)).toBeNull();
    expect(ratingBand(101)).toBeNull();
    expect(ratingLabel(60, "fr")).toBe("Établi");
  });
  it("progress works up and down", () => {
    expect(progress(10, 20, 15)).toBe(0.5);
    expect(progress(40, 20, 30)).toBe(0.5);
    expect(progress(40, 20, 10)).toBe(1.5);
    expect(() => progress(5, 5, 5)).toThrow(RangeError);
  });
});

const statusValue = fc.oneof(
  fc.constantFrom(...STATUS_SCALE.flatMap((s) => [s.label.fr, s.label.en, s.level, String(s.level)])),
  fc.constantFrom(NOT_APPLICABLE_LABEL.fr, NOT_APPLICABLE_LABEL.en, "N/A", "", null),
);

describe("scoring invariants (property tests)", () => {
  it("scores stay within 0-100 and coverage within 0-1", () => {
    fc.assert(
      fc.property(fc.array(statusValue, { maxLength: 60 }), (values) => {
        const t = tallyValues(values);
        if (t.score !== null) expect(t.score >= 0 && t.score <= 100).toBe(true);
        if (t.coverage !== null) expect(t.coverage >= 0 && t.coverage <= 1).toBe(true);
        expect(t.assessed + t.blank + t.notApplicable).toBe(values.length);
      }),
    );
  });
  it("N/A and blanks never move the score", () => {
    fc.assert(
      fc.property(
        fc.array(statusValue, { maxLength: 40 }),
        fc.array(fc.constantFrom("N/A", "", null, "Non applicable"), { maxLength: 10 }),
        (values, extra) => {
          expect(tallyValues([...values, ...extra]).score).toBe(tallyValues(values).score);
        },
      ),
    );
  });
  it("order does not matter", () => {
    fc.assert(
      fc.property(
        fc
          .array(statusValue, { maxLength: 40 })
          .chain((v) => fc.tuple(fc.constant(v), fc.shuffledSubarray(v, { minLength: v.length, maxLength: v.length }))),
        ([values, shuffled]) => {
          const a = tallyValues(values);
          const b = tallyValues(shuffled);
          expect(b.byLevel).toEqual(a.byLevel);
          expect(b.coverage).toBe(a.coverage);
          if (a.score === null) expect(b.score).toBeNull();
          else expect(b.score).toBeCloseTo(a.score, 9);
        },
      ),
    );
  });
  it("labels in any supported language give the same result as numbers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 1, 2, 3, 4), { maxLength: 40 }),
        fc.array(fc.constantFrom("fr", "en", "num"), { minLength: 40, maxLength: 40 }),
        (levels, langs) => {
          const asLabels = levels.map((l, i) => {
            const lang = langs[i] as "fr" | "en" | "num";
            return lang === "num" ? l : STATUS_SCALE[l]!.label[lang];
          });
          expect(tallyValues(asLabels)).toEqual(tallyValues(levels));
        },
      ),
    );
  });
  it("mean of scores ignores missing scores", () => {
    expect(meanOfScores([null, 50, null, 100])).toBe(75);
    expect(meanOfScores([null, null])).toBeNull();
  });
});

describe("workbook summary", () => {
  it("counts every catalogue objective, by domain, by priority and overall", () => {
    const entries = [
      { code: "1.1.1", status: "Pérennisé" },
      { code: "1.1.2", status: "Non applicable" },
      { code: "1.1.3", status: "En cours" },
      { code: "2,1", status: "Implemented" },
    ];
    const s = summarize(entries);
    const d1 = s.domains.find((d) => d.domain === 1)!;
    expect(d1.score).toBe(75);
    expect(d1.assessed).toBe(2);
    expect(d1.applicable).toBe(OBJECTIVES.filter((o) => o.domain === 1).length - 1);
    const d2 = s.domains.find((d) => d.domain === 2)!;
    expect(d2.score).toBe(75);
    expect(s.domains.find((d) => d.domain === 3)!.score).toBeNull();
    expect(s.overall.score).toBe(75);
    expect(s.overall.rating).toBe("advanced");
    expect(s.overall.assessed).toBe(3);
    expect(s.overall.applicable).toBe(38);
    expect(s.overall.total).toBe(39);
    expect(s.priorities).toHaveLength(8);
  });
  it("each domain weighs the same in the overall score", () => {
    const s = summarize([
      { code: "1.1.1", status: 4 },
      { code: "1.1.2", status: 4 },
      { code: "1.1.3", status: 4 },
      { code: "2.1", status: 0 },
    ]);
    expect(s.overall.score).toBe(50);
  });
  it("first occurrence of a code counts, unknown codes are ignored, invalid statuses count as blank", () => {
    const s = summarize([
      { code: "1.1.1", status: "Planned" },
      { code: "1.1.1", status: "Sustained" },
      { code: "9.9.9", status: "Sustained" },
      { code: "1.1.2", status: "Whatever" },
    ]);
    const d1 = s.domains.find((d) => d.domain === 1)!;
    expect(d1.score).toBe(25);
    expect(d1.invalid).toBe(1);
    expect(s.overall.assessed).toBe(1);
  });
});
