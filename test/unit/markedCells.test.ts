/**
 * What the reader marks on a cell reaches the consolidation: a formula saved without its result and
 * text longer than an Excel cell holds are each listed as not merged (file, sheet, cell, reason in
 * every language), in the workbook and the JSON; the formula gets no misleading "enter the status".
 * The file is crafted here part by part (nothing committed).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { checkWorkbook } from "../../src/core/consolidate";
import { EXCEL_MAX_CELL_TEXT } from "../../src/core/grid";
import { text } from "../../src/core/i18n/texts";
import { LANGUAGES } from "../../src/core/language";
import { loadExcel, readOk, runLiat } from "./cliFixtures";

jest.setTimeout(60_000);

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

const str = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${s}</t></is></c>`;
const formula = (ref: string, f: string) => `<c r="${ref}"><f>${f}</f></c>`;
const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;

const LONG = "é".repeat(EXCEL_MAX_CELL_TEXT + 25);

/** One sheet "Retour": a LIAT table whose cells the reader marks, and a control row. */
function markedBook(): Uint8Array {
  const sheet = [
    row(1, str("A1", "Code"), str("B1", "Statut"), str("C1", "Responsable"), str("D1", "Commentaires")),
    // status computed by a formula the sender's program never calculated
    row(2, str("A2", "1.1.1"), formula("B2", "VLOOKUP(A2,Suivi!A:B,2,FALSE)"), str("C2", "Service social")),
    // a comment longer than an Excel cell holds
    row(3, str("A3", "1.1.2"), str("B3", "En cours"), str("C3", "Mairie"), str("D3", LONG)),
    // a row with nothing but an uncalculated formula: skipped as a row, still listed
    row(4, formula("B4", "Suivi!B4")),
    // control: a status really left blank while the row is filled
    row(5, str("A5", "1.1.3"), str("C5", "Service jeunesse")),
  ].join("");
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook ${NS} xmlns:r="${RNS}"><sheets><sheet name="Retour" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RNS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheet}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "liat-marks-"));
  writeFileSync(join(dir, "retour.xlsx"), markedBook());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const liat = (...argv: string[]) => runLiat(argv, dir, "en_US.UTF-8");

interface JsonOut {
  rows: { code: string; address: string; values: Record<string, unknown>; issues: { key: string; field: string }[] }[];
  notMerged: { fileName: string; sheet: string; cell: string; value: unknown; reason: Record<string, string> }[];
}

describe("cells the reader marks, in the consolidation", () => {
  let json: JsonOut;
  beforeAll(async () => {
    const r = await liat("merge", "retour.xlsx", "-o", "out.xlsx", "--json", "out.json");
    expect(r.code).toBe(0);
    expect(r.err).toContain("3");
    json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as JsonOut;
  });

  it("lists a formula without a saved result where it is, in every language, and not as a missing status", () => {
    const formulas = json.notMerged.filter((n) => n.cell === "B2" || n.cell === "B4");
    expect(formulas.map((n) => [n.fileName, n.sheet, n.cell, n.value])).toEqual([
      ["retour.xlsx", "Retour", "B2", "=VLOOKUP(A2,Suivi!A:B,2,FALSE)"],
      ["retour.xlsx", "Retour", "B4", "=Suivi!B4"],
    ]);
    for (const lang of LANGUAGES)
      expect(formulas[1]!.reason[lang]).toBe(text(lang, "messages:formulaNoValue", { value: "=Suivi!B4" }));
    expect(formulas[0]!.reason.fr).toMatch(/^Formule sans résultat enregistré/);
    expect(formulas[0]!.reason.es).toMatch(/^Fórmula sin resultado guardado/);

    const byCode = new Map(json.rows.map((r) => [r.code, r]));
    expect(byCode.get("1.1.1")!.values.status).toBeNull();
    expect(byCode.get("1.1.1")!.issues.map((i) => i.key)).not.toContain("statusRequired");
    // the control row, whose status is really blank, is told to enter it
    expect(byCode.get("1.1.3")!.issues.map((i) => i.key)).toContain("statusRequired");
  });

  it("lists text over 32,767 characters where it is cut, and keeps it whole in the JSON", () => {
    const cut = json.notMerged.filter((n) => n.cell === "D3");
    expect(cut).toHaveLength(1);
    expect(cut[0]!.value).toBe(LONG);
    expect(cut[0]!.reason.en).toBe(text("en", "messages:textCut", { length: LONG.length, max: EXCEL_MAX_CELL_TEXT }));
    expect(cut[0]!.reason.en).toContain("32,792");
    expect(cut[0]!.reason.fr).toMatch(/^Texte de 32\s792 caractères/);
    expect(json.rows.find((r) => r.code === "1.1.2")!.values.comments).toBe(LONG);
    expect(json.notMerged).toHaveLength(3);
  });

  it("shows the same list on the workbook's Not merged sheet, text cut to what a cell holds", async () => {
    const wb = await loadExcel(readFileSync(join(dir, "out.xlsx")));
    const ws = wb.getWorksheet("Not merged")!;
    const rows: unknown[][] = [];
    ws.eachRow((r, i) => {
      if (i > 1) rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["retour.xlsx", "Retour", "B2"],
      ["retour.xlsx", "Retour", "D3"],
      ["retour.xlsx", "Retour", "B4"],
    ]);
    expect(rows[0]![4]).toMatch(/^Formula without a saved result/);
    expect(rows[1]![3]).toBe(LONG.slice(0, EXCEL_MAX_CELL_TEXT));
    expect(rows[1]![4]).toMatch(/^Text of 32,792 characters/);
    const merged = wb.getWorksheet("Consolidation")!;
    const comments: unknown[] = [];
    merged.eachRow((r) =>
      comments.push(...(r.values as unknown[]).filter((v) => v === LONG.slice(0, EXCEL_MAX_CELL_TEXT))),
    );
    expect(comments).toHaveLength(1);
  });

  it("gives liat check the same: no missing status for the uncalculated formula, the marked cells listed", async () => {
    const checked = checkWorkbook(await readOk(markedBook(), "retour.xlsx"))!;
    expect(checked.issues.filter((i) => i.key === "statusRequired").map((i) => i.address)).toEqual(["B5"]);
    expect(checked.unread.map((u) => u.address)).toEqual(["B2", "D3", "B4"]);
  });
});
