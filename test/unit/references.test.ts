import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Compact, Reference } from "../../src/core/catalogueTypes";
import { OBJECTIVES } from "../../src/core/catalogue";
import { flattenReferenceCell, formatReferences, parseReferences, splitReferenceText } from "../../src/core/references";

type Expected = {
  label: string;
  uncertain: boolean;
  objective?: number;
  paragraph?: number;
  item?: string;
  section?: string;
  inferred?: boolean;
};

/** Every non-empty reference cell of the seed, and how it must be read. */
const SEED_CELLS: ReadonlyArray<[Compact, string, Expected[]]> = [
  ["GCM", "17-:33f", [{ label: "GCM 17 ¶33f", uncertain: true, objective: 17, paragraph: 33, item: "f" }]],
  [
    "GCM",
    "15:31h;<br>17:33f",
    [
      { label: "GCM 15 ¶31h", uncertain: false, objective: 15, paragraph: 31, item: "h" },
      { label: "GCM 17 ¶33f", uncertain: false, objective: 17, paragraph: 33, item: "f" },
    ],
  ],
  [
    "GCM",
    "Obj 3:19e;<br>Obj 10:26j;<br>Obj 3:19d",
    [
      { label: "GCM 3 ¶19e", uncertain: false, objective: 3, paragraph: 19, item: "e" },
      { label: "GCM 10 ¶26j", uncertain: false, objective: 10, paragraph: 26, item: "j" },
      { label: "GCM 3 ¶19d", uncertain: false, objective: 3, paragraph: 19, item: "d" },
    ],
  ],
  ["GCM", "Obj 1:17d", [{ label: "GCM 1 ¶17d", uncertain: false, objective: 1, paragraph: 17, item: "d" }]],
  ["GCM", "15:31g", [{ label: "GCM 15 ¶31g", uncertain: false, objective: 15, paragraph: 31, item: "g" }]],
  [
    "GCM",
    "GCM 15 f)",
    [{ label: "GCM 15 ¶31f", uncertain: true, objective: 15, paragraph: 31, item: "f", inferred: true }],
  ],
  ["GCM", "MCG 19", [{ label: "GCM 19 ¶35", uncertain: true, objective: 19, paragraph: 35, inferred: true }]],
  ["GCM", "MCG Obj 5", [{ label: "GCM 5 ¶21", uncertain: false, objective: 5, paragraph: 21, inferred: true }]],
  [
    "GCM",
    "MCG Obj 20; 19",
    [
      { label: "GCM 20 ¶36", uncertain: false, objective: 20, paragraph: 36, inferred: true },
      { label: "GCM 19 ¶35", uncertain: true, objective: 19, paragraph: 35, inferred: true },
    ],
  ],
  ["GCM", "Obj 5:21", [{ label: "GCM 5 ¶21", uncertain: false, objective: 5, paragraph: 21 }]],
  [
    "GCM",
    "Obj 16 f);<br>Obj 15:31h",
    [
      { label: "GCM 16 ¶32f", uncertain: false, objective: 16, paragraph: 32, item: "f", inferred: true },
      { label: "GCM 15 ¶31h", uncertain: false, objective: 15, paragraph: 31, item: "h" },
    ],
  ],
  [
    "GCM",
    "Obj 3:19c;<br>Obj 3:19d;<br>Obj 7:23c",
    [
      { label: "GCM 3 ¶19c", uncertain: false, objective: 3, paragraph: 19, item: "c" },
      { label: "GCM 3 ¶19d", uncertain: false, objective: 3, paragraph: 19, item: "d" },
      { label: "GCM 7 ¶23c", uncertain: false, objective: 7, paragraph: 23, item: "c" },
    ],
  ],
  ["GCM", "Obj 7:23g", [{ label: "GCM 7 ¶23g", uncertain: false, objective: 7, paragraph: 23, item: "g" }]],
  ["GCM", "Obj 4:20", [{ label: "GCM 4 ¶20", uncertain: false, objective: 4, paragraph: 20 }]],
  [
    "GCR",
    "Programme A<br>23,32",
    [
      { label: "GCR ¶23", uncertain: false, paragraph: 23, section: "A" },
      { label: "GCR ¶32", uncertain: false, paragraph: 32, section: "A" },
    ],
  ],
  ["GCR", "Section 3.2 du CCR, Paragraphe 42", [{ label: "GCR ¶42", uncertain: false, paragraph: 42, section: "3.2" }]],
  ["GCR", "RMC, Par 71", [{ label: "GCR ¶71", uncertain: true, paragraph: 71 }]],
];

