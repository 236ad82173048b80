/**
 * The native formulas against the core, cell by cell: the Points formula reads every status as
 * parseStatus does, the Check column says what checkColumnText says, and each highlight rule is true
 * exactly on the cells with an issue. Evaluated by the host's engine (HyperFormula, configured as
 * Excel compares text), over generated rows of every kind of input.
 */
import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { FormulaEngine } from "../../tooling/excel-host/formulaEngine";
import { ENTRY_FIELDS, type EntryField, type RawEntry } from "../../src/core/entrySchema";
import type { Lang } from "../../src/core/language";
import {
  LISTS_SHEET,
  checkFormula,
  columnIndex,
  columnLetter,
  entryHeaders,
  highlightFormula,
  listsSheetLayout,
  pointsFormula,
} from "../../src/core/layout";
import { checkColumnText, highlightedFields } from "../../src/core/nativeChecks";
import { SPACE_CHARS } from "../../src/core/spaces";
import { NOT_APPLICABLE_LABEL, STATUS_SCALE, parseStatus, statusKeys } from "../../src/core/status";
import { CURRENCIES } from "../../src/core/currencies";

const ROW = 5;
type Cell =
  | { kind: "text"; text: string }
  | { kind: "number"; n: number }
  | { kind: "bool"; b: boolean }
  | { kind: "error"; formula: string; value: string }
  | { kind: "blank" };

function engineFor(lang: Lang): { engine: FormulaEngine; sheet: number } {
  const engine = new FormulaEngine();
  const lists = engine.addSheet(LISTS_SHEET);
  const layout = listsSheetLayout(lang);
  engine.setContents(
    lists,
    0,
    0,
    layout.values.map((r) => r.map((v) => (typeof v === "string" ? (v === "" ? null : `'${v}`) : v))),
  );
  for (const n of layout.names) engine.addName(n.name, n.ref);
  const sheet = engine.addSheet("D");
  return { engine, sheet };
}

const content = (c: Cell): RawCellContent =>
  c.kind === "text"
    ? `'${c.text}`
    : c.kind === "number"
      ? c.n
      : c.kind === "bool"
        ? c.b
        : c.kind === "error"
          ? c.formula
          : null;
const coreValue = (c: Cell): RawEntry[EntryField] =>
  c.kind === "text"
    ? c.text
    : c.kind === "number"
      ? c.n
      : c.kind === "bool"
        ? c.b
        : c.kind === "error"
          ? c.value
          : null;

// ---- generators -------------------------------------------------------------------------------

const spaces = fc.constantFrom(...SPACE_CHARS, "  ", "\u2003", "\u3000", "");
const labels = [
  ...STATUS_SCALE.flatMap((s) => Object.values(s.label) as string[]),
  ...(Object.values(NOT_APPLICABLE_LABEL) as string[]),
  ...statusKeys().flatMap((k) => [k.written, k.plain]),
  "Pérennise",
  "Not start?d",
  "P*",
  "*",
  "?",
  "~",
  "Planned~",
  "N/A",
  "TRUE",
  "3",
  "03",
  "3.0",
  "peut-être",
];
/** A label with its letters' case changed, accents dropped here and there, spaces of every kind inserted. */
const messedLabel = fc
  .tuple(fc.constantFrom(...labels), fc.array(fc.nat(), { maxLength: 6 }), spaces, spaces, spaces)
  .map(([label, picks, before, inner, after]) => {
    const chars = [...label];
    for (const p of picks) {
      const i = p % chars.length;
      const ch = chars[i]!;
      const op = p % 4;
      chars[i] =
        op === 0
          ? ch.toUpperCase()
          : op === 1
            ? ch.toLowerCase()
            : op === 2
              ? ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
              : ch === " "
                ? inner || " "
                : ch;
    }
    return before + chars.join("") + after;
  });
