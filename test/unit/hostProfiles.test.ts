/**
 * The add-in on every Excel the host stands for (tooling/excel-host/hostProfiles.ts): Microsoft 365, Office 2021
 * (ExcelApi 1.14, no ExcelApiOnline), Excel on the web (ExcelApiOnline, 5 MB requests, null for empty arguments) and
 * Mac 16.35 (ExcelApi 1.11, CustomFunctionsRuntime 1.2). Members above a profile fail with ApiNotFound as in Excel;
 * the main flows work on each through the add-in's guards and fallbacks.
 */
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import { Consolidator, inLanguage } from "../../src/core/consolidate";
import { domainSheetName } from "../../src/core/layout";
import { writeConsolidation } from "../../src/excel/consolidation";
import {
  createLiveValidator,
  forgetSheets,
  getWorkbookStatus,
  insertLiat,
  LiatError,
  readWorkbook,
  selectIssue,
  validateWorkbook,
  type LiveUpdate,
} from "../../src/excel/workbookOperations";
import { createHost, type LiatHost } from "../../tooling/excel-host/excelHost";
import { PROFILE_NAMES, type ProfileName } from "../../tooling/excel-host/hostProfiles";
import { registerLiatFunctions } from "../../tooling/excel-host/liatFunctions";
import { readOk } from "./cliFixtures";
import { allValues, buildV1Workbook } from "./excelFixtures";

jest.setTimeout(60_000);

function hostFor(profile: ProfileName, sheets?: string[]): LiatHost {
  const host = createHost({ profile, ...(sheets ? { sheets } : {}) });
  host.install(globalThis);
  forgetSheets();
  return host;
}

const S1 = domainSheetName(1, "en");

const EXPECTED: Record<ProfileName, { excel117: boolean; online: boolean; cf12: boolean; resize: boolean }> = {
  microsoft365: { excel117: true, online: false, cf12: true, resize: true },
  office2021: { excel117: false, online: false, cf12: true, resize: true },
  web: { excel117: true, online: true, cf12: true, resize: true },
  mac: { excel117: false, online: false, cf12: true, resize: false },
};

