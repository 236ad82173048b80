/**
 * Loads the bundled command line (.tmp/cli/liat.cjs, scripts/build-cli.cjs) with V8's code cache, so that a run
 * does not compile its 1.8 MB of JavaScript again: the first run compiles it and, once it has run, keeps the
 * compiled code beside it (liat.cjs.cache: the bundle's SHA-256, the SHA-256 of V8's data, then the data, which
 * holds the functions that run used); later runs start from that code. A cache made for other bytes (the bundle
 * was rebuilt), a damaged one (V8 does not check its data in a release build) or one V8 refuses (another Node) is
 * ignored and replaced; when the folder cannot be written, the runs go on without one.
 */
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

/** The cache file of a bundle. */
const cacheFileOf = (file) => `${file}.cache`;
const sha256 = (data) => createHash("sha256").update(data).digest();
/** Bytes of a SHA-256. */
const HASH = 32;

/**
 * Runs the CommonJS file `file` as `require` would, from its code cache when there is a valid one. Returns its
 * exports, `cached` (true when the code came from the cache) and `save`, which writes the cache when it was not
 * used (call it once the run is done: the functions compiled meanwhile go in too).
 */
function loadCached(file) {
  const source = fs.readFileSync(file, "utf8");
  const hash = sha256(source);
  const cacheFile = cacheFileOf(file);
  let cachedData;
  try {
    const bytes = fs.readFileSync(cacheFile);
    const data = bytes.subarray(2 * HASH);
    if (bytes.subarray(0, HASH).equals(hash) && bytes.subarray(HASH, 2 * HASH).equals(sha256(data))) cachedData = data;
  } catch {
    // no cache yet
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  const save = () => {
    if (cached) return;
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      const data = script.createCachedData();
      fs.writeFileSync(temp, Buffer.concat([hash, sha256(data), data]));
      // whole or not at all, even when two runs write it at once
      fs.renameSync(temp, cacheFile);
    } catch {
      fs.rmSync(temp, { force: true });
    }
  };
  return { exports: mod.exports, cached, save };
}

module.exports = { loadCached, cacheFileOf };