function shape(ref: Reference): Expected {
  const out: Expected = { label: ref.label, uncertain: ref.uncertain };
  if (ref.objective !== undefined) out.objective = ref.objective;
  if (ref.paragraph !== undefined) out.paragraph = ref.paragraph;
  if (ref.item !== undefined) out.item = ref.item;
  if (ref.section !== undefined) out.section = ref.section;
  if (ref.paragraphInferred) out.inferred = true;
  return out;
}

describe("every reference cell of the seed", () => {
  test("the list above holds every non-empty GCR/GCM cell of the fixture", () => {
    const text = readFileSync(join(__dirname, "../fixtures/liat-seed-000.txt"), "utf8");
    const cells = new Set<string>();
    for (const line of text.split("\n")) {
      const parts = line.trim().slice(1, -1).split("|");
      if (!line.trim().startsWith("|") || parts.length !== 5 || !/^\d+(,\d+)+$/.test((parts[1] as string).trim()))
        continue;
      if ((parts[3] as string).trim()) cells.add(`GCR ${(parts[3] as string).trim()}`);
      if ((parts[4] as string).trim()) cells.add(`GCM ${(parts[4] as string).trim()}`);
    }
    expect([...cells].sort()).toEqual([...new Set(SEED_CELLS.map(([c, raw]) => `${c} ${raw}`))].sort());
  });

  test.each(SEED_CELLS.map(([c, raw, exp]) => [`${c} ${raw}`, c, raw, exp] as const))(
    "%s",
    (_name, compact, raw, expected) => {
      const refs = parseReferences(compact, raw);
      expect(refs.map(shape)).toEqual(expected);
      for (const ref of refs) {
        expect(ref.compact).toBe(compact);
        expect(ref.raw).toBeDefined();
        if (ref.uncertain) expect(ref.note).toMatch(/\w{3}/);
        else expect(ref.note).toBeUndefined();
      }
    },
  );

  test("the notes say why", () => {
    expect(parseReferences("GCM", "17-:33f")[0]?.note).toMatch(/hyphen.*read as ":".*consistent/);
    expect(parseReferences("GCM", "GCM 15 f)")[0]?.note).toMatch(/objective 15 or paragraph 15.*derived/);
    expect(parseReferences("GCM", "MCG 19")[0]?.note).toMatch(/MCG.*GCM.*objective 19 or paragraph 19/);
    expect(parseReferences("GCM", "MCG Obj 20; 19")[1]?.note).toMatch(/bare "19"/);
    expect(parseReferences("GCR", "RMC, Par 71")[0]?.note).toMatch(/RMC.*not an acronym/);
  });

  test("the catalogue's references are these readings, GCR first", () => {
    const all = OBJECTIVES.flatMap((o) => o.refs);
    expect(all.filter((r) => r.uncertain).map((r) => r.label)).toEqual([
      "GCM 17 ¶33f",
      "GCM 15 ¶31f",
      "GCM 19 ¶35",
      "GCR ¶71",
      "GCM 19 ¶35",
    ]);
    for (const r of all.filter((x) => x.compact === "GCM")) {
      expect(r.objective).toBeGreaterThanOrEqual(1);
      expect(r.objective).toBeLessThanOrEqual(23);
      expect(r.paragraph).toBe((r.objective as number) + 16);
    }
  });
});

