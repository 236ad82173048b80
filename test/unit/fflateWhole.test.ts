/**
 * fflate inflating a small part whole (src/xlsx/partStream.ts, fflateWhole), as the reader does without a native
 * inflater: the same bytes as its streaming inflater, and the same refusal, with the same words, for a part past its
 * limit, a part that lies about its size, and damaged data.
 */
import { strToU8, zipSync } from "fflate";
import fc from "fast-check";
import { fflateWhole, inflateEntry, FFLATE_WHOLE_MAX_COMPRESSED } from "../../src/xlsx/partStream";
import { readZipDirectory, type ZipEntry } from "../../src/xlsx/zipDirectory";

/** A zip of one deflated entry, and that entry. */
function zipOf(content: Uint8Array): { zip: Uint8Array; entry: ZipEntry } {
  const zip = zipSync({ "part.xml": [content, { level: 6 }] });
  const entry = readZipDirectory(zip)[0]!;
  expect(entry.method).toBe(8);
  return { zip, entry };
}

/** What inflateEntry makes of the entry (the bytes, or the error's kind and words), whole or as a stream. */
function outcome(zip: Uint8Array, entry: ZipEntry, limit: number, whole: boolean): string {
  const pieces: Uint8Array[] = [];
  try {
    inflateEntry(zip, entry, limit, (c) => pieces.push(c.slice()), whole ? fflateWhole : undefined);
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
  return Buffer.concat(pieces).toString("latin1");
}

describe("fflateWhole", () => {
  it("inflates what the streaming inflater inflates, texts and bytes of any length", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 100_000 }),
          fc.string({ maxLength: 3000 }).map((s) => strToU8(s.repeat(10))),
        ),
        (plain) => {
          const { zip, entry } = zipOf(plain);
          expect(outcome(zip, entry, 1 << 20, true)).toBe(Buffer.from(plain).toString("latin1"));
          expect(outcome(zip, entry, 1 << 20, true)).toBe(outcome(zip, entry, 1 << 20, false));
        },
      ),
      { numRuns: 80 },
    );
  });

  it("throws when the output passes its maximum, however little", () => {
    const plain = strToU8("<row>1</row>".repeat(5000));
    const { zip, entry } = zipOf(plain);
    expect(() => fflateWhole(new Uint8Array(0), 10)).toThrow(/more than 10 bytes/);
    expect(outcome(zip, entry, plain.length, true)).toBe(Buffer.from(plain).toString("latin1"));
    expect(outcome(zip, entry, plain.length - 1, true)).toMatch(/^PartTooLargeError: .*more than/);
  });

  it("refuses a small part that lies about its size as the stream does, in the same words", () => {
    // 32 MiB of spaces: under FFLATE_WHOLE_MAX_COMPRESSED once deflated, declared as 1000 bytes
    const bomb = zipOf(new Uint8Array(32 * 1024 * 1024).fill(0x20));
    expect(bomb.entry.compressedSize).toBeLessThanOrEqual(FFLATE_WHOLE_MAX_COMPRESSED);
    const lying = { ...bomb.entry, uncompressedSize: 1000 };
    expect(outcome(bomb.zip, lying, 1 << 30, true)).toBe(outcome(bomb.zip, lying, 1 << 30, false));
    expect(outcome(bomb.zip, lying, 1 << 30, true)).toMatch(/more data than the zip directory declares/);
    // and one whose limit is below its true size
    expect(outcome(bomb.zip, bomb.entry, 1 << 20, true)).toBe(outcome(bomb.zip, bomb.entry, 1 << 20, false));
    expect(outcome(bomb.zip, bomb.entry, 1 << 20, true)).toMatch(/^PartTooLargeError/);
  });

  it("agrees with the stream on damaged data, whatever bytes are changed or cut", () => {
    const plain = strToU8(Array.from({ length: 2000 }, (_, i) => `<c r="A${i}"><v>${i}</v></c>`).join(""));
    const { zip, entry } = zipOf(plain);
    const start = entry.localOffset + 30 + "part.xml".length;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(entry.compressedSize - 1), fc.nat(255)), { minLength: 1, maxLength: 6 }),
        fc.nat(entry.compressedSize),
        (changes, length) => {
          const bytes = zip.slice();
          for (const [at, v] of changes) bytes[start + at] = v;
          expect(outcome(bytes, entry, 1 << 20, true)).toBe(outcome(bytes, entry, 1 << 20, false));
          const cut = { ...entry, compressedSize: length };
          expect(outcome(zip, cut, 1 << 20, true)).toBe(outcome(zip, cut, 1 << 20, false));
        },
      ),
      { numRuns: 200 },
    );
  });
});
