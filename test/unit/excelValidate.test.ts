import { domainSheetName } from "../../src/core/layout";
import {
  createLiveValidator,
  insertLiat,
  readSummary,
  selectIssue,
  validateWorkbook,
  type LiveUpdate,
} from "../../src/excel/workbookOperations";
import { forgetSheets } from "../../src/excel/snapshot";
import { allValues, isHighlighted, newHost, run } from "./excelFixtures";

const S1 = domainSheetName(1, "fr");

async function inserted() {
  const host = newHost();
  await insertLiat({ lang: "fr" });
  return host;
}

describe("validateWorkbook", () => {
  test("validates the whole workbook in 1 sync (reads only), each issue with sheet, cell and messages", async () => {
    const host = await inserted();
    expect(host.setCellValueAsUser(S1, "F5", "Mis en œuvre").ok).toBe(true); // no responsible, no evidence
    host.resetSyncCount();
    const issues = await validateWorkbook();
    // reads only: one sync, and no write at all (the workbook highlights by itself)
    expect(host.syncCount).toBe(1);
    expect(issues.map((i) => [i.sheet, i.address, i.key])).toEqual([
      [S1, "G5", "responsibleRequired"],
      [S1, "O5", "evidenceRequired"],
    ]);
    expect(issues[0]!.message.fr).toContain("service responsable");
    expect(issues[0]!.message.en).toContain("responsible service");
    expect(isHighlighted(host, S1, "G5")).toBe(true);
    expect(isHighlighted(host, S1, "H5")).toBe(false);
  });

  test("a cold start (sheets not known yet) takes one more sync", async () => {
    const host = await inserted();
    forgetSheets();
    host.resetSyncCount();
    await validateWorkbook();
    expect(host.syncCount).toBe(2);
  });

  test("highlights never touch the cell: its own fill shows again once fixed", async () => {
    const host = await inserted();
    await run(host, (wb) => {
      wb.worksheets.getItem(S1).getRange("L6").format.fill.color = "#FFFF00";
    });
    expect(host.setCellValueAsUser(S1, "F6", "Planifié").ok).toBe(true);
    expect(host.setCellValueAsUser(S1, "G6", "Mairie").ok).toBe(true);
    // a budget typed as text (the native rule would refuse it, so it is pasted by the add-in here)
    await run(host, (wb) => {
      const ws = wb.worksheets.getItem(S1);
      ws.getRange("L6").numberFormat = [["@"]];
      ws.getRange("L6").values = [["1 200"]];
    });
    const model = host.model;
    const sheet = model.findSheetByName(S1)!;
    const issues = await validateWorkbook();
    expect(issues.map((i) => [i.address, i.key])).toEqual([["L6", "numberAsText"]]);
    expect(isHighlighted(host, S1, "L6")).toBe(true);
    expect(model.formatAt(sheet, 5, 11).fillColor).toBe("#FFFF00");
    await run(host, (wb) => {
      const ws = wb.worksheets.getItem(S1);
      ws.getRange("L6").numberFormat = [["#,##0.00"]];
      ws.getRange("L6").values = [[1200]];
      ws.getRange("M6").values = [["EUR"]];
    });
    expect(await validateWorkbook()).toEqual([]);
    expect(isHighlighted(host, S1, "L6")).toBe(false);
    expect(model.formatAt(sheet, 5, 11).fillColor).toBe("#FFFF00");
    expect(host.getCell(S1, "L6").value).toBe(1200);
  });

  test("bad input: every entry column, wrong types, errors, formulas, long text, markup, dates; nothing changed", async () => {
    const host = await inserted();
    const long = "x".repeat(32_767);
    await run(host, (wb) => {
      const ws = wb.worksheets.getItem(S1);
      // rows 5..14: one kind of bad input each (entry columns F..P), written as values or formulas
      ws.getRange("F5:P5").values = [["Peut-être", "", "", "", "", "", "", "", "", "", ""]];
      ws.getRange("F6:P6").values = [
        ["Planifié", "x".repeat(256), "", "réfugiés; martiens", "", "", "", "", "", "", ""],
      ];
      ws.getRange("F7:P7").values = [["En cours", "Mairie", "", "", "", "", "", "", "", "", long + "y"]];
      ws.getRange("F8:I8").values = [["#N/A", "Mairie", "", ""]];
      ws.getRange("J8:K8").formulas = [["=1/0", "=NA()"]];
      ws.getRange("J9:K9").numberFormat = [["@", "@"]];
      ws.getRange("F9:K9").values = [["En cours", "Mairie", "", "", "2025-01-31", "31/12/2024"]];
      ws.getRange("F10:K10").values = [["En cours", "Mairie", "", "", 45700, 45600]];
      ws.getRange("L11:N11").numberFormat = [["@", "@", "@"]];
      ws.getRange("F11:N11").values = [["En cours", "Mairie", "", "", "", "", "douze", "EURO", "3,5"]];
      ws.getRange("L12:N12").values = [[-5, "", 2.5]];
      ws.getRange("F12:G12").values = [["En cours", "Mairie"]];
      ws.getRange("F13:O13").values = [
        ["Pérennisé", "Mairie", "<b>x</b>", "", "", "", "", "", "", "javascript:alert(1)"],
      ];
      ws.getRange("F14:P14").formulas = [['="Planifié"', "=1+1", "", "", "", "", "", "", "", "", ""]];
    });
    const before = allValues(host);
    const issues = await validateWorkbook();
    const keys = (row: number) =>
      issues
        .filter(
          (i) =>
            i.address.endsWith(String(row)) &&
            /^[A-Z]+\d+$/.test(i.address) &&
            Number(i.address.replace(/^[A-Z]+/, "")) === row,
        )
        .map((i) => `${i.address}:${i.key}`);
    expect(keys(5)).toEqual(["F5:statusInvalid"]);
    expect(keys(6)).toEqual(["G6:textTooLong", "I6:targetGroupUnknown"]);
    expect(keys(7)).toEqual(["P7:textTooLong"]);
    expect(keys(8)).toEqual(["F8:excelError", "J8:excelError", "K8:excelError"]);
    expect(keys(9)).toEqual(["J9:dateAsText", "K9:dateAsText"]);
    expect(keys(10)).toEqual(["K10:endBeforeStart"]);
    expect(keys(11)).toEqual(["L11:numberExpected", "M11:currencyInvalid", "N11:numberAsText"]);
    // the currency is not asked for while the budget itself is wrong
    expect(keys(12)).toEqual(["L12:numberNegative", "N12:wholeNumberExpected"]);
    expect(keys(13)).toEqual(["O13:evidenceLink"]);
    // formulas typed into text cells stay text: "=1+1" is a responsible service named "=1+1", not 2
    expect(host.getCell(S1, "G14").value).toBe("=1+1");
    expect(keys(14)).toEqual(["F14:statusInvalid"]);
    for (const i of issues) {
      expect(i.message.fr.length).toBeGreaterThan(10);
      expect(i.message.en.length).toBeGreaterThan(10);
      expect(i.message.en.length).toBeLessThan(400);
    }
    expect(allValues(host)).toEqual(before);
    expect(host.getCell(S1, "P7").value).toBe(long + "y");
  });

  test("duplicate, unknown and missing codes; deleted columns", async () => {
    const host = newHost();
    await run(host, (wb) => {
      const ws = wb.worksheets.add("Retour");
      ws.getRange("A1:C1").values = [["Code", "Statut", "Service responsable"]];
      ws.getRange("A2:A5").numberFormat = [["@"], ["@"], ["@"], ["@"]];
      ws.getRange("A2:C5").values = [
        ["1.1.1", "En cours", "Mairie"],
        ["1.1.1", "Planifié", "Mairie"],
        ["9.9.9", "", ""],
        ["", "Planifié", "Mairie"],
      ];
    });
    const before = allValues(host);
    const issues = await validateWorkbook();
    const byKey = Object.fromEntries(issues.map((i) => [i.key === "columnMissing" ? `${i.key}:${i.field}` : i.key, i]));
    expect(byKey.codeDuplicate).toMatchObject({ address: "A3", code: "1.1.1" });
    expect(byKey.codeDuplicate!.message.en).toContain("Retour!A2");
    expect(byKey.codeUnknown).toMatchObject({ address: "A4" });
    expect(byKey.codeMissing).toMatchObject({ address: "A5" });
    expect(byKey["columnMissing:evidence"]!.message.fr).toContain("Preuve");
    expect(byKey["columnMissing:evidence"]!.message.en).toContain("Evidence");
    expect(allValues(host)).toEqual(before);
  });

  test("selectIssue activates the sheet and selects the cell", async () => {
    const host = await inserted();
    expect(host.setCellValueAsUser(S1, "F7", "n'importe quoi").ok).toBe(false); // native validation refuses it
    await run(host, (wb) => {
      wb.worksheets.getItem(S1).getRange("F7").values = [["n'importe quoi"]];
    });
    const [issue] = await validateWorkbook();
    await selectIssue(issue!);
    const snap = host.getSnapshot();
    expect(snap.activeSheet).toBe(S1);
    expect(snap.selection).toContain("F7");
  });
});

