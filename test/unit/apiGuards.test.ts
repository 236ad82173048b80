/**
 * Requirement sets, declared and guarded: every Office member the add-in's runtime code uses (resolved by the type
 * checker) lies within the sets manifest.xml declares, or is used only behind isSetSupported for its set. The table
 * of sets comes from Microsoft's notes and is regenerated here, so a stale committed copy fails.
 */
import fs from "node:fs";
import { API_SETS_FILE, apiSetsText, generateApiSets } from "../../tooling/excel-host/generateApiSets";
import { covers, declaredSets, officeMemberUses, type MemberUse } from "./officeMembers";

/** Uses that need a set the manifest does not declare and that no enclosing guard checks. */
function unguarded(uses: MemberUse[], declared: Record<string, string>): MemberUse[] {
  const available = Object.entries(declared).map(([name, version]) => `${name} ${version}`);
  return uses.filter((u) => !available.some((a) => covers(a, u.set)) && !u.guards.some((g) => covers(g, u.set)));
}

describe("requirement sets", () => {
  let uses: MemberUse[];
  beforeAll(() => {
    uses = officeMemberUses();
  }, 240_000);

  test("the committed table is what Microsoft's definitions give", () => {
    expect(fs.readFileSync(API_SETS_FILE, "utf8")).toBe(apiSetsText(generateApiSets()));
  }, 60_000);

  test("manifest.xml declares ExcelApi, CustomFunctionsRuntime and SharedRuntime minimums", () => {
    expect(declaredSets()).toEqual({ ExcelApi: "1.9", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" });
  });

  test("the declared ExcelApi minimum is the highest set an unguarded member needs", () => {
    const excel = uses.filter((u) => u.set.startsWith("ExcelApi ") && u.guards.length === 0).map((u) => u.set);
    const highest = excel.reduce((a, b) => (covers(a, b) ? a : b));
    expect(highest).toBe(`ExcelApi ${declaredSets().ExcelApi}`);
  });

  test("the members above the declared sets are the guarded ones, each behind isSetSupported", () => {
    expect(uses.length).toBeGreaterThan(100);
    expect(unguarded(uses, declaredSets())).toEqual([]);
    const above = [...new Set(unguarded(uses, { ...declaredSets() }).map((u) => u.member))];
    expect(above).toEqual([]);
    const guarded = [
      ...new Set(
        uses
          .filter((u) => !Object.entries(declaredSets()).some(([n, v]) => covers(`${n} ${v}`, u.set)))
          .map((u) => `${u.member} (${u.set})`),
      ),
    ].sort();
    expect(guarded).toEqual([
      "Excel.Table.resize (ExcelApi 1.13)",
      "Excel.WorksheetCollection.onNameChanged (ExcelApi 1.17)",
      "Excel.WorksheetNameChangedEventArgs.worksheetId (ExcelApi 1.17)",
      "Excel.WorksheetProtection.isPasswordProtected (ExcelApiOnline 1.1)",
    ]);
  });

  test("the check fails on an unguarded member above the declared sets", () => {
    const resize = uses.find((u) => u.member === "Excel.Table.resize")!;
    expect(resize.guards).toContain("ExcelApi 1.13");
    expect(unguarded([{ ...resize, guards: [] }], declaredSets())).toHaveLength(1);
    expect(unguarded([{ ...resize, guards: ["ExcelApi 1.12"] }], declaredSets())).toHaveLength(1);
    expect(unguarded([resize], { ...declaredSets(), ExcelApi: "1.13" })).toHaveLength(0);
  });
});
