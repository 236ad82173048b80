/**
 * Conservation, property-based: a generator lays out received-back workbooks as people make them
 * (tables moved, side by side, stacked, headers renamed or in the other language, entry columns
 * deleted, foreign columns and blank rows inserted, a column repeated) and records every non-empty
 * entry cell it writes. Every recorded cell must end up in the consolidation exactly once (same
 * sheet, same cell, same value) or in the "not merged" list (same sheet, cell and value), and the
 * consolidation holds no value the generator did not write.
 */
import fc from "fast-check";
import { OBJECTIVES } from "../../src/core/catalogue";
import { consolidate, type ConsolidationResult } from "../../src/core/consolidate";
import { ENTRY_FIELDS, type EntryField } from "../../src/core/entrySchema";
import type { CellValue } from "../../src/core/excelValues";
import { cellAddress } from "../../src/core/a1";
import type { SheetData } from "../../src/core/workbookReader";

/** Header spellings people send back, per column (both languages, suffixes, line breaks, abbreviations). */
const HEADERS: Record<EntryField | "code", string[]> = {
  code: ["Code", "N°", "Code objectif", "CODE\n(LIAT)"],
  status: ["Statut", "Status", "Statut 2025", "Statut\nactuel", "STATUS *", "État"],
  responsible: ["Service responsable", "Responsible service", "Responsable", "Service\r\nresponsable"],
  partners: ["Partenaires", "Partners 2025"],
  targetGroups: ["Groupes cibles", "Target groups", "Publics cibles"],
  start: ["Début", "Start date", "Date de début prévue"],
  end: ["Fin", "End date"],
  budget: ["Budget", "Budget (EUR)"],
  currency: ["Devise", "Currency"],
  beneficiaries: ["Bénéficiaires", "Beneficiaries *"],
  evidence: ["Preuve", "Evidence"],
  comments: ["Commentaires", "Comments :", "Remarques"],
};
/** Columns a sender inserted (a blank header between tables is how people separate them: not used inside one). */
const FOREIGN_HEADERS = ["Divers", "Colonne ajoutée", "Xtra", "Suivi 2024"];

/** What the generator wrote: every non-empty entry cell, where and what. */
interface Written {
  sheet: string;
  address: string;
  field: EntryField | "code";
  value: CellValue;
  /** True when the cell sits under a repeated column (it must be listed as not merged). */
  repeated: boolean;
}

interface TableSpec {
  columns: { field: EntryField | "code" | null; header: string | null }[];
  rows: { code: string; values: CellValue[]; blankBefore: boolean }[];
}

const entryValue = fc.oneof(
  fc.constant(null),
  fc.constant(null),
  fc.integer({ min: 0, max: 50_000 }),
  fc.stringMatching(/^v[a-z0-9 ]{0,8}$/),
  fc.constantFrom("En cours", "Planned", "Mis en œuvre", "n/a", "  ", "ligne 1\r\nligne 2"),
);

