#!/usr/bin/env node
"use strict";
// The LIAT command line: one bundled file (.tmp/cli/liat.cjs, built by `npm install` and rebuilt here
// when the sources are newer), so that it starts fast, and started from V8's code cache of it (scripts/load-cli.cjs);
// the TypeScript sources through tsx if it cannot be built.
const cli = require("../scripts/build-cli.cjs");
const { loadCached } = require("../scripts/load-cli.cjs");

/** The command line's module, and what to call once it has run (the code cache is written then). */
function load() {
  try {
    if (!cli.isFresh()) cli.build();
    const loaded = loadCached(cli.outfile);
    return { main: loaded.exports, done: loaded.save };
  } catch {
    require("tsx/cjs");
    return { main: require("../src/cli/main.ts"), done: () => undefined };
  }
}

const { main, done } = load();
main.run(process.argv.slice(2)).then(
  (code) => {
    done();
    process.exitCode = code;
  },
  (error) => {
    done();
    process.stderr.write(`${error instanceof Error ? error.stack || error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
