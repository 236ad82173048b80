/**
 * Folds a label for lenient matching: case, accents, ligatures (œ → oe), punctuation spacing
 * and repeated whitespace do not matter. "Mis en Œuvre " and "mis en oeuvre" give the same key.
 */
export function textKey(value: string): string {
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
