/**
 * One workbook, the same issues wherever it is checked: the add-in's whole validation, its live
 * validation after edits, and the consolidation's check of the same cells as a received file
 * (src/core/tableChecks.ts holds the rules all three apply).
 */
import { checkWorkbook } from "../../src/core/consolidate";
import { domainSheetName } from "../../src/core/layout";
import type { WorkbookIssue } from "../../src/core/workbookIssue";
import { createLiveValidator, insertLiat, validateWorkbook, type LiveUpdate } from "../../src/excel/workbookOperations";
import type { LiatHost } from "../../tooling/excel-host/excelHost";
import { newHost, run } from "./excelFixtures";

const S1 = domainSheetName(1, "fr");
const S2 = domainSheetName(2, "fr");

const shown = (issues: readonly WorkbookIssue[]) =>
  issues.map((i) => `${i.sheet}!${i.address} ${i.key} ${i.severity} | ${i.message.fr} | ${i.message.en}`).sort();

function asReceivedFile(host: LiatHost): WorkbookIssue[] {
  const sheets = host.getSnapshot().sheets.map((s) => ({ name: s.name, rows: s.values }));
  const checked = checkWorkbook({ fileName: "copy.xlsx", sheets });
  if (!checked) throw new Error("no LIAT table found in the received copy");
  return checked.issues;
}

/** A filled LIAT workbook with entry mistakes, stray lines, a duplicate and a sheet missing columns. */
async function troubled(): Promise<LiatHost> {
  const host = newHost();
  await insertLiat({ lang: "fr" });
  const typed: [string, string, string | number][] = [
    [S1, "F5", "Mis en œuvre"], // no responsible, no evidence
    [S1, "G7", "Mairie"], // an entry without a status
    [S2, "F5", "Pérennisé"],
    [S2, "G5", "DGS"],
    [S2, "O5", "https://exemple.org/rapport"],
  ];
  for (const [sheet, address, value] of typed)
    expect([address, host.setCellValueAsUser(sheet, address, value).ok]).toEqual([address, true]);
  await run(host, (wb) => {
    // pasted: the native rules refuse these when typed
    const ws1 = wb.worksheets.getItem(S1);
    ws1.getRange("F6").values = [["peut-être"]]; // unknown status
    ws1.getRange("L8").values = [[-5]]; // negative budget, no currency
    const ws = wb.worksheets.add("Retour");
    ws.getRange("A1:D1").values = [["Code", "Statut", "Service responsable", "Commentaires"]];
    ws.getRange("A2:A7").numberFormat = [["@"], ["@"], ["@"], ["@"], ["@"], ["@"]];
    ws.getRange("A2:D7").values = [
      ["1.1.1", "En cours", "Mairie", ""], // duplicate of the domain sheet's row
      ["9.9.9", "", "", ""], // stray line: unknown code, no entries
      ["9.9.8", "Planifié", "Mairie", ""], // unknown code with an entry
      ["", "", "", "à revoir"], // no code, an entry
      ["Total", "", "", ""], // stray line
      ["", "Pérennisé", "", ""], // no code; Evidence column missing: reported once, at the header
    ];
  });
  return host;
}

test("the add-in's validation and the consolidation's check report the same issues", async () => {
  const host = await troubled();
  const inAddin = await validateWorkbook();
  const received = asReceivedFile(host);
  expect(shown(received)).toEqual(shown(inAddin));

  // and the rules themselves, as one user meets them
  const of = (address: string) =>
    inAddin.filter((i) => i.sheet === "Retour" && i.address === address).map((i) => `${i.key}:${i.severity}`);
  expect(of("A2")).toEqual(["codeDuplicate:error"]);
  expect(of("A3")).toEqual(["codeUnknown:warning"]);
  expect(of("A4")).toEqual(["codeUnknown:error"]);
  expect(of("A5")).toEqual(["codeMissing:error"]);
  expect(of("A6")).toEqual(["codeUnknown:warning"]);
  expect(of("A7")).toEqual(["codeMissing:error"]);
  const columns = inAddin.filter((i) => i.key === "columnMissing");
  expect(columns.every((i) => i.sheet === "Retour" && i.address === "A1")).toBe(true);
  expect(
    columns
      .filter((i) => i.severity === "error")
      .map((i) => i.field)
      .sort(),
  ).toEqual(["currency", "evidence"]);
  expect(inAddin.some((i) => i.key === "evidenceRequired" && i.sheet === "Retour")).toBe(false);
});

test("live validation after edits ends where a whole validation does, severities included", async () => {
  const host = await troubled();
  const updates: LiveUpdate[] = [];
  const errors: unknown[] = [];
  const live = createLiveValidator({ onUpdate: (u) => updates.push(u), onError: (e) => errors.push(e) });
  await live.ready;
  await live.idle();
  // the stray line A3 gets an entry, and nothing else changes: its unknown code becomes an error
  expect(host.setCellValueAsUser("Retour", "B3", "En cours").ok).toBe(true);
  await host.idle();
  await live.idle();
  expect(updates[updates.length - 1]!.issues.find((i) => i.sheet === "Retour" && i.address === "A3")).toMatchObject({
    key: "codeUnknown",
    severity: "error",
  });
  // the duplicate's code is cleared
  expect(host.setCellValueAsUser("Retour", "A2", "").ok).toBe(true);
  // a mistake fixed on the domain sheet
  expect(host.setCellValueAsUser(S1, "F6", "En cours").ok).toBe(true);
  await host.idle();
  await live.idle();
  live.dispose();
  expect(errors).toEqual([]);
  const last = updates[updates.length - 1]!.issues;
  expect(last.find((i) => i.sheet === "Retour" && i.address === "A3")).toMatchObject({
    key: "codeUnknown",
    severity: "error",
  });
  expect(shown(last)).toEqual(shown(await validateWorkbook()));
  expect(shown(last)).toEqual(shown(asReceivedFile(host)));
});
