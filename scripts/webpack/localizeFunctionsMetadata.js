// @ts-check
/**
 * Builds a localized copy of the custom functions metadata (functions.json -> functions.fr.json).
 * Ids, types and options stay the same; function names, function descriptions and parameter descriptions
 * come from the translation table. Every function and every parameter must be translated, and the table
 * must not name functions or parameters that do not exist: problems are all reported at once.
 */
"use strict";

/** A function name Excel accepts: a letter, then letters, digits, "." or "_". */
const FUNCTION_NAME = /^\p{L}[\p{L}\p{N}._]*$/u;

/**
 * @typedef {{ name: string; description: string; parameters: Record<string, string> }} FunctionTranslation
 * @typedef {{ name: string; description?: string; [key: string]: unknown }} ParameterMetadata
 * @typedef {{ id: string; name: string; description?: string; parameters: ParameterMetadata[]; [key: string]: unknown }} FunctionMetadata
 * @typedef {{ functions: FunctionMetadata[]; [key: string]: unknown }} FunctionsMetadata
 */

/**
 * @param {FunctionsMetadata} metadata the generated functions.json
 * @param {Record<string, FunctionTranslation>} translations keyed by function id
 * @param {string} [locale] for messages only
 * @returns {FunctionsMetadata}
 */
function localizeFunctionsMetadata(metadata, translations, locale = "fr") {
  /** @type {string[]} */
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(translations)) {
    if (!ids.has(id)) problems.push(`${locale}: translation for unknown function "${id}"`);
  }
  /** @type {Map<string, string>} */
  const namesSeen = new Map();
  const functions = metadata.functions.map((fn) => {
    const tr = translations[fn.id];
    if (!tr) {
      problems.push(`${locale}: function ${fn.id} is not translated`);
      return fn;
    }
    const name = String(tr.name ?? "")
      .trim()
      .toUpperCase();
    if (!FUNCTION_NAME.test(name)) problems.push(`${locale}: function ${fn.id} has an invalid name "${tr.name}"`);
    const clash = namesSeen.get(name);
    if (clash) problems.push(`${locale}: functions ${clash} and ${fn.id} have the same name "${name}"`);
    namesSeen.set(name, fn.id);
    const description = String(tr.description ?? "").trim();
    if (!description) problems.push(`${locale}: function ${fn.id} has no description`);
    const given = tr.parameters ?? {};
    const paramNames = new Set(fn.parameters.map((p) => p.name));
    for (const p of Object.keys(given)) {
      if (!paramNames.has(p)) problems.push(`${locale}: function ${fn.id} has no parameter "${p}"`);
    }
    const parameters = fn.parameters.map((p) => {
      const text = String(given[p.name] ?? "").trim();
      if (!text) problems.push(`${locale}: parameter "${p.name}" of ${fn.id} is not translated`);
      return { ...p, description: text || p.description };
    });
    return { ...fn, name, description: description || fn.description, parameters };
  });
  if (problems.length > 0) {
    throw new Error(`Incomplete ${locale} custom functions metadata:\n  ${problems.join("\n  ")}`);
  }
  return { ...metadata, functions };
}

module.exports = { localizeFunctionsMetadata };
