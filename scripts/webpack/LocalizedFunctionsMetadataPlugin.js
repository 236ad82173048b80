// @ts-check
/**
 * Webpack plugin: once custom-functions-metadata-plugin has generated functions.json, emits a localized copy
 * (functions.<lang>.json) whose names and descriptions come from a TypeScript module's translation table
 * (src/functions/localizedMetadata.ts, export functionMetadata(lang), over the texts in src/core/i18n). The
 * manifest points the language's locales at it.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const { localizeFunctionsMetadata } = require("./localizeFunctionsMetadata");

const PLUGIN = "LocalizedFunctionsMetadataPlugin";

let loads = 0;

/**
 * Loads a TypeScript module afresh (in watch mode the file changes between builds) and returns one of its exports
 * (called with the locale when it is a function).
 * Each load uses its own tsx namespace, whose module cache entries are dropped afterwards.
 * @param {string} file absolute path
 * @param {string} exportName
 */
function loadTranslations(file, exportName, locale) {
  const { register } = require("tsx/cjs/api");
  const namespace = `liat-translations-${++loads}`;
  const api = register({ namespace });
  try {
    const exported = api.require(file, __filename)[exportName];
    const table = typeof exported === "function" ? exported(locale) : exported;
    if (!table || typeof table !== "object") {
      throw new Error(`${path.relative(process.cwd(), file)} does not export ${exportName}`);
    }
    return table;
  } finally {
    api.unregister();
    for (const key of Object.keys(require.cache)) {
      if (key.endsWith(`?namespace=${namespace}`)) delete require.cache[key];
    }
  }
}

class LocalizedFunctionsMetadataPlugin {
  /**
   * @param {{ source?: string; output: string; translations: string; exportName: string; locale: string }} options
   *   source: the generated metadata asset (default functions.json); output: the asset to emit;
   *   translations: path of the .ts file holding the table; exportName: its export; locale: for messages.
   */
  constructor(options) {
    this.options = { source: "functions.json", ...options, translations: path.resolve(options.translations) };
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { source, output, translations, exportName, locale } = this.options;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.fileDependencies.add(translations);
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        if (!fs.existsSync(translations)) {
          compilation.errors.push(
            new WebpackError(
              `${PLUGIN}: ${path.relative(compiler.context, translations)} is missing; it must export ${exportName} ` +
                `(the ${locale} names and descriptions of every custom function and parameter) to build ${output}.`,
            ),
          );
          return;
        }
        const asset = compilation.getAsset(source);
        if (!asset) return; // metadata generation failed; its errors are already reported
        try {
          const metadata = JSON.parse(asset.source.source().toString());
          const localized = localizeFunctionsMetadata(
            metadata,
            loadTranslations(translations, exportName, locale),
            locale,
          );
          compilation.emitAsset(output, new sources.RawSource(JSON.stringify(localized, null, 4)));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: ${error instanceof Error ? error.message : error}`));
        }
      });
    });
  }
}

module.exports = LocalizedFunctionsMetadataPlugin;
