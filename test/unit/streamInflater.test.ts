/**
 * The task pane's native inflater (src/xlsx/streamInflater.ts, DecompressionStream "deflate-raw", which Node 20 has
 * too): the same bytes as zlib, a rejection for damaged or truncated data and for output past its maximum.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { decompressionStreamInflater, inflateWithDecompressionStream } from "../../src/xlsx/streamInflater";

/** What zlib makes of the data within maxLength bytes, or null where it fails. */
function zlibInflate(data: Uint8Array, maxLength: number): Uint8Array | null {
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(maxLength, 1) }));
  } catch {
    return null;
  }
}

/**
 * The stream inflater's output, its pieces joined, as the reader takes them: refused (thrown from `take`, which
 * stops the stream) once it passes maxLength bytes.
 */
async function inflateAll(data: Uint8Array, maxLength: number): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  await inflateWithDecompressionStream(data, (piece) => {
    length += piece.length;
    if (length > maxLength) throw new RangeError(`inflates to more than ${maxLength} bytes`);
    pieces.push(piece.slice());
  });
  return new Uint8Array(Buffer.concat(pieces));
}

/** What the stream inflater makes of it, or null where it rejects. */
async function streamInflate(data: Uint8Array, maxLength: number): Promise<Uint8Array | null> {
  try {
    return await inflateAll(data, maxLength);
  } catch {
    return null;
  }
}

describe("inflateWithDecompressionStream", () => {
  it("inflates what zlib inflates, byte for byte, texts and incompressible bytes of any length", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200_000 }),
          fc.string({ maxLength: 5000 }).map((s) => new TextEncoder().encode(s.repeat(20))),
        ),
        async (plain) => {
          const data = new Uint8Array(deflateRawSync(plain));
          expect(await inflateAll(data, plain.length + 10)).toEqual(plain);
          // exactly the output's length is enough
          expect(await inflateAll(data, plain.length)).toEqual(plain);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("rejects with what its taker throws, however little is left, and stops inflating there", async () => {
    const plain = new TextEncoder().encode("<row>1</row>".repeat(50_000));
    const data = new Uint8Array(deflateRawSync(plain));
    await expect(inflateAll(data, plain.length - 1)).rejects.toThrow(/more than/);
    await expect(inflateAll(data, 1000)).rejects.toThrow(/more than/);
    // a bomb: 64 MiB of spaces in about 64 KB, refused at 1 MiB, and nothing handed over after the refusal
    const bomb = new Uint8Array(deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20)));
    let taken = 0;
    let after = 0;
    const refused = inflateWithDecompressionStream(bomb, (piece) => {
      if (taken > 1024 * 1024) after++;
      taken += piece.length;
      if (taken > 1024 * 1024) throw new RangeError("more than 1048576 bytes");
    });
    await expect(refused).rejects.toThrow(/more than 1048576 bytes/);
    expect(after).toBe(0);
    expect(taken).toBeLessThan(2 * 1024 * 1024);
  }, 30_000);

  it("rejects data cut short anywhere, and agrees with zlib on damaged data", async () => {
    const plain = new TextEncoder().encode(
      Array.from({ length: 3000 }, (_, i) => `<c r="A${i}"><v>${i}</v></c>`).join(""),
    );
    const data = new Uint8Array(deflateRawSync(plain));
    await fc.assert(
      fc.asyncProperty(fc.nat(data.length - 1), async (cut) => {
        expect(await streamInflate(data.subarray(0, cut), plain.length)).toBeNull();
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(data.length - 1), fc.nat(255)), { minLength: 1, maxLength: 6 }),
        async (changes) => {
          const bytes = data.slice();
          for (const [at, v] of changes) bytes[at] = v;
          expect(await streamInflate(bytes, plain.length)).toEqual(zlibInflate(bytes, plain.length));
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it("is offered only where the engine has DecompressionStream with deflate-raw", () => {
    expect(decompressionStreamInflater()).toBe(inflateWithDecompressionStream);
    const g = globalThis as { DecompressionStream?: unknown };
    const own = g.DecompressionStream;
    try {
      g.DecompressionStream = undefined;
      expect(decompressionStreamInflater()).toBeUndefined();
      // an engine with the stream but without "deflate-raw" (Chromium before 103) throws on that format
      g.DecompressionStream = class {
        constructor(format: string) {
          if (format === "deflate-raw") throw new TypeError("unsupported format");
        }
      };
      expect(decompressionStreamInflater()).toBeUndefined();
    } finally {
      g.DecompressionStream = own;
    }
  });
});
