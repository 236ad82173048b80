/**
 * The custom functions metadata the build generates from the JSDoc of src/functions/functions.ts
 * (functions.json), and its localizations (functions.<lang>.json, from src/core/i18n/<lang>/functionMetadata.json).
 */
import { FUNCTION_IDS } from "./functionIds";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { functionMetadata, METADATA_LANGUAGES } from "../../src/functions/localizedMetadata";
import { localizeFunctionsMetadata, type FunctionsMetadata } from "../../scripts/webpack/localizeFunctionsMetadata";

const FUNCTIONS_FILE = join(__dirname, "..", "..", "src", "functions", "functions.ts");
const EXPECTED_IDS = FUNCTION_IDS;

let metadata: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_FILE);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as FunctionsMetadata;
});

describe("functions.json (generated from the JSDoc)", () => {
  test("lists every LIAT function, once", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(EXPECTED_IDS));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("gives every function an upper-case name, a description and described parameters", () => {
    for (const fn of metadata.functions) {
      expect(fn.name).toMatch(/^[A-Z][A-Z0-9._]*$/);
      expect({ id: fn.id, described: (fn.description ?? "").trim().length > 12 }).toEqual({
        id: fn.id,
        described: true,
      });
      for (const p of fn.parameters) {
        expect({ id: fn.id, parameter: p.name, described: Boolean(p.description?.trim()) }).toEqual({
          id: fn.id,
          parameter: p.name,
          described: true,
        });
      }
    }
  });

  test("gives every LIAT function at least one argument", () => {
    for (const id of EXPECTED_IDS) {
      const fn = metadata.functions.find((f) => f.id === id)!;
      expect(`${id}: ${fn.parameters.length}`).not.toBe(`${id}: 0`);
    }
  });
});

describe.each(METADATA_LANGUAGES.map((lang) => [lang]))("functions.%s.json (localization)", (lang) => {
  const table = functionMetadata(lang);

  test("covers every function and every parameter, and nothing else", () => {
    expect(Object.keys(table).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const fn of metadata.functions) {
      const tr = table[fn.id]!;
      expect(Object.keys(tr.parameters).sort()).toEqual(fn.parameters.map((p) => p.name).sort());
      expect(tr.description.trim().length).toBeGreaterThan(12);
      for (const text of Object.values(tr.parameters)) expect(text.trim()).not.toBe("");
      // labels are referenced, never left as raw $t(...) or {{...}}
      expect(JSON.stringify(tr)).not.toMatch(/\$t\(|\{\{/);
    }
  });

  test("builds: same ids and types, localized names (unique) and descriptions", () => {
    const out = localizeFunctionsMetadata(metadata, table, lang);
    expect(out.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    const names = out.functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    out.functions.forEach((fn, i) => {
      const en = metadata.functions[i];
      expect(fn.name).toBe(table[fn.id]!.name.toUpperCase());
      expect(fn.description).toBe(table[fn.id]!.description);
      expect(fn.result).toEqual(en.result);
      expect(fn.parameters.map(({ description, ...rest }) => rest)).toEqual(
        en.parameters.map(({ description, ...rest }) => rest),
      );
    });
  });
});

test("French and every other language but English carry function names", () => {
  expect(METADATA_LANGUAGES).toContain("fr");
  expect(METADATA_LANGUAGES).not.toContain("en");
  expect(functionMetadata("fr").RATING!.description).toContain("Émergent");
});

describe("localizeFunctionsMetadata", () => {
  const base: FunctionsMetadata = {
    functions: [
      { id: "LEVEL", name: "LEVEL", description: "Level.", parameters: [{ name: "status", type: "any" }] },
      { id: "SCORE", name: "SCORE", description: "Score.", parameters: [{ name: "statuses", type: "any" }] },
    ],
  };
  const good = {
    LEVEL: { name: "niveau", description: "Niveau.", parameters: { status: "Statut." } },
    SCORE: { name: "score", description: "Score.", parameters: { statuses: "Statuts." } },
  };

  test("replaces names (upper case) and descriptions, keeps ids and the rest", () => {
    const out = localizeFunctionsMetadata(base, good);
    expect(out.functions[0]).toEqual({
      id: "LEVEL",
      name: "NIVEAU",
      description: "Niveau.",
      parameters: [{ name: "status", type: "any", description: "Statut." }],
    });
    expect(base.functions[0].name).toBe("LEVEL");
  });

  test("reports every missing, unknown, invalid or duplicate translation at once", () => {
    const bad = {
      LEVEL: { name: "score", description: "", parameters: { statut: "Statut." } },
      SCORE: { name: "SCORE", description: "Score.", parameters: { statuses: "Statuts." } },
      LEVL: { name: "1X", description: "?", parameters: {} },
    };
    let message = "";
    try {
      localizeFunctionsMetadata(base, bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('unknown function "LEVL"');
    expect(message).toContain("function LEVEL has no description");
    expect(message).toContain('function LEVEL has no parameter "statut"');
    expect(message).toContain('parameter "status" of LEVEL is not translated');
    expect(message).toContain('functions LEVEL and SCORE have the same name "SCORE"');
    expect(() => localizeFunctionsMetadata(base, { LEVEL: good.LEVEL })).toThrow("function SCORE is not translated");
    expect(() => localizeFunctionsMetadata(base, { ...good, LEVEL: { ...good.LEVEL, name: "1X" } })).toThrow(
      'invalid name "1X"',
    );
  });
});