async function rejection(host: LiatHost, batch: (wb: Excel.Workbook) => void): Promise<unknown> {
  return host.Excel.run(async (context) => {
    batch((context as unknown as Excel.RequestContext).workbook);
    await context.sync();
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe.each(PROFILE_NAMES)("on %s", (profile) => {
  const expected = EXPECTED[profile];

  test("isSetSupported answers for the profile, and members above it fail with ApiNotFound", async () => {
    const host = hostFor(profile);
    const req = host.Office.context.requirements;
    expect(req.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.17")).toBe(expected.excel117);
    expect(req.isSetSupported("ExcelApi", "1.13")).toBe(expected.resize);
    expect(req.isSetSupported("ExcelApiOnline", "1.1")).toBe(expected.online);
    expect(req.isSetSupported("CustomFunctionsRuntime", "1.2")).toBe(expected.cf12);
    expect(req.isSetSupported("ExcelApi", "1.99")).toBe(false);
    expect(host.Office.context.diagnostics.platform).toBe(host.profile.platform);

    const renames = await rejection(host, (wb) => {
      wb.worksheets.onNameChanged.add(async () => undefined);
    });
    if (expected.excel117) expect(renames).toBeUndefined();
    else expect(renames).toMatchObject({ code: "ApiNotFound" });

    const password = await rejection(host, (wb) => {
      wb.worksheets.getItem("Sheet1").protection.load("isPasswordProtected");
    });
    if (expected.online) expect(password).toBeUndefined();
    else expect(password).toMatchObject({ code: "ApiNotFound", message: expect.stringContaining("newer version") });

    // a failing member stops the batch: nothing after it is applied
    const table = await rejection(host, (wb) => {
      const t = wb.worksheets.getItem("Sheet1").tables.add("A1:B3", true);
      t.resize("A1:C3");
      wb.worksheets.getItem("Sheet1").getRange("E1").values = [["after"]];
    });
    if (expected.resize) expect(table).toBeUndefined();
    else {
      expect(table).toMatchObject({ code: "ApiNotFound" });
      expect(host.getCell("Sheet1", "E1").value).toBe("");
    }
  });

  test("insert, insert again, whole validation, navigation", async () => {
    const host = hostFor(profile);
    const first = await insertLiat({ lang: "en" });
    expect(first.created).toContain(S1);
    const before = allValues(host);
    expect(host.setCellValueAsUser(S1, "F5", "Implemented").ok).toBe(true);
    const again = await insertLiat({ lang: "en" });
    expect(again.created).toEqual([]);
    expect(allValues(host)[S1]![4]![5]).toBe("Implemented");
    expect(Object.keys(allValues(host)).sort()).toEqual(Object.keys(before).sort());

    const validation = await validateWorkbook();
    expect(validation.map((i) => `${i.sheet}!${i.address}:${i.key}`)).toEqual([
      `${S1}!G5:responsibleRequired`,
      `${S1}!O5:evidenceRequired`,
    ]);
    await selectIssue(validation[0]!);
    expect(host.getSnapshot().selection).toBe(`'${S1}'!G5`);
    expect((await readWorkbook()).tables).toHaveLength(6);
  });

  test("upgrade of a version 1 workbook, and a password-protected sheet explained with nothing changed", async () => {
    const host = hostFor(profile);
    await buildV1Workbook(host, "fr", { "1.1.1": { status: "Mis en œuvre", responsible: "Mairie" } });
    expect((await getWorkbookStatus()).upgradable).toBe(true);
    const result = await insertLiat({ lang: "fr" });
    expect(result.upgradedFrom).toBe(1);
    expect(result.syncs).toBeLessThanOrEqual(3);
    const sheet = domainSheetName(1, "fr");
    expect(host.getCell(sheet, "Q4").value).toBe("Points");
    expect(host.getCell(sheet, "Q5").value).toBe(75);
    const table = host.getSnapshot().tables.find((t) => t.sheet === sheet)!;
    // the table takes in the Points (Q) and Check (R) columns
    expect(table.address).toMatch(/:R\d+$/);
    expect(host.model.findSheetByName(sheet)!.protection.protected).toBe(true);

    const locked = hostFor(profile);
    await buildV1Workbook(locked, "en", {}, { password: "secret" });
    const unchanged = allValues(locked);
    const protectedBefore = locked.model.sheets.map((s) => s.protection.protected);
    const error = (await insertLiat({ lang: "en" }).catch((e: unknown) => e)) as LiatError;
    expect(error).toBeInstanceOf(LiatError);
    expect(error.key).toBe("sheetProtected");
    expect(allValues(locked)).toEqual(unchanged);
    expect(locked.model.sheets.map((s) => s.protection.protected)).toEqual(protectedBefore);
  });

  test("live summary and issues follow edits and sheet renames", async () => {
    const host = hostFor(profile);
    await insertLiat({ lang: "en" });
    const updates: LiveUpdate[] = [];
    const errors: unknown[] = [];
    const live = createLiveValidator({ onUpdate: (u) => updates.push(u), onError: (e) => errors.push(e) });
    await live.ready;
    await live.idle();
    expect(errors).toEqual([]);
    expect(host.setCellValueAsUser(S1, "F5", "Implemented").ok).toBe(true);
    await host.idle();
    await live.idle();
    expect(updates.at(-1)!.summary.domains[0]!.score).toBe(75);
    expect(updates.at(-1)!.issues.map((i) => i.sheet)).toEqual([S1, S1]);

    await host.Excel.run(async (context) => {
      (context as unknown as Excel.RequestContext).workbook.worksheets.getItem(S1).name = "Renamed";
      await context.sync();
    });
    await host.idle();
    await live.idle();
    // where rename events exist the pane follows at once; elsewhere at the next read (the next edit)
    if (!expected.excel117) {
      expect(host.setCellValueAsUser("Renamed", "F6", "Planned").ok).toBe(true);
      await host.idle();
      await live.idle();
      await live.idle();
    }
    expect(errors).toEqual([]);
    expect(new Set(updates.at(-1)!.issues.map((i) => i.sheet))).toEqual(new Set(["Renamed"]));
    await live.dispose();
  });

  test("consolidation into the open workbook", async () => {
    const lyon = readOk(
      await writeLiatWorkbook({
        lang: "en",
        city: "Lyon",
        period: "2025",
        entries: { "1.1.1": { status: "Implemented", responsible: "Mairie", evidence: "https://lyon.fr" } },
      }),
      "lyon.xlsx",
    );
    const c = new Consolidator();
    c.add(await lyon);
    hostFor(profile);
    const out = await writeConsolidation(inLanguage(c.result(), "en"));
    expect(out.rows.consolidation).toBe(39);
  });

  test("custom functions compute in cells", async () => {
    const host = hostFor(profile);
    await registerLiatFunctions(host);
    host.setCellValueAsUser("Sheet1", "A1", "Planned");
    host.setCellValueAsUser("Sheet1", "A2", "Implemented");
    host.setCellValueAsUser("Sheet1", "B1", "=LIAT.SCORE(A1:A3)");
    host.setCellValueAsUser("Sheet1", "B2", '=LIAT.LEVEL("nonsense")');
    expect(host.getCell("Sheet1", "B1").value).toBe(50);
    expect(host.getCell("Sheet1", "B2")).toMatchObject({ value: "#VALUE!", errorMessage: expect.any(String) });
  });
});
