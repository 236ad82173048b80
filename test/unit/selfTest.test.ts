/**
 * The "Check this Excel" scenario (src/excel/selfTest.ts) on every host profile: in a blank workbook every step
 * passes, the report names the profile's version, platform and sets, and the workbook is left as it was. It refuses
 * a workbook that already holds LIAT sheets, and a step that breaks is reported as failed while the others still run.
 */
import { PROTECTION_OPTIONS, SCHEMA_PROPERTY } from "../../src/core/layout";
import { canRunSelfTest, runSelfTest, selfTestReportText, SELF_TEST_STEPS } from "../../src/excel/selfTest";
import { insertLiat } from "../../src/excel/workbookOperations";
import { forgetSheets } from "../../src/excel/snapshot";
import { createHost, type LiatHost } from "../../tooling/excel-host/excelHost";
import { registerLiatFunctions } from "../../tooling/excel-host/liatFunctions";
import { PROFILE_NAMES, type ProfileName } from "../../tooling/excel-host/hostProfiles";
import { HostWorksheetProtection } from "../../tooling/excel-host/worksheetProxy";

async function blankHost(profile: ProfileName, functions = true): Promise<LiatHost> {
  const host = createHost({ profile });
  host.install(globalThis);
  forgetSheets();
  if (functions) await registerLiatFunctions(host);
  return host;
}

const LABELS = Object.fromEntries(SELF_TEST_STEPS.map((id) => [id, id])) as Record<
  (typeof SELF_TEST_STEPS)[number],
  string
>;

describe.each(PROFILE_NAMES)("Check this Excel on %s", (profile) => {
  test("every step passes in a blank workbook, which is left as it was", async () => {
    const host = await blankHost(profile);
    const before = host.getSnapshot();
    expect(await canRunSelfTest()).toBe(true);
    const report = await runSelfTest("fr");
    expect(report.steps.filter((s) => !s.ok)).toEqual([]);
    expect(report.steps.map((s) => s.id)).toEqual([...SELF_TEST_STEPS]);
    expect(report.ok).toBe(true);
    expect(report.version).toContain(host.profile.version);
    expect(report.platform).toBe(host.profile.platform);
    const excelApi = report.sets.find((s) => s.name === "ExcelApi");
    expect(excelApi?.version).toBe(host.profile.sets.ExcelApi);
    expect(report.sets.find((s) => s.name === "ExcelApiOnline")?.version ?? null).toBe(
      host.profile.sets.ExcelApiOnline ?? null,
    );
    // the workbook as it was: sheets (values and formulas), names, tables and document properties
    const after = host.getSnapshot();
    expect(after.sheets.map((s) => ({ ...s, id: "" }))).toEqual(before.sheets.map((s) => ({ ...s, id: "" })));
    expect(after.names).toEqual(before.names);
    expect(after.tables).toEqual(before.tables);
    expect(after.customProperties).toEqual(before.customProperties);
    // the details in the check's language
    expect(report.steps.find((s) => s.id === "insert")?.detail).toMatch(/feuilles créées/);
    expect(report.steps.find((s) => s.id === "cleanup")?.detail).toMatch(/1 propriété\(s\) du document/);
    const text = selfTestReportText(report, LABELS);
    expect(text).toContain("PASS");
    expect(text).toContain(`ExcelApi ${host.profile.sets.ExcelApi}`);
  }, 120_000);
});

describe("Check this Excel, when it cannot pass", () => {
  test("a document property the workbook had keeps its value", async () => {
    const host = await blankHost("microsoft365");
    await host.Excel.run(async (context) => {
      (context as unknown as Excel.RequestContext).workbook.properties.custom.add(SCHEMA_PROPERTY, "mine");
      await context.sync();
    });
    const before = host.getSnapshot().customProperties;
    const report = await runSelfTest("en");
    expect(report.steps.find((s) => s.id === "cleanup")).toMatchObject({ ok: true });
    expect(host.getSnapshot().customProperties).toEqual(before);
  }, 120_000);

  test("re-protects the sheet it types into with the add-in's own protection options", async () => {
    await blankHost("microsoft365");
    const protect = jest.spyOn(HostWorksheetProtection.prototype, "protect");
    try {
      await runSelfTest("en");
      expect(protect.mock.calls.length).toBeGreaterThan(0);
      for (const [options] of protect.mock.calls) expect(options).toEqual(PROTECTION_OPTIONS);
    } finally {
      protect.mockRestore();
    }
  }, 120_000);

  test("refuses a workbook that holds LIAT sheets", async () => {
    await blankHost("microsoft365");
    await insertLiat({ lang: "en" });
    expect(await canRunSelfTest()).toBe(false);
  });
  test("without the custom functions, that step fails, the others pass, and the report says FAIL", async () => {
    const host = await blankHost("web", false);
    const report = await runSelfTest("es");
    const failed = report.steps.filter((s) => !s.ok).map((s) => s.id);
    expect(failed).toEqual(["functions"]);
    expect(report.steps.find((s) => s.id === "functions")?.detail).toMatch(/=LIAT\.SCORE.* dio /);
    expect(report.ok).toBe(false);
    expect(selfTestReportText(report, LABELS)).toMatch(/FAIL[\s\S]*✗ functions/);
    expect(host.getSnapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  }, 120_000);
});
