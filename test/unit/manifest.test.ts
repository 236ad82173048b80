/**
 * Offline checks of manifest.xml: well-formed, shared runtime wired consistently, every resource defined,
 * every URL on the development address and pointing at something the build produces, icons of the right size,
 * French overrides; and the address rewriting used by production builds.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DEV_ADDRESS, normalizeAddress, rewriteAddress } from "../../scripts/webpack/rewriteAddress";
import { langFromLocale } from "../../src/core/language";
import { OFFICE_LOCALES } from "../../src/functions/officeLocales";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** What each URL path of the manifest is built from (webpack outputs), besides assets/ copied as they are. */
const BUILD_SOURCES: Record<string, string> = {
  "taskpane.html": "src/taskpane/taskpane.html",
  "functions.js": "src/functions/functions.ts",
  "functions.json": "src/functions/functions.ts",
  "functions.fr.json": "src/core/i18n/fr/functionMetadata.json",
  "functions.es.json": "src/core/i18n/es/functionMetadata.json",
};

type XmlNode = { [key: string]: XmlNode[] | string } | string;

function parse(xml: string): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  });
  return parser.parse(xml) as XmlNode;
}

/** Direct children named `tag`. */
function children(node: XmlNode, tag: string): XmlNode[] {
  if (typeof node === "string") return [];
  const value = node[tag];
  return Array.isArray(value) ? value : [];
}

/** The single direct child named `tag` (fails otherwise). */
function child(node: XmlNode, tag: string): XmlNode {
  const found = children(node, tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0];
}

/** Every descendant named `tag`, depth first. */
function all(node: XmlNode, tag: string): XmlNode[] {
  if (typeof node === "string") return [];
  const out: XmlNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (!Array.isArray(value)) continue;
    if (key === tag) out.push(...value);
    for (const item of value) out.push(...all(item, tag));
  }
  return out;
}

function attr(node: XmlNode, name: string): string {
  const value = typeof node === "string" ? undefined : node[`@_${name}`];
  if (typeof value !== "string") throw new Error(`missing attribute ${name}`);
  return value;
}

function text(node: XmlNode): string {
  if (typeof node === "string") return node.trim();
  const value = node["#text"];
  return typeof value === "string" ? value.trim() : "";
}

/** Every attribute value in the document that is a URL. */
function urls(node: XmlNode): string[] {
  if (typeof node === "string") return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    const isUrl = typeof value === "string" && key.startsWith("@_") && !key.startsWith("@_xmlns");
    if (isUrl && /^[a-z]+:\/\//i.test(value)) out.push(value);
    if (Array.isArray(value)) for (const item of value) out.push(...urls(item));
  }
  return out;
}

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

const doc = parse(MANIFEST);
const app = child(doc, "OfficeApp");
const overrides = child(app, "VersionOverrides");
const host = child(child(overrides, "Hosts"), "Host");
const resources = child(overrides, "Resources");

/** Resources by kind: id -> node. */
function resourceMap(kind: string, item: string): Map<string, XmlNode> {
  return new Map(children(child(resources, kind), item).map((node) => [attr(node, "id"), node]));
}
const images = resourceMap("bt:Images", "bt:Image");
const urlResources = resourceMap("bt:Urls", "bt:Url");
const shortStrings = resourceMap("bt:ShortStrings", "bt:String");
const longStrings = resourceMap("bt:LongStrings", "bt:String");

function urlOf(resid: string): string {
  const node = urlResources.get(resid);
  if (!node) throw new Error(`no bt:Url ${resid}`);
  return attr(node, "DefaultValue");
}

/** Every locale Excel may run in French or Spanish: each has its own override (src/functions/officeLocales.ts). */
const FRENCH_LOCALES = OFFICE_LOCALES.fr;
const SPANISH_LOCALES = OFFICE_LOCALES.es;

function localeOverride(node: XmlNode, locale: string, tag = "Override"): string | undefined {
  const found = children(node, tag).find((o) => attr(o, "Locale") === locale);
  return found === undefined ? undefined : attr(found, "Value");
}

/** The French override of a node, the same for every French locale (fails the test when one differs or lacks). */
function frenchOverride(node: XmlNode, tag = "Override"): string | undefined {
  const values = new Set(FRENCH_LOCALES.map((locale) => localeOverride(node, locale, tag)));
  expect(values.size).toBe(1);
  return [...values][0];
}

