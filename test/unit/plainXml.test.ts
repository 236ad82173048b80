/**
 * The plain XML reader (src/xlsx/plainXml.ts) against saxes: on any document, in any pieces, it either gives
 * exactly saxes's events or stops with NotPlainXml (and the part is then read by saxes); it never takes
 * what saxes refuses, and it does take the XML spreadsheet programs write.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import type { XmlHandlers } from "../../src/xlsx/partStream";
import { NotPlainXml, PlainXmlParser } from "../../src/xlsx/plainXml";

type Event = [string, string, Record<string, string>?];

/** A document's events by saxes, or "refused" when saxes finds it malformed. */
function bySaxes(xml: string): Event[] | "refused" {
  const events: Event[] = [];
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  p.on("opentag", (t) => events.push(["open", local(t.name), { ...t.attributes }]));
  p.on("closetag", (t) => events.push(["close", local(t.name)]));
  p.on("text", (t) => events.push(["text", t]));
  p.on("cdata", (t) => events.push(["text", t]));
  try {
    p.write(xml).close();
  } catch {
    return "refused";
  }
  return events;
}

/** The same by the plain reader, the text given in these pieces; "stopped" when it leaves the part to saxes. */
function byPlain(xml: string, cuts: number[]): Event[] | "stopped" {
  const events: Event[] = [];
  const handlers: XmlHandlers = {
    open: (name, attributes) => events.push(["open", name, { ...attributes }]),
    text: (text) => events.push(["text", text]),
    close: (name) => events.push(["close", name]),
  };
  const p = new PlainXmlParser(handlers);
  try {
    let at = 0;
    for (const cut of [...cuts.map((c) => c % (xml.length + 1)).sort((a, b) => a - b), xml.length]) {
      if (cut > at) p.write(xml.slice(at, cut));
      at = Math.max(at, cut);
    }
    p.close();
  } catch (e) {
    if (e instanceof NotPlainXml) return "stopped";
    throw e;
  }
  return events;
}

/** Mostly what spreadsheet programs write, sometimes what the plain reader leaves to saxes or saxes refuses. */
const mostly = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: odd, weight: 1 });

const text = mostly(
  fc.oneof(
    fc.constantFrom(
      "",
      "1.5",
      " x ",
      "a &amp; b",
      "&lt;&gt;&quot;&apos;",
      "&#13;&#10;&#x9;&#65;",
      "Données é œ",
      "\n  ",
      "tab\there",
      "]]",
      "a > b",
    ),
    fc.stringMatching(/^[a-z0-9 ._]{0,6}$/),
  ),
  fc.oneof(
    fc.constantFrom("&#1;", "&#xD800;", "&#x1F600;", "&foo;", "& b", "a\r\nb", "]]>", "😀", "\uFFFE", "\u0001", "<"),
    fc.string({ maxLength: 4 }),
  ),
);
const attrValue = mostly(
  fc.oneof(fc.constantFrom("1", "A1", "a>b", "x&amp;y", "&#13;", "", "é", "1:3"), fc.stringMatching(/^[a-z0-9]{0,5}$/)),
  fc.oneof(fc.constantFrom("a<b", "a\tb", "a\nb", "'", '"', "&x;"), fc.string({ maxLength: 4 })),
);
const name = mostly(
  fc.oneof(
    fc.constantFrom("c", "v", "row", "x:c", "sheetData", "is", "t", "_a", "a-b.c"),
    fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9._:-]{0,4}$/),
  ),
  fc.constantFrom("é", "1a", "constructor", "__proto__", "-a"),
);
const attribute = fc.record({
  // a cell's and a row's attributes (r, s, t: read in one shape each when in this order), or any name
  name: fc.oneof(fc.constantFrom("r", "s", "t"), name),
  value: attrValue,
  quote: fc.constantFrom('"', "'"),
  space: mostly(fc.constantFrom(" ", "  ", "\n "), fc.constant("")),
});

