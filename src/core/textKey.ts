/** Printable ASCII and ASCII white space only: nothing for NFKD, accents or ligatures to change. */
const ASCII_TEXT = /^[\t\n\v\f\r\x20-\x7e]*$/;

/**
 * Folds a label for lenient matching: case, accents, ligatures (œ → oe), punctuation spacing
 * and repeated whitespace do not matter. "Mis en Œuvre " and "mis en oeuvre" give the same key.
 * A text of plain ASCII (most data cells a header row is looked for in) skips the Unicode steps, which change
 * nothing in it: the same key as foldedKey gives.
 */
export function textKey(value: string): string {
  if (ASCII_TEXT.test(value)) return value.replace(/`/g, "'").toLowerCase().replace(/\s+/g, " ").trim();
  return foldedKey(value);
}

/** The whole folding of textKey, every step applied, for any text. */
export function foldedKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .replace(/[’'`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