/** The locales a node overrides, sorted. */
function overriddenLocales(node: XmlNode, tag = "Override"): string[] {
  return children(node, tag)
    .map((o) => attr(o, "Locale"))
    .sort();
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(MANIFEST)).toBe(true);
  });

  test("is a task pane add-in for Excel with a fixed GUID, version and default locale", () => {
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(text(child(app, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(child(app, "Version"))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text(child(app, "DefaultLocale"))).toBe("en-US");
    expect(children(child(app, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(attr(host, "xsi:type")).toBe("Workbook");
  });

  test("asks for ReadWriteDocument and nothing else", () => {
    expect(children(app, "Permissions").map(text)).toEqual(["ReadWriteDocument"]);
  });

  test("requires the shared runtime and the custom functions runtime", () => {
    const sets = children(child(child(app, "Requirements"), "Sets"), "Set").map(
      (set) => `${attr(set, "Name")} ${attr(set, "MinVersion")}`,
    );
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.2", "ExcelApi 1.9"]));
  });

  test("runs the task pane, the custom functions and the ribbon in one long-lived runtime", () => {
    const runtimes = children(child(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    const runtime = attr(runtimes[0], "resid");
    expect(attr(runtimes[0], "lifetime")).toBe("long");
    expect(urlOf(runtime)).toBe(`${DEV_ADDRESS}taskpane.html`);

    const functions = all(host, "ExtensionPoint").filter((e) => attr(e, "xsi:type") === "CustomFunctions");
    expect(functions).toHaveLength(1);
    const point = functions[0];
    expect(attr(child(child(point, "Page"), "SourceLocation"), "resid")).toBe(runtime);
    expect(urlOf(attr(child(child(point, "Script"), "SourceLocation"), "resid"))).toBe(`${DEV_ADDRESS}functions.js`);

    const actions = all(host, "Action").filter((a) => attr(a, "xsi:type") === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(attr(child(action, "SourceLocation"), "resid")).toBe(runtime);
      expect(text(child(action, "TaskpaneId"))).toBe("ButtonId1");
    }
    expect(attr(child(child(host, "DesktopFormFactor"), "FunctionFile"), "resid")).toBe(runtime);
    expect(attr(child(child(app, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(urlOf(runtime));
  });

  test("puts the ribbon button on the Home tab", () => {
    const tab = child(child(child(host, "DesktopFormFactor"), "ExtensionPoint"), "OfficeTab");
    expect(attr(tab, "id")).toBe("TabHome");
    expect(all(tab, "Control").map((c) => attr(c, "xsi:type"))).toEqual(["Button"]);
  });

  test("names the custom functions namespace LIAT and localizes their metadata in French", () => {
    const point = all(host, "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions")!;
    const namespace = shortStrings.get(attr(child(point, "Namespace"), "resid"));
    expect(namespace && attr(namespace, "DefaultValue")).toBe("LIAT");
    const metadata = urlResources.get(attr(child(child(point, "Metadata"), "SourceLocation"), "resid"))!;
    expect(attr(metadata, "DefaultValue")).toBe(`${DEV_ADDRESS}functions.json`);
    expect(frenchOverride(metadata, "bt:Override")).toBe(`${DEV_ADDRESS}functions.fr.json`);
    expect(overriddenLocales(metadata, "bt:Override")).toEqual([...FRENCH_LOCALES, ...SPANISH_LOCALES].sort());
    // and the task pane, told one of these locales by Office, speaks the same language
    for (const [lang, locales] of Object.entries(OFFICE_LOCALES))
      for (const locale of locales) expect(langFromLocale(locale)).toBe(lang);
    for (const locale of SPANISH_LOCALES)
      expect(localeOverride(metadata, locale, "bt:Override")).toBe(`${DEV_ADDRESS}functions.es.json`);
  });

  test("defines every resource it refers to, within Office's length limits, and nothing unused", () => {
    const defined = new Set([...images.keys(), ...urlResources.keys(), ...shortStrings.keys(), ...longStrings.keys()]);
    const referenced = new Set(
      [
        ...all(overrides, "SourceLocation"),
        ...all(overrides, "bt:Image"),
        ...all(overrides, "Namespace"),
        ...all(overrides, "Label"),
        ...all(overrides, "Title"),
        ...all(overrides, "Description"),
        ...all(overrides, "Runtime"),
        ...all(overrides, "FunctionFile"),
      ]
        .filter((node) => typeof node !== "string" && typeof node["@_resid"] === "string")
        .map((node) => attr(node, "resid")),
    );
    expect(referenced.size).toBeGreaterThan(5);
    for (const resid of referenced) {
      expect(defined).toContain(resid);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    expect([...defined].filter((id) => !referenced.has(id))).toEqual([]);
    for (const node of shortStrings.values()) expect(attr(node, "DefaultValue").length).toBeLessThanOrEqual(125);
    for (const node of longStrings.values()) expect(attr(node, "DefaultValue").length).toBeLessThanOrEqual(250);
  });

  test("has English names and descriptions with French overrides", () => {
    const displayName = child(app, "DisplayName");
    const description = child(app, "Description");
    expect(attr(displayName, "DefaultValue")).toMatch(/LIAT/);
    expect(frenchOverride(displayName)).toMatch(/LIAT pour Excel/);
    expect(attr(displayName, "DefaultValue").length).toBeLessThanOrEqual(125);
    expect(attr(description, "DefaultValue").length).toBeLessThanOrEqual(250);
    expect(frenchOverride(description)?.length ?? 0).toBeGreaterThan(20);
    expect(frenchOverride(description)!.length).toBeLessThanOrEqual(250);
    for (const node of longStrings.values()) expect(frenchOverride(node, "bt:Override")).toBeTruthy();
    const everyLocale = [...FRENCH_LOCALES, ...SPANISH_LOCALES].sort();
    for (const node of [displayName, description]) expect(overriddenLocales(node)).toEqual(everyLocale);
    for (const node of [...longStrings.values(), ...shortStrings.values()].filter(
      (n) => children(n, "bt:Override").length,
    ))
      expect(overriddenLocales(node, "bt:Override")).toEqual(everyLocale);
    for (const locale of SPANISH_LOCALES) {
      expect(localeOverride(displayName, locale)).toBe("LIAT para Excel");
      expect(localeOverride(description, locale)!.length).toBeLessThanOrEqual(250);
      for (const node of longStrings.values()) expect(localeOverride(node, locale, "bt:Override")).toBeTruthy();
    }
  });

  test("points every URL at the development address, at a file the build produces", () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(8);
    for (const url of found) {
      expect(url.slice(0, DEV_ADDRESS.length)).toBe(DEV_ADDRESS);
      const file = url.slice(DEV_ADDRESS.length);
      const source = file.startsWith("assets/") ? file : BUILD_SOURCES[file];
      expect(source ? `${file} <- ${source}` : `${file}: not built`).toBe(`${file} <- ${source}`);
      expect(existsSync(join(ROOT, source!)) ? source : `${source} missing`).toBe(source);
    }
  });

  test("uses icons of the declared sizes", () => {
    const check = (url: string, size: number) => {
      expect(url).toBe(`${DEV_ADDRESS}assets/icon-${size}.png`);
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual([size, size]);
    };
    check(attr(child(app, "IconUrl"), "DefaultValue"), 32);
    check(attr(child(app, "HighResolutionIconUrl"), "DefaultValue"), 64);
    const sizes = new Set<number>();
    for (const use of all(host, "bt:Image")) {
      const size = Number(attr(use, "size"));
      sizes.add(size);
      check(attr(images.get(attr(use, "resid"))!, "DefaultValue"), size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 80]);
  });
});

describe("production address", () => {
  const address = "https://addins.example.org/liat/";

  test("is checked and normalized", () => {
    expect(normalizeAddress("https://addins.example.org/liat")).toBe(address);
    expect(normalizeAddress(" https://addins.example.org/liat/ ")).toBe(address);
    expect(normalizeAddress("https://addins.example.org")).toBe("https://addins.example.org/");
    expect(normalizeAddress("http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000/");
    expect(() => normalizeAddress("http://addins.example.org/")).toThrow(/HTTPS/);
    expect(() => normalizeAddress("addins.example.org/liat")).toThrow(/absolute URL/);
    expect(() => normalizeAddress("https://addins.example.org/liat/?x=1")).toThrow(/query/);
    expect(() => normalizeAddress("")).toThrow(/absolute URL/);
  });

  test("replaces every development URL of the manifest and keeps it valid", () => {
    const rewritten = rewriteAddress(MANIFEST, "https://addins.example.org/liat");
    expect(rewritten).not.toContain(DEV_ADDRESS);
    expect(XMLValidator.validate(rewritten)).toBe(true);
    const before = urls(doc).filter((url) => url.startsWith(DEV_ADDRESS));
    const after = urls(parse(rewritten)).filter((url) => url.startsWith(address));
    expect(after).toEqual(before.map((url) => address + url.slice(DEV_ADDRESS.length)));
    expect(rewritten.replaceAll(address, DEV_ADDRESS)).toBe(MANIFEST);
  });

  test("leaves the manifest unchanged for the development address", () => {
    expect(rewriteAddress(MANIFEST, DEV_ADDRESS)).toBe(MANIFEST);
    expect(rewriteAddress("see https://localhost:3000/a and https://localhost:3000/b", "https://x.org/")).toBe(
      "see https://x.org/a and https://x.org/b",
    );
  });
});
