/**
 * Names and descriptions of the LIAT.* custom functions in languages other than English (texts
 * `functionMetadata`, by function id; English comes from the JSDoc of functions.ts). The build
 * (scripts/webpack/LocalizedFunctionsMetadataPlugin.js) turns the generated functions.json into
 * functions.<lang>.json with these; ids stay the same, so a workbook written in one language
 * computes in the others.
 */
import { RESOURCES, textTree } from "../core/i18n/texts";
import { isLang, LANGUAGES } from "../core/language";

export interface FunctionTranslation {
  name: string;
  description: string;
  parameters: Record<string, string>;
}

/** The languages that carry function metadata of their own. */
export const METADATA_LANGUAGES = LANGUAGES.filter((lang) => textTree(lang, "functionMetadata:SCORE") !== null);

/** The translation table of one language, by function id. */
export function functionMetadata(lang: string): Record<string, FunctionTranslation> {
  const ids = isLang(lang) ? Object.keys(RESOURCES[lang]?.functionMetadata ?? {}) : [];
  if (!isLang(lang) || ids.length === 0) throw new Error(`No custom function metadata for language "${lang}"`);
  const langs = LANGUAGES.join(", ");
  return Object.fromEntries(
    ids.map((id) => [id, textTree(lang, `functionMetadata:${id}`, { langs })]),
  ) as unknown as Record<string, FunctionTranslation>;
}
