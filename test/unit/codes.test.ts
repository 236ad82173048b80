import fc from "fast-check";
import { codeParts, codeToDomain, compareCodes, normalizeCode, sortCodes } from "../../src/core/codes";

describe("normalizeCode", () => {
  test.each([
    ["1,1,1", "1.1.1"],
    [" 1.1.1 ", "1.1.1"],
    ["1;1;1", "1.1.1"],
    ["1 , 10 , 1", "1.10.1"],
    ["2,1", "2.1"],
    ["2.1", "2.1"],
    ["01.02", "1.2"],
    ["6,3", "6.3"],
  ])("%j -> %s", (raw, expected) => {
    expect(normalizeCode(raw)).toBe(expected);
  });

  test.each([
    "",
    " ",
    "1",
    "abc",
    "1..1",
    "1.1.",
    ".1.1",
    "1.1.1.1",
    "0.1",
    "1.0",
    "1.-1",
    "1.a",
    "1/1",
    "1 1",
    "1.1x",
  ])("%j is not a code", (raw) => {
    expect(normalizeCode(raw)).toBeNull();
  });

  test("a number that a French Excel made of '2,1' comes back as the code", () => {
    expect(normalizeCode(2.1)).toBe("2.1");
    expect(normalizeCode(Number.NaN)).toBeNull();
    expect(normalizeCode(3)).toBeNull();
  });

  test("values that are not text or numbers are not codes", () => {
    expect(normalizeCode(undefined as unknown as string)).toBeNull();
    expect(normalizeCode(null as unknown as string)).toBeNull();
    expect(normalizeCode({} as unknown as string)).toBeNull();
  });

  test("normalizing is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 3 }),
        fc.constantFrom(",", ".", ";", " , "),
        (parts, sep) => {
          const once = normalizeCode(parts.join(sep));
          expect(once).toBe(parts.join("."));
          expect(normalizeCode(once as string)).toBe(once);
        },
      ),
    );
  });
});

describe("compareCodes and sortCodes", () => {
  test("natural order", () => {
    expect(compareCodes("1.10.1", "1.9.1")).toBeGreaterThan(0);
    expect(compareCodes("1.9.1", "1.10.1")).toBeLessThan(0);
    expect(compareCodes("2.1", "1.11.2")).toBeGreaterThan(0);
    expect(compareCodes("2.1", "2.1.1")).toBeLessThan(0);
    expect(compareCodes("1,1,1", "1.1.1")).toBe(0);
    expect(compareCodes("3.2", "3.1.3")).toBeGreaterThan(0);
  });

  test("texts that are not codes come after the codes", () => {
    expect(sortCodes(["b", "2.1", "a", "1.10.1", "1.9.1"])).toEqual(["1.9.1", "1.10.1", "2.1", "a", "b"]);
  });

  test("sortCodes does not change its input", () => {
    const input = ["2.1", "1.1.1"];
    const sorted = sortCodes(input);
    expect(input).toEqual(["2.1", "1.1.1"]);
    expect(sorted).toEqual(["1.1.1", "2.1"]);
  });

  const code = fc
    .tuple(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 3 }), fc.constantFrom(".", ","))
    .map(([parts, sep]) => parts.join(sep));
  const anyText = fc.oneof(code, fc.string({ maxLength: 6 }));

  test("sorting gives the same result whatever the starting order", () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 30 }), fc.integer(), (codes, seed) => {
        const shuffled = [...codes];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
        }
        const norm = (list: string[]): string[] => list.map((c) => normalizeCode(c) as string);
        expect(norm(sortCodes(shuffled))).toEqual(norm(sortCodes(codes)));
      }),
    );
  });

  test("sorted codes are in order level by level", () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 30 }), (codes) => {
        const sorted = sortCodes(codes).map((c) => codeParts(c) as number[]);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1] as number[];
          const b = sorted[i] as number[];
          const k = a.findIndex((n, idx) => n !== b[idx]);
          if (k === -1) expect(a.length).toBeLessThanOrEqual(b.length);
          else if (k < b.length) expect(a[k] as number).toBeLessThan(b[k] as number);
          else throw new Error("a longer code sorted before its prefix");
        }
      }),
    );
  });

  test("compareCodes is antisymmetric, reflexive and transitive", () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (a, b, c) => {
        expect(compareCodes(a, a)).toBe(0);
        expect(Math.sign(compareCodes(a, b))).toBe(-Math.sign(compareCodes(b, a)) || 0);
        if (compareCodes(a, b) <= 0 && compareCodes(b, c) <= 0) expect(compareCodes(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe("codeToDomain", () => {
  test.each([
    ["1.1.1", 1],
    ["1,10,1", 1],
    ["2,1", 2],
    ["6.3", 6],
    ["7.1", null],
    ["0.1", null],
    ["x", null],
  ])("%s -> %s", (code, domain) => {
    expect(codeToDomain(code)).toBe(domain);
  });
});
