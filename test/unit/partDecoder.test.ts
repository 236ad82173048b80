/**
 * A part's bytes decoded piece by piece (src/xlsx/partStream.ts, PartDecoder: pieces ending with an ASCII byte are
 * decoded at once, the others as a stream) give the text one TextDecoder gives of the whole part, wherever the
 * pieces are cut: characters cut in two, a byte-order mark, invalid UTF-8, UTF-16.
 */
import fc from "fast-check";
import { PartDecoder } from "../../src/xlsx/partStream";

function decoded(bytes: Uint8Array, cuts: number[]): string {
  let text = "";
  const decoder = new PartDecoder({ write: (t) => (text += t), close: () => undefined });
  let at = 0;
  // the first piece holds at least the two bytes that tell UTF-16 apart
  for (const cut of [...cuts.map((c) => 2 + (c % (bytes.length + 1))).sort((a, b) => a - b), bytes.length]) {
    if (cut > at) decoder.write(bytes.subarray(at, cut));
    at = Math.max(at, cut);
  }
  decoder.end();
  return text;
}

/** What one TextDecoder says of the whole part, in the encoding its byte-order mark names. */
function expected(bytes: Uint8Array): string {
  const label =
    bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  return new TextDecoder(label).decode(bytes);
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Mostly XML-like UTF-8 text (ASCII, accents, CJK, emoji, U+FEFF), sometimes any bytes. */
const piece = fc.oneof(
  fc.constantFrom('<c r="A1">', "<v>1</v>", "é", "œ", "漢字", "😀", "\uFEFF", "a>b", " ").map(utf8),
  fc.string({ unit: "grapheme", maxLength: 6 }).map(utf8),
  fc.uint8Array({ maxLength: 4 }),
);
const start = fc.constantFrom(
  new Uint8Array([]),
  new Uint8Array([0xef, 0xbb, 0xbf]),
  new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]),
  new Uint8Array([0xff, 0xfe]),
  new Uint8Array([0xfe, 0xff]),
  new Uint8Array([0xef, 0xbb]),
);

describe("a part's bytes decoded piece by piece", () => {
  it("give the text of one TextDecoder over the whole part, wherever the pieces are cut", () => {
    fc.assert(
      fc.property(
        start,
        fc.array(piece, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (head, pieces, cuts) => {
          const bytes = join(head, ...pieces);
          expect(decoded(bytes, cuts)).toBe(expected(bytes));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("drops a UTF-8 byte-order mark only at the start, even when a piece starts with another", () => {
    const bytes = utf8("\uFEFF<a>x</a>\uFEFF<b/>");
    expect(decoded(bytes, [6, 8])).toBe("<a>x</a>\uFEFF<b/>");
    const cut = bytes.indexOf(0xef, 3);
    expect(decoded(bytes, [cut - 2])).toBe("<a>x</a>\uFEFF<b/>");
  });
});
