/**
 * A fast reader of plain XML, for the worksheets (the large parts of a workbook): the markup spreadsheet
 * programs write (elements, attributes in quotes, text with the predefined and numeric character references)
 * gives the same events as saxes, several times faster. Anything else stops it with NotPlainXml before an
 * event says something saxes would not say: comments, CDATA, a DOCTYPE, processing instructions, a CR or a
 * character XML forbids in the text, non-ASCII names, markup saxes refuses (mismatched tags, a repeated
 * attribute, ...). The part is then read again by saxes, which has the last word on what the XML says.
 */
import { localName, ReadStop, type XmlHandlers } from "./partStream";

/** The XML is not of the plain kind this reader takes: read the part with saxes instead. */
export class NotPlainXml extends ReadStop {}

const stop = (why: string): never => {
  throw new NotPlainXml(why);
};

/** An ASCII name character: letters, digits, "_", ":", "." and "-" (first: no digit, ".", "-"). */
function isNameChar(c: number, first: boolean): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58) return true;
  return !first && ((c >= 48 && c <= 57) || c === 46 || c === 45);
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

const NAMED = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** A character reference's code point, when XML allows the character. */
function charOf(code: number): string {
  const allowed =
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : stop("character reference to a character XML forbids");
}

/**
 * Text or an attribute value as XML reads it, from s[from, to): references replaced. Stops on what it does
 * not take: a CR, a tab or line feed in an attribute (XML turns them into spaces), characters XML forbids,
 * non-BMP characters (surrogates), "]]>", "<" in an attribute, an unknown or malformed reference.
 */
function decode(s: string, from: number, to: number, attribute: boolean): string {
  let out = "";
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800 && c !== 38 && c !== 60 && c !== 62) continue;
    if (c === 62) {
      if (!attribute && s.charCodeAt(i - 1) === 93 && s.charCodeAt(i - 2) === 93 && i - 2 >= from) stop('"]]>"');
      continue;
    }
    if (c === 38) {
      const end = s.indexOf(";", i + 1);
      if (end < 0 || end >= to || end - i > 12) stop("malformed reference");
      const ref = s.slice(i + 1, end);
      let ch: string;
      if (ref.charCodeAt(0) === 35) {
        const hex = ref.charCodeAt(1) === 120;
        const digits = ref.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) stop("malformed character reference");
        ch = charOf(parseInt(digits, hex ? 16 : 10));
      } else ch = NAMED.get(ref) ?? stop("named reference");
      out += s.slice(start, i) + ch;
      i = end;
      start = end + 1;
      continue;
    }
    if (c === 9 || c === 10) {
      if (attribute) stop("white space in an attribute value");
      continue;
    }
    if (c >= 0xe000 && c <= 0xfffd) continue;
    stop("a character this reader does not take");
  }
  return start === from ? s.slice(from, to) : out + s.slice(start, to);
}

/** True when s[from, to) holds only XML white space. */
function blank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Longest text or tag kept waiting for its end (characters): what a cell holds, escaped, is far shorter. A longer
 * one goes to saxes (kept here, it would be searched again with each piece that does not end it).
 */
const MAX_PENDING = 1 << 20;

/** The XML declaration spreadsheet programs write (version 1.0), at the very start. */
const DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\5)?[ \t\r\n]*\?>/;