interface Node {
  name: string;
  attributes: { name: string; value: string; quote: string; space: string }[];
  children: (Node | string)[];
  selfClosing: boolean;
  closeName?: string;
}
const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    name,
    attributes: fc.array(attribute, { maxLength: 3 }),
    children:
      depth > 1 ? fc.array(fc.oneof(text, node(depth - 1)), { maxLength: 4 }) : fc.array(text, { maxLength: 2 }),
    selfClosing: fc.boolean(),
    closeName: mostly(fc.constant(undefined), name),
  }),
);
function write(n: Node | string): string {
  if (typeof n === "string") return n;
  const attrs = n.attributes.map((a) => `${a.space}${a.name}=${a.quote}${a.value}${a.quote}`).join("");
  if (n.selfClosing && n.children.length === 0) return `<${n.name}${attrs}/>`;
  return `<${n.name}${attrs}>${n.children.map(write).join("")}</${n.closeName ?? n.name}>`;
}
const document = fc.record({
  declaration: mostly(
    fc.constantFrom(
      "",
      '<?xml version="1.0"?>',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      "<?xml version='1.0' encoding='utf-8'?>",
    ),
    fc.constantFrom('<?xml version="1.1"?>', ' <?xml version="1.0"?>', '<?xml version="1.0" standalone="maybe"?>'),
  ),
  before: mostly(fc.constantFrom("", "\n"), fc.constantFrom("<!-- c -->", "<?pi x?>", "<!DOCTYPE a>", "x")),
  root: node(3),
  after: mostly(fc.constantFrom("", "\n", " "), fc.constantFrom(" x", "<a/>", "<!-- c -->", "\r")),
  inside: mostly(fc.constant(""), fc.constantFrom("<![CDATA[x]]>", "<!-- c -->", "<?pi?>")),
});

describe("the plain XML reader", () => {
  it("gives saxes's events, or leaves the part to saxes; never takes what saxes refuses", () => {
    let taken = 0;
    let refused = 0;
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 4 }), (d, cuts) => {
        const root = write({ ...d.root, children: [d.inside, ...d.root.children], selfClosing: false });
        const xml = d.declaration + d.before + root + d.after;
        const saxes = bySaxes(xml);
        if (saxes === "refused") refused++;
        const plain = byPlain(xml, cuts);
        if (plain === "stopped") return;
        taken++;
        expect(plain).toEqual(saxes);
      }),
      { numRuns: 3000 },
    );
    // the comparison is not empty: many documents are taken, and many are refused by saxes (so never taken)
    expect(taken).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it("gives the same result wherever the text is cut into pieces, stopping included", () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 12 }), (d, cuts) => {
        const root = write({ ...d.root, children: [d.inside, ...d.root.children], selfClosing: false });
        const xml = d.declaration + d.before + root + d.after;
        expect(byPlain(xml, cuts)).toEqual(byPlain(xml, []));
        // in pieces of one character each: every cut at once
        expect(
          byPlain(
            xml,
            Array.from(xml, (_, i) => i),
          ),
        ).toEqual(byPlain(xml, []));
      }),
      { numRuns: 1000 },
    );
  });

  it("takes the XML of a worksheet as spreadsheet programs write it, whatever the pieces", () => {
    const sheet =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>' +
      '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">' +
      'a &amp; b &lt;c&gt; &#13;_x000D_ é œ</t></is></c><c r="C1"><f>SUM(A1:B1)</f><v>3</v></c></row>' +
      '<row r="3"><c r="A3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="B3" t="b"><v>1</v></c></row>' +
      '</sheetData><pageMargins left="0.7" right="0.7"/></worksheet>';
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (cuts) => {
        const plain = byPlain(sheet, cuts);
        expect(plain).not.toBe("stopped");
        expect(plain).toEqual(bySaxes(sheet));
      }),
    );
  });
});
