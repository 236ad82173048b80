/**
 * Text as OOXML stores it (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): a character that XML cannot
 * carry (a control character, a lone CR) is written `_xHHHH_` with its UTF-16 code unit in hex,
 * and a literal "_x" that would read as such an escape is written with its underscore escaped
 * (`_x005F_`). Decoding reads the escapes left to right, each once: "_x005F_x0041_" is "_x0041_".
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** The text an OOXML string stands for, character for character. */
export function decodeXString(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