/** A streaming parser of plain XML with saxes's events for the handlers: `write` the text in pieces, then `close`. */
export class PlainXmlParser {
  private rest = "";
  private readonly open: string[] = [];
  private started = false;
  private rootDone = false;
  private declared = false;

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): void {
    const s = this.rest + chunk;
    this.rest = "";
    let pos = 0;
    if (!this.started) {
      if (s.length < 6 && "<?xml ".startsWith(s)) {
        this.rest = s;
        return;
      }
      this.started = true;
      if (s.startsWith("<?xml")) {
        const end = s.indexOf("?>");
        if (end < 0) {
          if (s.length > 1000) stop("XML declaration");
          this.rest = s;
          this.started = false;
          return;
        }
        const m = DECLARATION.exec(s);
        if (m === null || m[0].length !== end + 2) stop("XML declaration");
        pos = end + 2;
        this.declared = true;
      }
    }
    const n = s.length;
    while (pos < n) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) break;
      if (lt > pos) this.text(s, pos, lt);
      const end = this.tag(s, lt);
      if (end < 0) {
        pos = lt;
        break;
      }
      pos = end;
    }
    if (pos < n) {
      if (n - pos > MAX_PENDING) stop("a text or tag longer than the reader keeps");
      this.rest = s.slice(pos);
    }
  }

  close(): void {
    if (this.rest !== "") {
      if (this.rest.includes("<") || this.open.length > 0 || !blank(this.rest, 0, this.rest.length))
        stop("unfinished XML");
      this.text(this.rest, 0, this.rest.length);
      this.rest = "";
    }
    if (this.open.length > 0 || !this.rootDone) stop("unfinished XML");
  }

  private text(s: string, from: number, to: number): void {
    if (this.open.length === 0) {
      if (!blank(s, from, to)) stop("text outside the root element");
      // saxes says nothing of the white space that starts a document (only of what follows a declaration)
      if (!this.rootDone && !this.declared) return;
      if (s.indexOf("\r", from) >= 0 && s.indexOf("\r", from) < to) stop("a CR");
      this.handlers.text?.(s.slice(from, to));
      return;
    }
    const value = decode(s, from, to, false);
    if (this.handlers.text && value !== "") this.handlers.text(value);
  }

  /** Reads the tag at s[lt] and calls its handlers; returns where it ends, or -1 when s ends before it does. */
  private tag(s: string, lt: number): number {
    const n = s.length;
    let i = lt + 1;
    if (i >= n) return -1;
    const c1 = s.charCodeAt(i);
    if (c1 === 47) {
      // </name>, the name of the element open
      const name = this.open[this.open.length - 1];
      i++;
      const start = i;
      while (i < n && isNameChar(s.charCodeAt(i), i === start)) i++;
      if (i >= n) return -1;
      if (name === undefined || i - start !== name.length || !s.startsWith(name, start)) stop("mismatched end tag");
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== 62) stop("malformed end tag");
      this.open.pop();
      if (this.open.length === 0) this.rootDone = true;
      this.handlers.close?.(localName(name!));
      return i + 1;
    }
    if (!isNameChar(c1, true)) {
      if (c1 >= 0x80) stop("non-ASCII name");
      return stop(c1 === 33 ? "comment, CDATA or DOCTYPE" : c1 === 63 ? "processing instruction" : "malformed tag");
    }
    if (this.rootDone) stop("a second root element");
    const start = i;
    while (i < n && isNameChar(s.charCodeAt(i), false)) i++;
    if (i >= n) return -1;
    const name = s.slice(start, i);
    // A plain object (saxes gives one without prototype: the names that would differ stop this reader below).
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = i;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === 62 || c === 47) {
        let selfClosing = false;
        if (c === 47) {
          if (i + 1 >= n) return -1;
          if (s.charCodeAt(i + 1) !== 62) stop("malformed tag");
          selfClosing = true;
          i++;
        }
        const local = localName(name);
        this.open.push(name);
        this.handlers.open(local, attributes);
        if (selfClosing) {
          this.open.pop();
          if (this.open.length === 0) this.rootDone = true;
          this.handlers.close?.(local);
        }
        return i + 1;
      }
      if (i === before || !isNameChar(c, true)) stop(c >= 0x80 ? "non-ASCII name" : "malformed attribute");
      const nameStart = i;
      while (i < n && isNameChar(s.charCodeAt(i), false)) i++;
      const attribute = s.slice(nameStart, i);
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (s.charCodeAt(i) !== 61) stop("malformed attribute");
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const quote = s.charCodeAt(i);
      if (quote !== 34 && quote !== 39) stop("unquoted attribute");
      const close = s.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      // a repeated attribute, or one named as an object's own property (constructor, __proto__...)
      if (attributes[attribute] !== undefined) stop("repeated attribute");
      attributes[attribute] = decode(s, i + 1, close, true);
      i = close + 1;
    }
  }
}
