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

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, "0");

/**
 * What XML 1.0 cannot hold: control characters (but tab and LF), CR (which XML turns into a LF), the
 * noncharacters U+FFFE and U+FFFF, and a surrogate without its pair. (DEL is valid XML, written as is.)
 */
const NOT_IN_XML =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML cannot hold is the point
  /[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every character NOT_IN_XML may match (surrogates in pairs too): a quick first look. */
// eslint-disable-next-line no-control-regex -- as above
const MAYBE_NOT_IN_XML = /[\x00-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** What may read as an escape: `_xHHHH_`, and shorter runs of hex digits, which LibreOffice decodes too ("_x0_"). */
const LITERAL_ESCAPE = /_x[0-9A-Fa-f]{0,4}_/;

/**
 * Text as OOXML stores it, the inverse of decodeXString: what XML cannot hold as `_xHHHH_`, a literal
 * `_xHHHH_` (or `_x0_`, `_x_`) with its underscore escaped, `_x005F_xHHHH_`. (XML's own escaping of &, < and >
 * is the XML writer's.)
 */
export function encodeXString(text: string): string {
  // Most texts hold none of it: one pass over a plain character class says so.
  if (!MAYBE_NOT_IN_XML.test(text) && !text.includes("_x")) return text;
  NOT_IN_XML.lastIndex = 0;
  if (!NOT_IN_XML.test(text) && !LITERAL_ESCAPE.test(text)) return text;
  return text.replace(/_(?=x[0-9A-Fa-f]{0,4}_)/g, "_x005F_").replace(NOT_IN_XML, (c) => `_x${hex4(c.charCodeAt(0))}_`);
}
