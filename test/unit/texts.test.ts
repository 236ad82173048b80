/**
 * The one text system: every language has every text (with the plural forms its rules need and the
 * same placeholders), nested references point to texts that exist, and no text in a supported
 * language sits in the code outside the translation resources.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { hasText, localized, RESOURCES, text } from "../../src/core/i18n/texts";
import { LANGUAGES, langFromLocale, localeOf } from "../../src/core/language";

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Leaf texts of one language, "namespace:path.to.key" → value (arrays are leaves). */
function leaves(lang: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (o: unknown, path: string) => {
    if (typeof o === "object" && o !== null && !Array.isArray(o)) {
      for (const [k, v] of Object.entries(o)) walk(v, path.endsWith(":") ? `${path}${k}` : `${path}.${k}`);
    } else out.set(path, o);
  };
  // Custom function names exist in every language but English (whose metadata is the JSDoc): checked by
  // functionsMetadata.test.ts against the generated metadata.
  for (const [ns, texts] of Object.entries(RESOURCES[lang]!)) if (ns !== "functionMetadata") walk(texts, `${ns}:`);
  return out;
}

const placeholders = (value: unknown) =>
  [...String(value).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).filter((n) => n !== "count");

describe("translation resources", () => {
  const en = leaves("en");
  const base = (key: string) => key.replace(PLURAL, "");

  test.each(LANGUAGES.map((l) => [l]))("%s has every text, with the plural forms its language needs", (lang) => {
    const mine = leaves(lang);
    const missing = [...new Set([...en.keys()].map(base))].filter(
      (k) => !mine.has(k) && ![...mine.keys()].some((m) => base(m) === k),
    );
    const extra = [...new Set([...mine.keys()].map(base))].filter(
      (k) => !en.has(k) && ![...en.keys()].some((m) => base(m) === k),
    );
    expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
    const categories = new Intl.PluralRules(localeOf(lang)).resolvedOptions().pluralCategories;
    const pluralBases = new Set([...en.keys()].filter((k) => PLURAL.test(k)).map(base));
    const lacking = [...pluralBases].flatMap((b) =>
      categories.filter((c) => !mine.has(`${b}_${c}`)).map((c) => `${b}_${c}`),
    );
    expect({ lang, lacking }).toEqual({ lang, lacking: [] });
  });

  test.each(LANGUAGES.map((l) => [l]))("%s: texts are not empty and fill the same placeholders", (lang) => {
    const mine = leaves(lang);
    const problems: string[] = [];
    for (const [key, value] of mine) {
      if (Array.isArray(value)) continue;
      if (typeof value !== "string" || value.trim() === "") problems.push(`${key}: empty`);
      const reference = en.get(key) ?? en.get(`${base(key)}_other`);
      if (reference === undefined) continue;
      const want = new Set(placeholders(reference));
      const have = new Set(placeholders(value));
      if ([...want].some((p) => !have.has(p)) || [...have].some((p) => !want.has(p)))
        problems.push(`${key}: {{${[...have].join(",")}}} instead of {{${[...want].join(",")}}}`);
    }
    expect(problems).toEqual([]);
  });

  test("nested references ($t(...)) name texts that exist", () => {
    const refs = LANGUAGES.flatMap((lang) =>
      [...leaves(lang).values()].flatMap((v) => [...String(v).matchAll(/\$t\(([^,)]+)/g)].map((m) => m[1]!)),
    );
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((k) => !hasText(k as `${string}:${string}`))).toEqual([]);
  });

  test("plurals and Intl formats follow the language", () => {
    expect(text("en", "cli:errors", { count: 1 })).toBe("1 error");
    expect(text("fr", "cli:errors", { count: 2 })).toBe("2 erreurs");
    expect(text("fr", "cli:errors", { count: 1_000_000 })).toBe("1000000 erreurs");
    expect(text("fr", "cli:scoreValue", { value: 12.34 })).toBe("12,3");
    expect(text("en", "cli:scoreValue", { value: 12.34 })).toBe("12.3");
    expect(text("en", "cli:percentValue", { value: 0.5 })).toBe("50%");
  });

  test("a value is data: placeholders and references inside it are not expanded", () => {
    const value = "{{x}} $t(cli:none) <b>";
    expect(text("en", "messages:numberAsText", { value })).toBe(`"${value}" is text: enter a number.`);
  });

  test("prose names labels through the texts, never repeating them", () => {
    const required = localized("messages:responsibleRequired");
    for (const lang of LANGUAGES) expect(required[lang]).toContain(text(lang, "catalogue:status.1"));
  });

  test("a locale picks its language; any other gives English", () => {
    expect(langFromLocale("fr-CA")).toBe("fr");
    expect(langFromLocale("en_US.UTF-8")).toBe("en");
    expect(langFromLocale("de-DE")).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
  });
});

/**
 * Heuristic: a string literal, template or JSX text in src/ (outside src/core/i18n) that holds a
 * letter with a French or Spanish accent, or common French or Spanish words, is a text that should
 * be in the resources.
 */
const ACCENTED = /[àâäçéèêëîïôöùûüÿœæñáíóú¿¡]/i;
const WORDS =
  /\b(le|la|les|des|du|une|est|pour|avec|dans|sur|pas|vous|cette|ce|aucun|el|los|las|del|por|para|con|una|ningún|este|esta)\b/i;
const SKIP_DIR = join("src", "core", "i18n");
/** Not texts for people to read in their language: data quoted as its source wrote it. */
const ALLOWED = new Set([
  "Section 3.2 du CCR, Paragraphe 42", // a reference cell of the LIAT table (seed 000), parsed by references.ts
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === SKIP_DIR ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function textsInCode(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const value = node.text;
      if (ALLOWED.has(value)) return;
      // Module names and the like are not prose; a text has letters and a space or an accent.
      if (
        !ts.isImportDeclaration(node.parent) &&
        (ACCENTED.test(value) || (/\s/.test(value.trim()) && WORDS.test(value)))
      )
        found.push(
          `${relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${value}`,
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("no French or Spanish text in the code outside the translation resources", () => {
  const files = sourceFiles("src");
  expect(files.length).toBeGreaterThan(50);
  expect(files.flatMap(textsInCode)).toEqual([]);
});

test("the scanner finds a text left in code", () => {
  const sample = join(__dirname, "..", "fixtures", "textInCode.ts.txt");
  expect(textsInCode(sample).length).toBe(2);
});
