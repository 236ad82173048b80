/** Jest projects: unit (node), ui (jsdom + Testing Library), browser (headless Chromium over the built add-in). */
const tsJest = [
  "ts-jest",
  {
    tsconfig: {
      isolatedModules: true,
      module: "commonjs",
      moduleResolution: "node10",
      jsx: "react-jsx",
      esModuleInterop: true,
      resolveJsonModule: true,
      target: "ES2022",
      ignoreDeprecations: "5.0",
    },
  },
];
const common = {
  transform: { "^.+\\.(t|j)sx?$": tsJest },
  transformIgnorePatterns: ["/node_modules/(?!(some-esm-only-package)/)"],
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
module.exports = {
  projects: [
    { ...common, displayName: "unit", testEnvironment: "node", testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    {
      ...common,
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/ui/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/ui/setup.ts"],
    },
    {
      ...common,
      displayName: "browser",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      globalSetup: "<rootDir>/test/browser/globalSetup.ts",
      globalTeardown: "<rootDir>/test/browser/globalTeardown.ts",
    },
  ],
};
