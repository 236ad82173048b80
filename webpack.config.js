// @ts-check
/**
 * Builds the add-in into dist/:
 *   taskpane.html  the task pane page, and the shared runtime: it loads functions.js, taskpane.js, commands.js
 *   functions.js   the LIAT.* custom functions (self-contained: it carries the webpack runtime the other two use)
 *   griffel.css    every style of the pages: Fluent UI's (compiled ahead of time in its packages) and the pane's own
 *                  makeStyles (compiled at build time by @griffel/webpack-loader), extracted from the scripts by
 *                  Griffel's CSS extraction; the scripts keep only class names, so the pages need no style compiler
 *   functions.json generated from the JSDoc of src/functions/functions.ts (custom-functions-metadata-plugin)
 *   functions.<lang>.json  the same, names and descriptions in another language (src/core/i18n/<lang>/functionMetadata.json)
 *   manifest.xml, assets/  copied; the development address is replaced by --env address=...
 *
 *   --env address=https://host/path/  production address (default https://localhost:3000/)
 *   --env preview                     pages load the local office-shim.js instead of office.js from the CDN, and the
 *                                     preview page (simulated workbook next to the pane) is built too
 */
"use strict";

const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { NormalModuleReplacementPlugin } = require("webpack");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LocalizedFunctionsMetadataPlugin = require("./scripts/webpack/LocalizedFunctionsMetadataPlugin");
const AddressRewritePlugin = require("./scripts/webpack/AddressRewritePlugin");
const { DEV_ADDRESS, normalizeAddress } = require("./scripts/webpack/rewriteAddress");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_SERVER_PORT = 3000;

const src = (/** @type {string} */ file) => path.resolve(__dirname, "src", file);
const tool = (/** @type {string} */ file) => path.resolve(__dirname, "tooling", file);

/** Languages whose folder of texts carries custom function names (src/core/i18n/<lang>/functionMetadata.json). */
const METADATA_LANGUAGES = fs
  .readdirSync(src("core/i18n"))
  .filter((lang) => fs.existsSync(src(`core/i18n/${lang}/functionMetadata.json`)));

/**
 * Namespaces of texts (src/core/i18n/<lang>/<ns>.json) that the pages never read from the texts bundled at start:
 * the command line's and the build's own, and the task pane's, which it loads for its one interface language on
 * demand (src/taskpane/i18n/paneTexts.ts). In the browser build the per-language index (<lang>/<lang>.ts) gets an
 * empty object for them; Node (command line, tests, build) keeps every namespace bundled.
 */
const NOT_BUNDLED_IN_PAGES = ["cli", "functionMetadata", "pane"];
/** An empty namespace, for the ones above. */
const EMPTY_TEXTS = src("core/i18n/emptyTexts.json");

/** Files only the preview build uses; they must exist when (and only when) it is asked for. */
const PREVIEW_FILES = {
  officeShim: tool("preview/officeShim.ts"),
  preview: tool("preview/preview.tsx"),
  previewHost: tool("preview/previewHost.ts"),
  template: tool("preview/preview.html"),
};

/**
 * @param {Record<string, string | boolean | undefined>} env webpack-cli --env values
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {import("webpack").Configuration & { devServer?: Record<string, unknown> }}
 */
module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const preview = Boolean(env.preview);
  const address = normalizeAddress(typeof env.address === "string" ? env.address : DEV_ADDRESS);

  if (preview) {
    const missing = Object.values(PREVIEW_FILES).filter((file) => !fs.existsSync(file));
    if (missing.length > 0) {
      throw new Error(
        `--env preview needs ${missing.map((file) => path.relative(__dirname, file)).join(", ")} (missing)`,
      );
    }
  }

  /** The script that provides Office, Excel and CustomFunctions: office.js, or the in-memory host's shim. */
  const officeJs = preview ? "office-shim.js" : OFFICE_JS_CDN;

  /** @type {import("webpack").EntryObject} */
  const entry = {
    // functions first: it holds the runtime, so the pane and the commands share its module instances
    functions: src("functions/functions.ts"),
    taskpane: { import: src("taskpane/taskpaneMain.tsx"), dependOn: "functions" },
    commands: { import: src("commands/commands.ts"), dependOn: "functions" },
  };
  if (preview) {
    entry["office-shim"] = PREVIEW_FILES.officeShim;
    entry.preview = PREVIEW_FILES.preview;
    // loaded by office-shim.js when the pane is opened on its own (not in the preview page)
    entry["preview-host"] = PREVIEW_FILES.previewHost;
  }

  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: src("taskpane/taskpane.html"),
      chunks: ["functions", "taskpane", "commands"],
      chunksSortMode: "manual",
      officeJs,
    }),
  ];
  if (preview) {
    pages.push(
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: PREVIEW_FILES.template,
        chunks: ["preview"],
        officeJs,
      }),
    );
  }

  return {
    mode,
    context: __dirname,
    devtool: "source-map",
    entry,
    output: {
      // --env outDir=... (the browser tests build the preview into .tmp/preview-dist)
      path: path.resolve(__dirname, typeof env.outDir === "string" ? env.outDir : "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          // Fluent UI's styles, compiled ahead of time in its packages, go to griffel.css instead of the scripts
          test: /\.(js|mjs)$/,
          include: /node_modules[\\/]@fluentui[\\/]/,
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // read bottom-up: TypeScript to JavaScript, makeStyles() compiled to class names and rules, rules extracted
            { loader: GriffelCSSExtractionPlugin.loader },
            {
              // it evaluates the style objects, and the modules they import, at build time
              loader: "@griffel/webpack-loader",
              options: { babelOptions: { presets: ["@babel/preset-typescript"] } },
            },
            { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
          ],
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      ...METADATA_LANGUAGES.map(
        (locale) =>
          new LocalizedFunctionsMetadataPlugin({
            output: `functions.${locale}.json`,
            translations: src("functions/localizedMetadata.ts"),
            exportName: "functionMetadata",
            locale,
          }),
      ),
      ...pages,
      new MiniCssExtractPlugin({ ignoreOrder: true, runtime: false }),
      new GriffelCSSExtractionPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      new AddressRewritePlugin({ address }),
      new NormalModuleReplacementPlugin(/^\.\/\w+\.json$/, (resource) => {
        const issuer = resource.contextInfo?.issuer ?? "";
        const ns = path.basename(resource.request, ".json");
        // only the per-language index's imports (src/core/i18n/<lang>/<lang>.ts); other importers are left alone
        const lang = path.basename(path.dirname(issuer));
        const fromLanguageIndex =
          path.dirname(path.dirname(issuer)) === src("core/i18n") && path.basename(issuer) === `${lang}.ts`;
        const notBundled = NOT_BUNDLED_IN_PAGES.includes(ns) || (ns === "preview" && !preview);
        if (fromLanguageIndex && notBundled) resource.request = EMPTY_TEXTS;
      }),
    ],
    // The size budget (initial task pane JavaScript, gzipped) is measured by `npm run bench`.
    performance: { hints: false },
    devServer: {
      host: "127.0.0.1",
      port: DEV_SERVER_PORT,
      allowedHosts: "all",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: false },
    },
  };
};