describe("createLiveValidator", () => {
  test("re-validates only the changed row after an edit (1 sync, no write), highlights come and go by themselves", async () => {
    const host = await inserted();
    const updates: LiveUpdate[] = [];
    const errors: unknown[] = [];
    const live = createLiveValidator({ onUpdate: (u) => updates.push(u), onError: (e) => errors.push(e) });
    await live.ready;
    await live.idle();
    expect(updates).toHaveLength(1);
    expect(updates[0]!.issues).toEqual([]);

    host.resetSyncCount();
    const writes = host.model.addinWrites;
    expect(host.setCellValueAsUser(S1, "F5", "Mis en œuvre").ok).toBe(true);
    await host.idle();
    await live.idle();
    expect(errors).toEqual([]);
    expect(host.syncCount).toBe(1);
    expect(live.lastRowsRead).toBe(1);
    const u = updates[updates.length - 1]!;
    expect(u.issues.map((i) => `${i.address}:${i.key}`)).toEqual(["G5:responsibleRequired", "O5:evidenceRequired"]);
    expect(u.summary.domains[0]!.score).toBe(75);
    expect(isHighlighted(host, S1, "G5")).toBe(true);

    expect(host.setCellValueAsUser(S1, "G5", "Mairie").ok).toBe(true);
    expect(host.setCellValueAsUser(S1, "O5", "https://lyon.fr").ok).toBe(true);
    await host.idle();
    await live.idle();
    expect(updates[updates.length - 1]!.issues).toEqual([]);
    expect(isHighlighted(host, S1, "G5")).toBe(false);
    expect(host.model.formatAt(host.model.findSheetByName(S1)!, 4, 6).fillColor).toBeNull();
    // the add-in wrote nothing in response to the edits: undo, co-authoring and recalculation stay Excel's
    expect(host.model.addinWrites).toBe(writes);

    await live.dispose();
    const count = updates.length;
    host.setCellValueAsUser(S1, "F6", "Planifié");
    await host.idle();
    expect(updates).toHaveLength(count);
    expect(host.model.events.count("worksheetChanged")).toBe(0);
  });

  test("picks up sheets inserted while it runs", async () => {
    const host = newHost();
    const updates: LiveUpdate[] = [];
    const live = createLiveValidator({ onUpdate: (u) => updates.push(u) });
    await live.ready;
    await insertLiat({ lang: "en", domains: [3] });
    await host.idle();
    await live.idle();
    expect(host.setCellValueAsUser(domainSheetName(3, "en"), "F5", "Planned").ok).toBe(true);
    await host.idle();
    await live.idle();
    const last = updates[updates.length - 1]!;
    expect(last.issues.map((i) => i.key)).toEqual(["responsibleRequired"]);
    expect(last.summary.domains[2]!.assessed).toBe(1);
    expect(isHighlighted(host, domainSheetName(3, "en"), "G5")).toBe(true);
    expect(host.getSnapshot().sheets.filter((s) => s.name === "LIAT_Flags")).toHaveLength(0);
    await live.dispose();
  });
});

describe("readSummary", () => {
  test("one sync once the sheets are known", async () => {
    const host = await inserted();
    host.setCellValueAsUser(S1, "F5", "Pérennisé");
    host.resetSyncCount();
    const s = await readSummary();
    expect(host.syncCount).toBe(1);
    expect(s.domains[0]!.score).toBe(100);
  });
});