const anyText = fc.oneof(
  messedLabel,
  fc.string({
    maxLength: 8,
    unit: fc.constantFrom("a", "E", "é", "*", "?", "~", " ", "\t", "\u00a0", ";", ":", "1", "-"),
  }),
  fc.constantFrom(
    ...CURRENCIES.slice(0, 8),
    "eur",
    " usd\u00a0",
    "E?R",
    "EU*",
    "ABC",
    "€",
    "javascript:alert(1)",
    " DATA:x",
    "https://x.org",
    "file:c",
    "Javascript :x",
    "2025-03-31",
    "1 000",
    "x".repeat(256),
    "x".repeat(255),
  ),
);
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "blank" } as Cell) },
  { weight: 5, arbitrary: anyText.map((text) => ({ kind: "text", text }) as Cell) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.constantFrom(0, 1, 2, 3, 4, 5, -1, 2.5, 0.5, 45000, 45000.75, 2958465, 2958466, -3),
        fc.double({ min: -1e6, max: 3e6, noNaN: true }),
      )
      .map((n) => ({ kind: "number", n: Object.is(n, -0) ? 0 : n }) as Cell),
  },
  { weight: 1, arbitrary: fc.boolean().map((b) => ({ kind: "bool", b }) as Cell) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Cell>(
      { kind: "error", formula: "=NA()", value: "#N/A" },
      { kind: "error", formula: "=1/0", value: "#DIV/0!" },
      { kind: "error", formula: '="a"+1', value: "#VALUE!" },
    ),
  },
);
const rowArb = fc.record(
  Object.fromEntries(ENTRY_FIELDS.map((f) => [f, cellArb])) as Record<EntryField, fc.Arbitrary<Cell>>,
);

// ---- the test ---------------------------------------------------------------------------------

describe.each(["fr", "en"] as const)("native checks against the core (%s)", (lang) => {
  let engine: FormulaEngine;
  let sheet: number;
  const headers = entryHeaders(lang);
  const col = (k: EntryField | "points" | "check") => columnIndex(k);

  beforeAll(() => {
    ({ engine, sheet } = engineFor(lang));
    engine.setContents(sheet, ROW - 1, col("points"), [[pointsFormula(ROW), checkFormula(ROW, lang)]]);
  });

  function evaluate(row: Record<EntryField, Cell>) {
    engine.setContents(sheet, ROW - 1, col("status"), [ENTRY_FIELDS.map((f) => content(row[f]))]);
    const points = engine.readCell(sheet, ROW - 1, col("points"));
    const check = engine.readCell(sheet, ROW - 1, col("check"));
    const red = new Set(ENTRY_FIELDS.filter((f) => engine.evaluate(highlightFormula(f, lang, ROW), sheet) === true));
    return { points: points.value, pointsType: points.type, check: check.value, red };
  }

  function expected(row: Record<EntryField, Cell>) {
    const raw: RawEntry = {};
    for (const f of ENTRY_FIELDS) raw[f] = coreValue(row[f]);
    const p = parseStatus(raw.status);
    const points = p.kind === "level" ? p.points : p.kind === "na" ? "NA" : p.kind === "blank" ? "" : "?";
    return { points, check: checkColumnText(raw, lang, headers), red: highlightedFields(raw) };
  }

  it("every status spelling gets the same points natively as in the core", () => {
    fc.assert(
      fc.property(cellArb, (status) => {
        const blankRow = Object.fromEntries(ENTRY_FIELDS.map((f) => [f, { kind: "blank" }])) as Record<
          EntryField,
          Cell
        >;
        const row = { ...blankRow, status };
        expect(evaluate(row).points).toEqual(expected(row).points);
      }),
      { numRuns: 300 },
    );
  });

  it("the Check column and the highlight rules say what the core says, row by row", () => {
    fc.assert(
      fc.property(rowArb, (row) => {
        const got = evaluate(row);
        const want = expected(row);
        expect(got.points).toEqual(want.points);
        expect(got.check).toBe(want.check);
        expect([...got.red].sort()).toEqual([...want.red].sort());
      }),
      { numRuns: 250 },
    );
  });

  it("no status key or currency holds a wildcard MATCH would read, so none is refused for it", () => {
    for (const k of [...statusKeys().flatMap((x) => [x.written, x.plain]), ...CURRENCIES])
      expect(k).not.toMatch(/[*?~]/);
    expect(columnLetter(col("check"))).toBe("R");
  });
});
