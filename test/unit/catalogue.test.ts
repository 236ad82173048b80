/**
 * Checks the typed catalogue against the LIAT table itself (test/fixtures/liat-seed-000.txt, a
 * byte-for-byte copy of seed 000), read here by a small parser of its own that shares no code with
 * src/core.
 */
import { text } from "../../src/core/i18n/texts";
import { LANGUAGES } from "../../src/core/language";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  OBJECTIVES,
  OBJECTIVE_CODES,
  getObjective,
  objectivesOfDomain,
  objectivesOfSubcategory,
} from "../../src/core/catalogue";
import { DOMAINS, SUBCATEGORIES, getDomain, getSubCategory, subcategoriesOfDomain } from "../../src/core/domains";
import { CROSSWALK, CROSSWALK_NOTE, PRIORITIES, objectivesOfPriority, prioritiesOf } from "../../src/core/priorities";

interface SourceRow {
  domain: number;
  rawCode: string;
  subcategory: string;
  text: string;
  gcr: string;
  gcm: string;
}

/** Markup out, whitespace collapsed. */
function plain(cell: string): string {
  return cell
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<\/?b>/gi, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Reads the objective rows of the markdown tables, with the domain taken from the headings. */
function readSeed(text: string): { rows: SourceRow[]; subcategoryNames: string[]; domainTitles: Map<number, string> } {
  const rows: SourceRow[] = [];
  const subcategoryNames: string[] = [];
  const domainTitles = new Map<number, string>();
  let domain = 0;
  let subcategory = "";
  for (const line of text.split("\n")) {
    const heading = /DOMAINE POLITIQUE (\d+)\s*:\s*([^<|]+)/.exec(line);
    if (heading) {
      domain = Number(heading[1]);
      domainTitles.set(domain, (heading[2] as string).trim());
      subcategory = ""; // a new domain never inherits the previous sub-category
    }
    if (!line.trimStart().startsWith("|")) continue;
    const cells = line.trim().slice(1, -1).split("|");
    if (cells.length !== 5) continue;
    const rawCode = (cells[1] as string).trim();
    if (!/^\d+(,\d+)+$/.test(rawCode)) continue; // header, separator, empty header and domain rows
    const sub = plain(cells[0] as string);
    if (sub !== "") {
      subcategory = sub;
      subcategoryNames.push(sub);
    }
    rows.push({
      domain,
      rawCode,
      subcategory,
      text: plain(cells[2] as string),
      gcr: (cells[3] as string).trim(),
      gcm: (cells[4] as string).trim(),
    });
  }
  return { rows, subcategoryNames, domainTitles };
}

const seed = readSeed(readFileSync(join(__dirname, "../fixtures/liat-seed-000.txt"), "utf8"));

describe("the fixture is the LIAT table", () => {
  test("39 objective rows, 27 sub-categories, 6 domains", () => {
    expect(seed.rows).toHaveLength(39);
    expect(seed.subcategoryNames).toHaveLength(27);
    expect([...seed.domainTitles.keys()]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seed.rows.every((r) => r.domain >= 1 && r.domain <= 6)).toBe(true);
  });
});

describe("catalogue sizes and order", () => {
  test("6 domains, 27 sub-categories, 39 objectives", () => {
    expect(DOMAINS).toHaveLength(6);
    expect(DOMAINS.map((d) => d.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(SUBCATEGORIES).toHaveLength(27);
    expect(OBJECTIVES).toHaveLength(39);
    expect(OBJECTIVE_CODES).toEqual(OBJECTIVES.map((o) => o.code));
  });

  test("codes are unique", () => {
    expect(new Set(OBJECTIVES.map((o) => o.code)).size).toBe(39);
    expect(new Set(SUBCATEGORIES.map((s) => s.id)).size).toBe(27);
  });

  test("objectives are in natural code order (1.9.1 < 1.10.1 < 1.11.2 < 2.1)", () => {
    const codes = OBJECTIVES.map((o) => o.code);
    const i = (c: string): number => codes.indexOf(c);
    expect(i("1.9.1")).toBeLessThan(i("1.10.1"));
    expect(i("1.10.1")).toBeLessThan(i("1.11.1"));
    expect(i("1.11.2")).toBeLessThan(i("2.1"));
    expect(i("3.1.3")).toBeLessThan(i("3.2"));
    // the source lists them in that order too
    expect(codes).toEqual(seed.rows.map((r) => r.rawCode.replace(/,/g, ".")));
  });

  test("per-domain counts", () => {
    const counts = DOMAINS.map((d) => objectivesOfDomain(d.id).length);
    expect(counts).toEqual([16, 6, 5, 3, 6, 3]);
    expect(DOMAINS.map((d) => subcategoriesOfDomain(d.id).length)).toEqual([11, 6, 3, 1, 3, 3]);
  });
});

describe("objective by objective against the source", () => {
  test.each(seed.rows.map((r) => [r.rawCode, r] as const))("%s", (_code, row) => {
    const code = row.rawCode.split(",").join(".");
    const objective = getObjective(code);
    expect(objective).toBeDefined();
    if (objective === undefined) return;
    expect(objective.code).toBe(code);
    expect(objective.sourceCode).toBe(row.rawCode);
    expect(getObjective(row.rawCode)).toBe(objective);
    expect(objective.domain).toBe(row.domain);
    const sub = getSubCategory(objective.subcategory);
    expect(sub?.name.fr).toBe(row.subcategory);
    expect(sub?.domain).toBe(row.domain);
    expect(objective.text.fr).toBe(row.text);
    // GCR/GCM as the source wrote them, with <br> (and a ";" before it) turned into "; "
    const flat = (cell: string): string =>
      cell
        .split(/;?\s*<br>\s*/)
        .map((s) => s.trim())
        .filter(Boolean)
        .join("; ");
    expect(objective.sourceRefs).toEqual({ gcr: flat(row.gcr), gcm: flat(row.gcm) });
    expect(objective.refs.some((r) => r.compact === "GCR")).toBe(row.gcr !== "");
    expect(objective.refs.some((r) => r.compact === "GCM")).toBe(row.gcm !== "");
    // GCR references come first
    const compacts = objective.refs.map((r) => r.compact);
    expect(compacts).toEqual([...compacts].sort((a, b) => (a === b ? 0 : a === "GCR" ? -1 : 1)));
  });

  test("every sub-category of the source is in the catalogue, in order", () => {
    expect(SUBCATEGORIES.map((s) => s.name.fr)).toEqual(seed.subcategoryNames);
  });

  test("sub-category ids are domain and position", () => {
    for (const d of DOMAINS) {
      subcategoriesOfDomain(d.id).forEach((s, index) => expect(s.id).toBe(`${d.id}.${index + 1}`));
    }
    for (const s of SUBCATEGORIES) expect(objectivesOfSubcategory(s.id).length).toBeGreaterThan(0);
  });

  test("French texts keep the source's inclusive spelling and carry no markup", () => {
    expect(getObjective("1.1.2")?.text.fr).toContain("réfugié.e.s");
    for (const o of OBJECTIVES) {
      expect(o.text.fr).not.toMatch(/<[^>]+>|\s{2,}|^\s|\s$/);
      expect(o.text.en).not.toMatch(/<[^>]+>|\s{2,}|^\s|\s$/);
    }
  });

  test("domain names match the source headings", () => {
    for (const d of DOMAINS) {
      expect(d.name.fr.toLocaleUpperCase("fr")).toBe(seed.domainTitles.get(d.id));
    }
  });
});

describe("English", () => {
  test("every objective, sub-category and domain has English that differs from the French", () => {
    for (const o of OBJECTIVES) {
      expect(o.text.en.length).toBeGreaterThan(10);
      expect(o.text.en).not.toBe(o.text.fr);
      expect(o.text.en).not.toMatch(/\.e\.s|[éèàç]/); // no French left over
    }
    for (const s of SUBCATEGORIES) {
      expect(s.name.en.length).toBeGreaterThan(3);
      expect(s.name.en).not.toMatch(/[éèàçœ]/);
    }
    expect(DOMAINS.map((d) => d.name.en)).toEqual([
      "Governance",
      "Employment (access to)",
      "Education",
      "Well-being and health",
      "Housing and urban planning",
      "Comprehensive support for migrants and refugees",
    ]);
  });
});

describe("Spanish (the product's own translation)", () => {
  test("every objective, sub-category and domain has Spanish that differs from the French and the English", () => {
    for (const o of OBJECTIVES) {
      expect(o.text.es.length).toBeGreaterThan(10);
      expect(o.text.es).not.toBe(o.text.fr);
      expect(o.text.es).not.toBe(o.text.en);
      expect(o.text.es).not.toMatch(/\.e\.s|[èàçœ]/); // no French left over
    }
    for (const s of SUBCATEGORIES) expect(s.name.es).not.toMatch(/[èàçœ]/);
    expect(DOMAINS.map((d) => d.name.es)).toEqual([
      "Gobernanza",
      "Empleo (acceso al)",
      "Educación",
      "Bienestar y salud",
      "Vivienda y urbanismo",
      "Apoyo integral a las personas migrantes y refugiadas",
    ]);
  });

  test("says it is the product's own translation", () => {
    expect(text("es", "language:translation")).toMatch(/traducción propia del producto/);
  });
});

describe("sheet names", () => {
  test("'<n> <short>' fits Excel's rules in every language", () => {
    for (const d of DOMAINS) {
      for (const lang of LANGUAGES) {
        const short = d.short[lang];
        const sheet = `${d.id} ${short}`;
        expect(short.length).toBeGreaterThan(0);
        expect(short.length).toBeLessThanOrEqual(25);
        expect(sheet.length).toBeLessThanOrEqual(31);
        expect(sheet).not.toMatch(/[:\\/?*[\]]/);
        expect(sheet).not.toMatch(/^'|'$/);
        expect(sheet).toBe(sheet.trim());
      }
    }
    for (const lang of LANGUAGES) {
      const names = DOMAINS.map((d) => `${d.id} ${d.short[lang]}`.toLowerCase());
      expect(new Set(names).size).toBe(DOMAINS.length); // Excel sheet names ignore case
    }
  });

  test("getDomain", () => {
    expect(getDomain(1)?.name.fr).toBe("Gouvernance");
    expect(getDomain("6")?.id).toBe(6);
    expect(getDomain(0)).toBeUndefined();
    expect(getDomain(7)).toBeUndefined();
    expect(getDomain("")).toBeUndefined();
  });
});

describe("getObjective", () => {
  test("accepts comma, dot and spaces; rejects unknown codes", () => {
    expect(getObjective("1,1,1")?.code).toBe("1.1.1");
    expect(getObjective(" 1.10.1 ")?.code).toBe("1.10.1");
    expect(getObjective("2,1")?.domain).toBe(2);
    expect(getObjective("1.12.1")).toBeUndefined();
    expect(getObjective("7.1")).toBeUndefined();
    expect(getObjective("")).toBeUndefined();
    expect(getObjective("abc")).toBeUndefined();
  });
});

describe("Call to Local Action priorities and crosswalk", () => {
  test("8 priorities as listed in seed 003", () => {
    expect(PRIORITIES.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(PRIORITIES.map((p) => p.gcmObjectives)).toEqual([[23], [2], [7], [15], [16], [17], [7, 15], [23]]);
    expect(PRIORITIES[1]?.sdgs).toEqual([1, 2, 3, 13, 16, 17]);
    expect(PRIORITIES[6]?.sdgs).toEqual([1, 3, 4, 5, 6, 7, 8, 10, 11, 16, 17]);
    for (const p of PRIORITIES) {
      expect(p.name.fr).not.toBe(p.name.en);
      expect(p.gcrAreas.length).toBeGreaterThan(0);
      expect(p.sdgs.every((n) => Number.isInteger(n) && n >= 1 && n <= 17)).toBe(true);
    }
  });

  test("the crosswalk covers exactly the 39 codes with 1 to 3 valid, distinct priority ids", () => {
    expect(Object.keys(CROSSWALK).sort()).toEqual(OBJECTIVES.map((o) => o.code).sort());
    const ids = new Set(PRIORITIES.map((p) => p.id));
    for (const [code, list] of Object.entries(CROSSWALK)) {
      expect([code, list.length >= 1 && list.length <= 3]).toEqual([code, true]);
      expect(new Set(list).size).toBe(list.length);
      for (const id of list) expect(ids.has(id)).toBe(true);
    }
  });

  test("every priority gathers at least one objective; the two lookups agree", () => {
    for (const p of PRIORITIES) {
      const codes = objectivesOfPriority(p.id);
      expect(codes.length).toBeGreaterThan(0);
      for (const c of codes) expect(prioritiesOf(c)).toContain(p.id);
    }
    for (const o of OBJECTIVES) {
      for (const id of prioritiesOf(o.code)) expect(objectivesOfPriority(id)).toContain(o.code);
    }
    expect(prioritiesOf("1,9,1")).toEqual(prioritiesOf("1.9.1"));
    expect(prioritiesOf("9.9")).toEqual([]);
    expect(objectivesOfPriority(99)).toEqual([]);
  });

  test("the crosswalk says it is the product's own, in both languages", () => {
    expect(CROSSWALK_NOTE.fr).toMatch(/LIAT pour Excel/);
    expect(CROSSWALK_NOTE.en).toMatch(/LIAT for Excel/);
    expect(CROSSWALK_NOTE.en).toMatch(/not by the authors/);
  });
});
