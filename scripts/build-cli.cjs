/**
 * Bundles the command line (src/cli/main.ts and everything it imports, ExcelJS included) into one
 * file, .tmp/cli/liat.cjs, so that `npx liat` starts without compiling TypeScript: run by
 * `npm install` (the prepare script) and by bin/liat.js when the bundle is missing or older than
 * the sources. The bundle is built, never committed (.tmp/ is ignored).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const outfile = path.join(root, ".tmp", "cli", "liat.cjs");
/** The merge's workbook writer thread (src/cli/consolidationWriterWorker.ts), beside the bundle that starts it. */
const writerFile = path.join(root, ".tmp", "cli", "liat-writer.cjs");
/** The source folders the command line is built from: a change in any of them makes the bundle stale. */
const SOURCES = ["src/cli", "src/core", "src/xlsx"].map((d) => path.join(root, d));

/** Newest modification time (ms) of the command line's sources. */
function newestSource() {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const t = fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
      if (t > newest) newest = t;
    }
  }
  return newest;
}

/** True when the bundle and the writer thread's script exist and are newer than every source file. */
function isFresh() {
  try {
    const newest = newestSource();
    return fs.statSync(outfile).mtimeMs >= newest && fs.statSync(writerFile).mtimeMs >= newest;
  } catch {
    return false;
  }
}

/** Builds the bundle (esbuild, installed with tsx); returns its path. */
function build() {
  const esbuild = require("esbuild");
  const bundle = (entry, file) =>
    esbuild.buildSync({
      entryPoints: [path.join(root, "src", "cli", entry)],
      outfile: file,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      logLevel: "warning",
      legalComments: "none",
      minify: true,
    });
  // The thread that writes the merge's workbook first: the command line uses it when it is there.
  bundle("consolidationWriterWorker.ts", writerFile);
  bundle("main.ts", outfile);
  return outfile;
}

module.exports = { build, isFresh, outfile };

if (require.main === module) {
  try {
    build();
  } catch (e) {
    // bin/liat.js builds it at its first run, or runs the sources through tsx.
    process.stderr.write(`liat: the command line was not bundled (${e instanceof Error ? e.message : e})\n`);
  }
}
