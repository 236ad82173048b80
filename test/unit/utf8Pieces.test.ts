/** Text handed on in pieces (src/cli/utf8Pieces.ts): the pieces, joined, are the whole text's UTF-8, in order. */
import { PIECE_BYTES, Utf8Pieces } from "../../src/cli/utf8Pieces";

it("hands on every text in order, long ones included, and marks only the last piece final", () => {
  const got: Buffer[] = [];
  const finals: boolean[] = [];
  const pieces = new Utf8Pieces((bytes, final) => {
    got.push(Buffer.from(bytes)); // a view of the reused buffer: copied
    finals.push(final);
  });
  const texts = ["<a>", "é€😀".repeat(1000), "x".repeat(PIECE_BYTES), "b".repeat(PIECE_BYTES / 3 - 10), "\u0000end"];
  for (let i = 0; i < 50; i++) for (const t of texts) pieces.add(t);
  pieces.end();
  expect(Buffer.concat(got).equals(Buffer.from(texts.join("").repeat(50), "utf8"))).toBe(true);
  expect(got.length).toBeGreaterThan(100);
  expect(got.every((b) => b.length <= PIECE_BYTES)).toBe(true);
  expect(finals.filter(Boolean)).toHaveLength(1);
  expect(finals[finals.length - 1]).toBe(true);
});

it("takes bytes already encoded among the texts, in order, long ones included", () => {
  const got: Buffer[] = [];
  const pieces = new Utf8Pieces((bytes) => void got.push(Buffer.from(bytes)));
  const parts: (string | Buffer)[] = [
    "début é",
    Buffer.from("« partagé » 😀", "utf8"),
    "x".repeat(PIECE_BYTES / 3 - 5),
    Buffer.alloc(PIECE_BYTES + 7, 0x61),
    Buffer.from("fin", "utf8"),
  ];
  for (let i = 0; i < 5; i++)
    for (const p of parts) {
      if (typeof p === "string") pieces.add(p);
      else pieces.addBytes(p);
    }
  pieces.end();
  const expected = Buffer.concat(
    Array.from({ length: 5 }, () => parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p))).flat(),
  );
  expect(Buffer.concat(got).equals(expected)).toBe(true);
});

it("hands on pieces of their own memory when they are kept (handed to another thread), never reused", () => {
  const kept: Buffer[] = [];
  const pieces = new Utf8Pieces((bytes) => void kept.push(bytes), true);
  const text = "é€ ligne\n".repeat(50_000);
  for (let i = 0; i < 10; i++) pieces.add(text);
  pieces.end();
  expect(kept.length).toBeGreaterThan(3);
  // not copied, yet each still holds its own bytes once all are made
  expect(Buffer.concat(kept).equals(Buffer.from(text.repeat(10), "utf8"))).toBe(true);
  expect(new Set(kept.map((b) => b.buffer)).size).toBe(kept.length);
  expect(kept.every((b) => b.buffer.byteLength !== Buffer.poolSize)).toBe(true);
});
