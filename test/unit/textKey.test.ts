/**
 * textKey (src/core/textKey.ts): its short way for plain ASCII gives exactly the key of the whole folding (foldedKey),
 * for any text; and the folding itself, on the examples it is for.
 */
import fc from "fast-check";
import { foldedKey, textKey } from "../../src/core/textKey";

describe("textKey", () => {
  it("gives the whole folding's key for any text, plain ASCII or not", () => {
    const ascii = fc.string({ unit: fc.constantFrom(..."aZ `'\t\n\r\v\f*:(N°)-–Œœæ’é 2025".split("")) });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), (t) => {
        expect(textKey(t)).toBe(foldedKey(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("folds case, accents, ligatures, apostrophes and spaces", () => {
    expect(textKey("Mis en Œuvre ")).toBe("mis en oeuvre");
    expect(textKey("  Statut\n(obligatoire) ")).toBe("statut (obligatoire)");
    expect(textKey("Date de début")).toBe("date de debut");
    expect(textKey("L`avis d’expert")).toBe("l'avis d'expert");
    expect(textKey("CODE\t\tN°")).toBe("code n°");
  });
});