describe("parseReferences, other input", () => {
  test("an empty or blank cell has no references", () => {
    expect(parseReferences("GCM", "")).toEqual([]);
    expect(parseReferences("GCR", "  <br> ; ")).toEqual([]);
    expect(parseReferences("GCM", undefined as unknown as string)).toEqual([]);
  });

  test("a paragraph that does not match its objective is flagged, not corrected", () => {
    const [ref] = parseReferences("GCM", "Obj 5:30");
    expect(ref).toMatchObject({ objective: 5, paragraph: 30, uncertain: true, label: "GCM 5 ¶30" });
    expect(ref?.note).toMatch(/expected ¶21/);
  });

  test("an objective the GCM does not have is flagged", () => {
    expect(parseReferences("GCM", "Obj 30:46")[0]).toMatchObject({ objective: 30, uncertain: true });
  });

  test("a bare number too large for an objective is read as a paragraph, flagged", () => {
    expect(parseReferences("GCM", "GCM 33")[0]).toMatchObject({ paragraph: 33, objective: 17, uncertain: true });
  });

  test("the other compact's acronym in a column is flagged", () => {
    expect(parseReferences("GCM", "GCR Obj 4")[0]).toMatchObject({ compact: "GCM", uncertain: true });
    expect(parseReferences("GCR", "GCM ¶42")[0]).toMatchObject({ compact: "GCR", uncertain: true, paragraph: 42 });
  });

  test("text that cannot be read is kept, flagged, as its own label", () => {
    expect(parseReferences("GCM", "voir annexe")).toEqual([
      expect.objectContaining({ compact: "GCM", label: "GCM voir annexe", uncertain: true, raw: "voir annexe" }),
    ]);
    expect(parseReferences("GCR", "voir annexe 3")[0]).toMatchObject({ uncertain: true, label: "GCR voir annexe 3" });
  });

  test("a section with no paragraph after it is kept on its own", () => {
    expect(parseReferences("GCR", "Programme B").map((r) => r.label)).toEqual(["GCR programme B"]);
    expect(parseReferences("GCR", "Programme A<br>Programme B<br>60").map((r) => [r.label, r.section])).toEqual([
      ["GCR programme A", "A"],
      ["GCR ¶60", "B"],
    ]);
  });

  test("labels read back as the same reference", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 23 }),
        fc.option(fc.constantFrom(..."abcdefghijkl".split("")), { nil: undefined }),
        (objective, item) => {
          const [first] = parseReferences("GCM", `Obj ${objective}:${objective + 16}${item ?? ""}`);
          expect(first?.uncertain).toBe(false);
          const again = parseReferences("GCM", first?.label ?? "");
          expect(again).toHaveLength(1);
          expect(again[0]).toMatchObject({
            objective,
            paragraph: objective + 16,
            uncertain: false,
            label: first?.label,
          });
          if (item !== undefined) expect(again[0]?.item).toBe(item);
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 110 }), (paragraph) => {
        const [ref] = parseReferences("GCR", `GCR ¶${paragraph}`);
        expect(ref).toMatchObject({ paragraph, label: `GCR ¶${paragraph}`, uncertain: false });
      }),
    );
  });

  test("parsing never throws and never loses a piece", () => {
    fc.assert(
      fc.property(fc.constantFrom<Compact>("GCR", "GCM"), fc.string({ maxLength: 40 }), (compact, raw) => {
        const refs = parseReferences(compact, raw);
        for (const r of refs) {
          expect(r.compact).toBe(compact);
          expect(typeof r.label).toBe("string");
        }
        if (compact === "GCM") expect(refs).toHaveLength(splitReferenceText(raw).length);
      }),
    );
  });
});

describe("flattenReferenceCell and formatReferences", () => {
  test("<br> (with its ';') becomes '; '", () => {
    expect(flattenReferenceCell("15:31h;<br>17:33f")).toBe("15:31h; 17:33f");
    expect(flattenReferenceCell("Programme A<br>23,32")).toBe("Programme A; 23,32");
    expect(flattenReferenceCell(" MCG Obj 20; 19 ")).toBe("MCG Obj 20; 19");
    expect(flattenReferenceCell("")).toBe("");
  });

  test("a flattened cell reads the same as the source cell", () => {
    for (const [compact, raw] of SEED_CELLS) {
      expect(parseReferences(compact, flattenReferenceCell(raw)).map(shape)).toEqual(
        parseReferences(compact, raw).map(shape),
      );
    }
  });

  test("labels joined, or grouped by compact", () => {
    const refs = [
      ...parseReferences("GCR", "Programme A<br>23,32"),
      ...parseReferences("GCM", "Obj 3:19e;<br>Obj 10:26j"),
    ];
    expect(formatReferences(refs)).toBe("GCR ¶23; GCR ¶32; GCM 3 ¶19e; GCM 10 ¶26j");
    expect(formatReferences(refs, true)).toBe("GCR ¶23, ¶32; GCM 3 ¶19e, 10 ¶26j");
    expect(formatReferences([])).toBe("");
    expect(formatReferences([], true)).toBe("");
  });
});
