/**
 * Workbooks for the reader's benchmarks, made here (nothing big is committed): LIAT workbooks of
 * any size written as plain OOXML parts and zipped with fflate, and zip bombs whose inflated
 * gigabytes cost almost nothing to make (one deflate block of spaces, repeated).
 */
import { deflateRawSync, constants } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { OBJECTIVE_CODES } from "../src/core/catalogue";
import { isoDateToSerial } from "../src/core/dates";
import { COLUMNS } from "../src/core/layout";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const STATUSES = ["Non commencé", "Planifié", "En cours", "Mis en œuvre", "Pérennisé", "Non applicable"];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const colName = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : "A" + String.fromCharCode(65 + i - 26));

function packageParts(sheets: string[]): Record<string, string> {
  return {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook ${NS} xmlns:r="${RNS}"><sheets>${sheets
      .map((s, i) => `<sheet name="${esc(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}<Relationship Id="rS" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  };
}

/**
 * A filled LIAT workbook: a cover (city, period) and one table of `rows` objective rows (the 39
 * codes in turn), every entry column filled, text in shared strings as Excel writes it.
 */
export function liatWorkbook(city: string, period: string, rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (text: string) => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  const cover = [
    `<row r="1"><c r="A1" t="s"><v>${s("Commune")}</v></c><c r="B1" t="s"><v>${s(city)}</v></c></row>`,
    `<row r="2"><c r="A2" t="s"><v>${s("Période")}</v></c><c r="B2" t="s"><v>${s(period)}</v></c></row>`,
  ].join("");
  const header = COLUMNS.map((c, i) => `<c r="${colName(i)}1" t="s"><v>${s(c.header.fr)}</v></c>`).join("");
  const start = isoDateToSerial("2025-01-01")!;
  const body: string[] = [`<row r="1">${header}</row>`];
  for (let r = 0; r < rows; r++) {
    const n = r + 2;
    const code = OBJECTIVE_CODES[r % OBJECTIVE_CODES.length]!;
    const cells = COLUMNS.map((c, i) => {
      const ref = `${colName(i)}${n}`;
      switch (c.key) {
        case "code":
          return `<c r="${ref}" t="s"><v>${s(code)}</v></c>`;
        case "status":
          return `<c r="${ref}" t="s"><v>${s(STATUSES[(r * 7) % STATUSES.length]!)}</v></c>`;
        case "start":
        case "end":
          return `<c r="${ref}" s="1"><v>${start + (r % 300)}</v></c>`;
        case "budget":
        case "beneficiaries":
          return `<c r="${ref}"><v>${(r * 37) % 10000}</v></c>`;
        case "points":
          return `<c r="${ref}"><f>IF(1,50,0)</f><v>50</v></c>`;
        case "currency":
          return `<c r="${ref}" t="s"><v>${s("EUR")}</v></c>`;
        default:
          return `<c r="${ref}" t="s"><v>${s(`${c.header.en} ${city} ${r % 97}`)}</v></c>`;
      }
    });
    body.push(`<row r="${n}">${cells.join("")}</row>`);
  }
  const parts = packageParts(["LIAT", "Emploi"]);
  parts["xl/worksheets/sheet1.xml"] =
    `<?xml version="1.0"?><worksheet ${NS}><sheetData>${cover}</sheetData></worksheet>`;
  parts["xl/worksheets/sheet2.xml"] =
    `<?xml version="1.0"?><worksheet ${NS}><sheetData>${body.join("")}</sheetData></worksheet>`;
  parts["xl/sharedStrings.xml"] = `<?xml version="1.0"?><sst ${NS} count="${strings.length}">${strings
    .map((t) => `<si><t>${esc(t)}</t></si>`)
    .join("")}</sst>`;
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), { level: 6 });
}

/** A sheet of `rows` rows with one number each, down to Excel's last row when asked. */
export function tallSheetWorkbook(rows: number): Uint8Array {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const parts = packageParts(["Tall"]);
  parts["xl/worksheets/sheet1.xml"] =
    `<?xml version="1.0"?><worksheet ${NS}><sheetData>${body.join("")}</sheetData></worksheet>`;
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])), { level: 6 });
}

/** One zip entry as written by zipBomb: its name, deflated bytes and sizes. */
interface RawEntry {
  name: string;
  data: Uint8Array;
  size: number;
  declared: number;
}

/** A zip of raw deflated entries, with zip64 sizes where a size needs them (crc left 0: unchecked). */
function writeZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const big = e.declared >= 0xffffffff;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, big ? 45 : 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, big ? 0xffffffff : e.declared, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, e.data);
    const extra = big ? new DataView(new ArrayBuffer(12)) : null;
    if (extra) {
      extra.setUint16(0, 1, true);
      extra.setUint16(2, 8, true);
      extra.setUint32(4, e.declared % 2 ** 32, true);
      extra.setUint32(8, Math.floor(e.declared / 2 ** 32), true);
    }
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 45, true);
    c.setUint16(6, big ? 45 : 20, true);
    c.setUint16(10, 8, true);
    c.setUint32(20, e.data.length, true);
    c.setUint32(24, big ? 0xffffffff : e.declared, true);
    c.setUint16(28, name.length, true);
    c.setUint16(30, extra ? 12 : 0, true);
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), name, ...(extra ? [new Uint8Array(extra.buffer)] : []));
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, entries.length, true);
  eocd.setUint16(10, entries.length, true);
  eocd.setUint32(12, centralSize, true);
  eocd.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(eocd.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A workbook whose sheet is `gib` GiB of XML (spaces inside sheetData) deflated to a few MB, made
 * without inflating anything: one sync-flushed deflate block of 1 MiB of spaces, repeated. The
 * sheet's size is declared honestly (zip64), or as a lie of 1 MB when `lying`.
 */
export function zipBomb(gib: number, lying: boolean): Uint8Array {
  const head = `<?xml version="1.0"?><worksheet ${NS}><sheetData>`;
  const tail = "</sheetData></worksheet>";
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const headBlock = deflateRawSync(Buffer.from(head), flush);
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), flush);
  const tailBlock = deflateRawSync(Buffer.from(tail));
  const repeats = gib * 1024;
  const data = new Uint8Array(headBlock.length + block.length * repeats + tailBlock.length);
  data.set(headBlock, 0);
  for (let i = 0; i < repeats; i++) data.set(block, headBlock.length + i * block.length);
  data.set(tailBlock, headBlock.length + block.length * repeats);
  const size = head.length + repeats * (1 << 20) + tail.length;
  const small = (name: string, text: string): RawEntry => {
    const bytes = strToU8(text);
    return { name, data: deflateRawSync(bytes), size: bytes.length, declared: bytes.length };
  };
  const parts = packageParts(["Bomb"]);
  return writeZip([
    ...Object.entries(parts).map(([k, v]) => small(k, v)),
    { name: "xl/worksheets/sheet1.xml", data, size, declared: lying ? 1_000_000 : size },
  ]);
}
