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

/** What an ASCII character may be in a name: its first character (letters, "_", ":"), or any other (digits, ".", "-" too). */
const NAME_START = 1;
const NAME = 2;
/** Each UTF-16 code unit's NAME_START and NAME bits (a table: one read per character, no call). */
const NAME_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
  const other = (c >= 48 && c <= 57) || c === 46 || c === 45;
  NAME_CLASS[c] = letter ? NAME_START | NAME : other ? NAME : 0;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** A name as read (element or attribute), with its local name (without prefix) for the handlers. */
interface Name {
  readonly name: string;
  readonly local: string;
}

/** Names at most this long are kept in the table of names read (they are few: the same ones repeat). */
const MAX_KEPT_NAME = 64;
/** The names read, by a hash of their characters (a slot holds the last name read with that hash). */
const NAMES: (Name | undefined)[] = new Array<Name | undefined>(1024).fill(undefined);
/** The names of one character, by their character (ASCII). */
const ONE_LETTER: (Name | undefined)[] = new Array<Name | undefined>(128).fill(undefined);

/**
 * The name s[start, end) (hash: its characters' hash), from the table of names read when it is there: no text
 * cut per tag, and the same string each time (a property key the engine already knows).
 */
function nameAt(s: string, start: number, end: number, hash: number): Name {
  const length = end - start;
  if (length === 1) return (ONE_LETTER[hash] ??= newName(s.slice(start, end)));
  const slot = (hash ^ (hash >>> 10) ^ length) & 1023;
  const kept = NAMES[slot];
  if (kept !== undefined && kept.name.length === length) {
    const name = kept.name;
    let k = 0;
    while (k < length && name.charCodeAt(k) === s.charCodeAt(start + k)) k++;
    if (k === length) return kept;
  }
  const read = newName(s.slice(start, end));
  if (length <= MAX_KEPT_NAME) NAMES[slot] = read;
  return read;
}

function newName(text: string): Name {
  // a property key's own string (the engine's single copy of it): looking it up again costs nothing
  const name = Object.keys({ [text]: 0 })[0]!;
  return { name, local: localName(name) };
}

/** The attributes of every tag without any: one object, never changed (the handlers only read attributes). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** The strings of one ASCII character, made once: most values of one character (t="s", s="1", <v>0</v>) are these. */
const ONE_CHAR: string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** s[from, to) of plain text (no reference to decode): a string of one ASCII character from ONE_CHAR. */
function plainText(s: string, from: number, to: number): string {
  if (to - from === 1) {
    const c = s.charCodeAt(from);
    if (c < 128) return ONE_CHAR[c]!;
  }
  return s.slice(from, to);
}

/**
 * The attributes of a tag as an object: those of a cell or a row (r, s, t in this order) built at once, in one
 * shape each; any others one by one.
 */
