#!/usr/bin/env node
"use strict";
// The LIAT command line: runs the TypeScript sources through tsx (no build step needed).
require("tsx/cjs");
const { run } = require("../src/cli/main.ts");

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack || error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