const tableSpec: fc.Arbitrary<TableSpec> = fc
  .record({
    // which entry columns remain (others deleted), in which order, and which header spelling
    fields: fc.shuffledSubarray([...ENTRY_FIELDS], { minLength: 1 }),
    codeAt: fc.nat(),
    spellings: fc.array(fc.nat(), { minLength: 13, maxLength: 13 }),
    foreign: fc.array(fc.record({ at: fc.nat(), header: fc.constantFrom(...FOREIGN_HEADERS) }), { maxLength: 2 }),
    repeat: fc.option(fc.constantFrom<EntryField>("status", "comments", "responsible"), { nil: undefined }),
    rowCount: fc.integer({ min: 1, max: 6 }),
    cells: fc.array(entryValue, { minLength: 6 * 17, maxLength: 6 * 17 }),
    codes: fc.array(fc.constantFrom(...OBJECTIVES.map((o) => o.code), "", "9.9"), { minLength: 6, maxLength: 6 }),
    blankRows: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map((g): TableSpec => {
    const fields: (EntryField | "code")[] = g.fields.includes("status") ? [...g.fields] : [...g.fields, "status"];
    fields.splice(g.codeAt % (fields.length + 1), 0, "code");
    const columns: TableSpec["columns"] = fields.map((field, i) => {
      const options = HEADERS[field];
      return { field, header: options[g.spellings[i % 13]! % options.length]! };
    });
    if (g.repeat !== undefined && fields.includes(g.repeat)) {
      const c = columns.find((x) => x.field === g.repeat)!;
      // the repeat comes after the first, within the table
      columns.push({ field: g.repeat, header: c.header });
    }
    for (const f of g.foreign) columns.splice(1 + (f.at % columns.length), 0, { field: null, header: f.header });
    const rows = Array.from({ length: g.rowCount }, (_, r) => ({
      code: g.codes[r]!,
      values: columns.map((_, c) => g.cells[r * 17 + (c % 17)] ?? null),
      blankBefore: g.blankRows[r]!,
    }));
    return { columns, rows };
  });

/** How the tables of a sheet are placed: side by side or stacked, moved from A1. */
const sheetSpec = fc.record({
  tables: fc.array(tableSpec, { minLength: 1, maxLength: 3 }),
  arrangement: fc.constantFrom("side", "stacked"),
  top: fc.integer({ min: 0, max: 4 }),
  left: fc.integer({ min: 0, max: 3 }),
  gap: fc.integer({ min: 0, max: 2 }),
});

/** Lays the sheets out as a grid and records what was written. */
type SheetSpec = typeof sheetSpec extends fc.Arbitrary<infer T> ? T : never;

function layOut(specs: SheetSpec[]): { sheets: SheetData[]; written: Written[] } {
  const written: Written[] = [];
  const sheets = specs.map((spec, s): SheetData => {
    const name = `Retour ${s + 1}`;
    const rows: CellValue[][] = [];
    const put = (r: number, c: number, v: CellValue) => {
      while (rows.length <= r) rows.push([]);
      rows[r]![c] = v;
    };
    let top = spec.top;
    let left = spec.left;
    let previousTouching = false;
    spec.tables.forEach((table, t) => {
      const seen = new Set<string>();
      const repeated = table.columns.map((col) => {
        if (col.field === null) return false;
        const again = seen.has(col.field);
        seen.add(col.field);
        return again;
      });
      // Tables side by side with no blank column between are told apart by their headers, unless one
      // repeats a column or has one a sender inserted: then only a blank column says where it ends.
      const touching = table.columns.some((c) => c.field === null) || repeated.some(Boolean);
      if (t > 0 && spec.arrangement === "side") left += touching || previousTouching ? Math.max(1, spec.gap) : spec.gap;
      previousTouching = touching;
      let r = top;
      table.columns.forEach((col, c) => put(r, left + c, col.header));
      for (const row of table.rows) {
        r += row.blankBefore ? 2 : 1;
        table.columns.forEach((col, c) => {
          const value = col.field === "code" && !repeated[c] ? row.code : row.values[c]!;
          const v = value === "" ? null : value;
          put(r, left + c, v);
          if (col.field !== null && v !== null && !(typeof v === "string" && v.trim() === ""))
            written.push({
              sheet: name,
              address: cellAddress(r, left + c),
              field: col.field,
              value: v,
              repeated: repeated[c]!,
            });
        });
      }
      if (spec.arrangement === "side") left += table.columns.length;
      else top = r + 1 + spec.gap;
    });
    return { name, rows };
  });
  return { sheets, written };
}

/** Where each written cell ended up: in the consolidation (how many times) and in the not-merged list. */
function whereis(result: ConsolidationResult, w: Written): { merged: number; notMerged: number } {
  let merged = 0;
  for (const row of result.rows) {
    if (row.sheet !== w.sheet || row.cells[w.field] !== w.address) continue;
    if (w.field === "code") merged++;
    else if (Object.is(row.values[w.field], w.value)) merged++;
  }
  const notMerged = result.notMerged.filter(
    (n) => n.sheet === w.sheet && n.cell === w.address && Object.is(n.value, w.value),
  ).length;
  return { merged, notMerged };
}

describe("conservation of entry cells over received-back layouts", () => {
  it("puts every non-empty entry cell in the consolidation exactly once, or in the not-merged list", () => {
    fc.assert(
      fc.property(fc.array(sheetSpec, { minLength: 1, maxLength: 3 }), (specs) => {
        const { sheets, written } = layOut(specs);
        const result = consolidate([{ fileName: "retour.xlsx", sheets }]);
        for (const w of written) {
          const at = whereis(result, w);
          expect({ ...w, ...at }).toEqual({
            ...w,
            merged: w.repeated ? 0 : 1,
            notMerged: w.repeated ? 1 : 0,
          });
        }
        // nothing in the consolidation that the generator did not write
        const keys = new Set(written.map((w) => `${w.sheet}!${w.address}`));
        for (const row of result.rows)
          for (const f of ENTRY_FIELDS) {
            if (row.values[f] === null) continue;
            expect(keys.has(`${row.sheet}!${row.cells[f]}`)).toBe(true);
          }
        expect(result.notMerged).toHaveLength(written.filter((w) => w.repeated).length);
      }),
      { numRuns: 100 },
    );
  });
});
