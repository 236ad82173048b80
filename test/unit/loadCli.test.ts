/** The command line's bundle started from V8's code cache (scripts/load-cli.cjs): used when it is the bundle's own, never a stale one. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Loaded {
  exports: { answer: () => string; dir: string };
  cached: boolean;
  save: () => void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of the package, without types
const { loadCached, cacheFileOf } = require("../../scripts/load-cli.cjs") as {
  loadCached: (file: string) => Loaded;
  cacheFileOf: (file: string) => string;
};

describe("the command line loaded from its code cache", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "liat-load-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const module = (text: string) =>
    `"use strict";\nconst path = require("node:path");\n` +
    `exports.answer = () => ${JSON.stringify(text)};\nexports.dir = path.basename(__dirname);\n`;

  it("runs the file as require does, then from the cache its first run wrote", () => {
    const file = join(dir, "bundle.cjs");
    writeFileSync(file, module("first"));
    const first = loadCached(file);
    expect([first.cached, first.exports.answer(), first.exports.dir]).toEqual([false, "first", dir.split("/").pop()]);
    expect(existsSync(cacheFileOf(file))).toBe(false);
    first.save();
    expect(readFileSync(cacheFileOf(file)).length).toBeGreaterThan(64);
    const second = loadCached(file);
    expect([second.cached, second.exports.answer()]).toEqual([true, "first"]);
  });

  it("ignores and replaces the cache of other bytes, even of the same length", () => {
    const file = join(dir, "bundle.cjs");
    writeFileSync(file, module("aaaa"));
    loadCached(file).save();
    const stale = readFileSync(cacheFileOf(file));
    writeFileSync(file, module("bbbb"));
    const rebuilt = loadCached(file);
    expect([rebuilt.cached, rebuilt.exports.answer()]).toEqual([false, "bbbb"]);
    rebuilt.save();
    expect(readFileSync(cacheFileOf(file)).equals(stale)).toBe(false);
    expect(loadCached(file).cached).toBe(true);
  });

  it("ignores a damaged cache", () => {
    const file = join(dir, "bundle.cjs");
    writeFileSync(file, module("ok"));
    loadCached(file).save();
    const bytes = readFileSync(cacheFileOf(file));
    bytes.fill(7, 100, 120);
    writeFileSync(cacheFileOf(file), bytes);
    const loaded = loadCached(file);
    expect([loaded.cached, loaded.exports.answer()]).toEqual([false, "ok"]);
  });
});
