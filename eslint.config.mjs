// ESLint, the Office way: the rules of eslint-plugin-office-addins with the severities of its "recommended" config
// (the config office-addin-lint runs), on ESLint's and typescript-eslint's recommended rules, an import-cycle rule
// (import-x/no-cycle), React's rules of hooks, a reason required on every eslint-disable comment
// (eslint-comments/require-description: `// eslint-disable-next-line rule -- why`), and eslint-config-prettier last (formatting is Prettier's alone: `prettier --check` in
// `npm run lint`). The plugin's own config is not spread here: it brings its bundled typescript-eslint (8.8, which
// predates TypeScript 5.9) and runs Prettier a second time inside ESLint (eslint-plugin-prettier).
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

/** The rules the plugin's recommended config sets (office-addins/*, no-eval, ...), but for running Prettier. */
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .filter((config) => config.plugins?.["office-addins"])
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => !rule.startsWith("prettier/")),
);
if (!Object.keys(officeAddinsRules).some((rule) => rule.startsWith("office-addins/")))
  throw new Error("eslint-plugin-office-addins: its recommended config has no office-addins rules");

export default defineConfig(
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  { ignores: ["dist/", "coverage/", "test-artifacts/", ".tmp/", "node_modules/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  reactHooks.configs["recommended-latest"],
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { "office-addins": officeAddins, "import-x": importX },
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    settings: {
      // without these, import-x/no-cycle cannot read a TypeScript module's imports, and finds no cycle at all
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs", ".cjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] })],
    },
    rules: {
      ...officeAddinsRules,
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@eslint-community/eslint-comments/require-description": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read cells of ExcelJS workbooks and of the in-memory host (`ws.getCell`, `host.getCell`): these are not
    // Office proxies, but the rules know proxies by their getter's name, not by type. And test/unit/host.test.ts reads
    // unloaded properties on purpose, to check that the host refuses them as Excel does. The other office-addins rules
    // (sync in a loop, navigation loads, empty loads) stay on in tests.
    files: ["test/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
  {
    // The add-in never imports tooling (the in-memory Excel host, the preview page): they serve tests, benchmarks and
    // the preview, and run against the add-in from outside.
    files: ["src/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)tooling(/|$)",
              message: "src/ is the add-in: tooling/ (the in-memory host, the preview) is for tests and benchmarks.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.value=/(^|\\/)tooling(\\/|$)/]",
          message: "src/ is the add-in: tooling/ (the in-memory host, the preview) is for tests and benchmarks.",
        },
      ],
    },
  },
  {
    // Node scripts and configuration in CommonJS
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["**/*.mjs"], languageOptions: { globals: { ...globals.node } } },
  prettier,
);
