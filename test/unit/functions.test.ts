import { FUNCTION_IDS } from "./functionIds";
import * as F from "../../src/functions/functions";
import { functionMetadata } from "../../src/functions/localizedMetadata";
import { errorOf } from "./functionErrorOf";

describe("LIAT.* custom functions", () => {
  it("SCORE: worked example and blanks", () => {
    expect(F.score([["Pérennisé"], ["Non applicable"], ["En cours"], [""]])).toBe(75);
    expect(F.score([["", ""]])).toBe("");
    expect(F.score([["4", "0"]], [[3, 1]])).toBe(75);
  });
  it("SCORE: bad arguments give #VALUE! with a message, never a number", () => {
    const e = errorOf(() => F.score([["Planned"], ["Finished"]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("position 2");
    expect(e.message).toContain("Finished");
    expect(errorOf(() => F.score([["1", "2"]], [[1]])).message).toContain("weights");
    expect(F.score([["Sustained", "Not started"]], [[1, 3]])).toBe(25);
    expect(errorOf(() => F.score([["1"]], [[-2]])).code).toBe("#VALUE!");
  });
  it("LEVEL and COVERAGE", () => {
    expect(F.level("Mis en œuvre")).toBe(3);
    expect(F.level("implemented")).toBe(3);
    expect(F.level("2")).toBe(2);
    expect(F.level("N/A")).toBe("N/A");
    expect(F.level("")).toBe("");
    expect(errorOf(() => F.level("nope")).code).toBe("#VALUE!");
    expect(F.coverage([["Sustained", "N/A", "In progress", ""]])).toBeCloseTo(2 / 3, 12);
    expect(F.coverage([["N/A"]])).toBe("");
  });
  it("DOMAINSCORE picks the domain's objectives", () => {
    const codes = [["1.1.1"], ["1.1.2"], ["2.1"], [""]];
    const statuses = [["Sustained"], ["Planned"], ["Not started"], [""]];
    expect(F.domainScore(codes, statuses, 1)).toBe(62.5);
    expect(F.domainScore(codes, statuses, 2)).toBe(0);
    expect(F.domainScore(codes, statuses, 3)).toBe("");
    expect(errorOf(() => F.domainScore(codes, statuses, 7)).message).toContain("1 to 6");
    expect(errorOf(() => F.domainScore([["9.9"]], [["Planned"]], 1)).message).toContain("9.9");
    expect(errorOf(() => F.domainScore([["1.1.1"], ["1,1,1"]], [["Planned"], ["Planned"]], 1)).message).toContain(
      "twice",
    );
    expect(errorOf(() => F.domainScore([["1.1.1"]], [["Planned"], ["x"]], 1)).code).toBe("#VALUE!");
  });
  it("RATING in both languages", () => {
    expect(F.rating("62.5")).toBe("Established");
    expect(F.rating("62.5", "fr")).toBe("Établi");
    expect(F.rating(75 as unknown as string)).toBe("Advanced");
    expect(F.rating("")).toBe("");
    expect(errorOf(() => F.rating("120")).code).toBe("#VALUE!");
    expect(errorOf(() => F.rating("high")).code).toBe("#VALUE!");
    expect(errorOf(() => F.rating("50", "de")).message).toContain("fr");
  });
  it("OBJECTIVE, DOMAIN, REFS, PRIORITIES", () => {
    expect(F.objective("1,1,1", "fr")).toMatch(/^Adopter une stratégie/);
    expect(F.objective("1.1.1")).not.toBe(F.objective("1.1.1", "fr"));
    expect(F.domain("2.1", "fr")).toBe("2 Emploi (accès à)");
    expect(F.domain("6.3")).toMatch(/^6 /);
    expect(F.refs("1.6.1")).toBe("GCM 1 ¶17d");
    expect(F.refs("1.6.1", "GCR")).toBe("");
    expect(F.refs("1.1.1")).toBe("");
    expect(errorOf(() => F.refs("1.6.1", "XYZ")).code).toBe("#VALUE!");
    expect(F.priorities("6.1")).toMatch(/^\d(; \d)*$/);
    const e = errorOf(() => F.objective("7.7"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("7.7");
  });
  it("PROGRESS works for indicators going down as well as up", () => {
    expect(F.progressOf(10, 20, 15)).toBe(0.5);
    expect(F.progressOf(30, 10, 20)).toBe(0.5);
    expect(errorOf(() => F.progressOf(5, 5, 5)).message).toContain("baseline");
    expect(errorOf(() => F.progressOf("a" as unknown as number, 5, 5)).code).toBe("#VALUE!");
  });
  it("CHECK gives the row's message, blank when valid", () => {
    const row = (cells: string[]): string[][] => [cells.concat(Array<string>(11 - cells.length).fill(""))];
    expect(F.check(row(["Not started"]))).toBe("");
    expect(F.check(row(["Planned"]), "fr")).toContain("service responsable");
    expect(F.check(row(["", "", "ONG"]))).toContain("status");
    expect(errorOf(() => F.check([["a", "b"]])).message).toContain("11");
    // Excel passes numbers to a text parameter as their text: dates and amounts are read back.
    expect(F.check(row(["Not started", "", "", "", "45292", "45000"]))).toContain("before");
    expect(F.check(row(["Not started", "", "", "", "", "", "1500.5", "EUR", "12"]))).toBe("");
  });
  it("every function has French metadata", () => {
    for (const id of FUNCTION_IDS) {
      expect(functionMetadata("fr")[id]?.description.length).toBeGreaterThan(10);
    }
  });
});
