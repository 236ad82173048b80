#!/usr/bin/env node
"use strict";
// The LIAT command line: one bundled file (.tmp/cli/liat.cjs, built by `npm install` and rebuilt here
// when the sources are newer), so that it starts fast; the TypeScript sources through tsx if it cannot be built.
const cli = require("../scripts/build-cli.cjs");

function load() {
  try {
    if (!cli.isFresh()) cli.build();
    return require(cli.outfile);
  } catch {
    require("tsx/cjs");
    return require("../src/cli/main.ts");
  }
}

load()
  .run(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack || error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