function attributesOf(names: string[], values: string[], count: number): Record<string, string> {
  switch (count) {
    case 0:
      return NO_ATTRIBUTES;
    case 1:
      if (names[0] === "r") return { r: values[0]! };
      break;
    case 2:
      if (names[0] === "r") {
        if (names[1] === "s") return { r: values[0]!, s: values[1]! };
        if (names[1] === "t") return { r: values[0]!, t: values[1]! };
      }
      break;
    case 3:
      if (names[0] === "r" && names[1] === "s" && names[2] === "t")
        return { r: values[0]!, s: values[1]!, t: values[2]! };
      break;
  }
  // A plain object (saxes gives one without prototype: the names that would differ stop this reader here).
  const attributes: Record<string, string> = {};
  for (let k = 0; k < count; k++) {
    const name = names[k]!;
    // a repeated attribute, or one named as an object's own property (constructor, __proto__...)
    if (attributes[name] !== undefined) stop("repeated attribute");
    attributes[name] = values[k]!;
  }
  return attributes;
}

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
  /** The elements open, the innermost last (open[0, depth): the rest is left from elements closed). */
  private readonly open: Name[] = [];
  private depth = 0;
  private started = false;
  private rootDone = false;
  private declared = false;
  /** The attributes of the tag being read (names and values), gathered before they make its object. */
  private readonly names: string[] = [];
  private readonly values: string[] = [];

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): void {
    const s = this.rest === "" ? chunk : this.rest + chunk;
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
      // the text up to the next tag, and whether it holds a character to look at (else it is taken as is)
      let lt = pos;
      let plain = true;
      for (; lt < n; lt++) {
        const c = s.charCodeAt(lt);
        if (c === 60) break;
        if (c < 0x20 || c === 38 || c === 62 || c >= 0xd800) plain = false;
      }
      if (lt >= n) break;
      if (lt > pos) this.text(s, pos, lt, plain);
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
      if (this.rest.includes("<") || this.depth > 0 || !blank(this.rest, 0, this.rest.length)) stop("unfinished XML");
      this.text(this.rest, 0, this.rest.length, false);
      this.rest = "";
    }
    if (this.depth > 0 || !this.rootDone) stop("unfinished XML");
  }

  /** The text s[from, to); plain: it holds no character decode() would look at. */
  private text(s: string, from: number, to: number, plain: boolean): void {
    if (this.depth === 0) {
      if (!blank(s, from, to)) stop("text outside the root element");
      // saxes says nothing of the white space that starts a document (only of what follows a declaration)
      if (!this.rootDone && !this.declared) return;
      if (s.indexOf("\r", from) >= 0 && s.indexOf("\r", from) < to) stop("a CR");
      this.handlers.text?.(s.slice(from, to));
      return;
    }
    const value = plain ? plainText(s, from, to) : decode(s, from, to, false);
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
      const open = this.depth > 0 ? this.open[this.depth - 1] : undefined;
      i++;
      // the usual end of a cell's value or a cell: </v>, </c>, one letter and ">" at once
      if (open !== undefined && open.name.length === 1 && i + 1 < n && s.charCodeAt(i + 1) === 62) {
        if (s.charCodeAt(i) !== open.name.charCodeAt(0)) stop("mismatched end tag");
        if (--this.depth === 0) this.rootDone = true;
        this.handlers.close?.(open.local);
        return i + 2;
      }
      const start = i;
      if (i < n && (NAME_CLASS[s.charCodeAt(i)] & NAME_START) !== 0) {
        i++;
        while (i < n && (NAME_CLASS[s.charCodeAt(i)] & NAME) !== 0) i++;
      }
      if (i >= n) return -1;
      if (open === undefined || i - start !== open.name.length) stop("mismatched end tag");
      const name = open!.name;
      for (let k = 0; k < name.length; k++)
        if (name.charCodeAt(k) !== s.charCodeAt(start + k)) stop("mismatched end tag");
      let c = s.charCodeAt(i);
      while (c === 32 || c === 10 || c === 9 || c === 13) {
        if (++i >= n) return -1;
        c = s.charCodeAt(i);
      }
      if (c !== 62) stop("malformed end tag");
      if (--this.depth === 0) this.rootDone = true;
      this.handlers.close?.(open!.local);
      return i + 1;
    }
    if ((NAME_CLASS[c1] & NAME_START) === 0) {
      if (c1 >= 0x80) stop("non-ASCII name");
      return stop(c1 === 33 ? "comment, CDATA or DOCTYPE" : c1 === 63 ? "processing instruction" : "malformed tag");
    }
    if (this.rootDone) stop("a second root element");
    const start = i;
    let hash = 0;
    let c = c1;
    do {
      hash = (Math.imul(hash, 31) + c) | 0;
      if (++i >= n) return -1;
      c = s.charCodeAt(i);
    } while ((NAME_CLASS[c] & NAME) !== 0);
    const element = nameAt(s, start, i, hash);
    const names = this.names;
    const values = this.values;
    let count = 0;
    for (;;) {
      const before = i;
      while (c === 32 || c === 10 || c === 9 || c === 13) {
        if (++i >= n) return -1;
        c = s.charCodeAt(i);
      }
      if (c === 62 || c === 47) {
        let selfClosing = false;
        if (c === 47) {
          if (i + 1 >= n) return -1;
          if (s.charCodeAt(i + 1) !== 62) stop("malformed tag");
          selfClosing = true;
          i++;
        }
        const attributes = attributesOf(names, values, count);
        this.open[this.depth++] = element;
        this.handlers.open(element.local, attributes);
        if (selfClosing) {
          if (--this.depth === 0) this.rootDone = true;
          this.handlers.close?.(element.local);
        }
        return i + 1;
      }
      if (i === before || (NAME_CLASS[c] & NAME_START) === 0)
        stop(c >= 0x80 ? "non-ASCII name" : "malformed attribute");
      const nameStart = i;
      hash = 0;
      do {
        hash = (Math.imul(hash, 31) + c) | 0;
        if (++i >= n) return -1;
        c = s.charCodeAt(i);
      } while ((NAME_CLASS[c] & NAME) !== 0);
      const attribute = nameAt(s, nameStart, i, hash).name;
      while (c === 32 || c === 10 || c === 9 || c === 13) {
        if (++i >= n) return -1;
        c = s.charCodeAt(i);
      }
      if (c !== 61) stop("malformed attribute");
      if (++i >= n) return -1;
      c = s.charCodeAt(i);
      while (c === 32 || c === 10 || c === 9 || c === 13) {
        if (++i >= n) return -1;
        c = s.charCodeAt(i);
      }
      const quote = c;
      if (quote !== 34 && quote !== 39) stop("unquoted attribute");
      // the closing quote, and whether the value holds a character to look at (else it is taken as is)
      let close = i + 1;
      let plain = true;
      for (; close < n; close++) {
        const v = s.charCodeAt(close);
        if (v === quote) break;
        if (v < 0x20 || v === 38 || v === 60 || v >= 0xd800) plain = false;
      }
      if (close >= n) return -1;
      names[count] = attribute;
      values[count++] = plain ? plainText(s, i + 1, close) : decode(s, i + 1, close, true);
      i = close + 1;
      if (i >= n) return -1;
      c = s.charCodeAt(i);
    }
  }
}
