import {
  COLUMNS,
  DOMAIN_IDS,
  LISTS_SHEET,
  SCHEMA_PROPERTY,
  SCHEMA_VERSION,
  checkFormula,
  columnIndex,
  domainSheetName,
  pointsFormula,
} from "../../src/core/layout";
import { objectivesOfDomain } from "../../src/core/catalogue";
import { insertLiat, LiatError, getWorkbookStatus, readWorkbook } from "../../src/excel/workbookOperations";
import { parseAddress } from "../../tooling/excel-host/rangeAddress";
import { allValues, buildV1Workbook, buildV2Workbook, isHighlighted, newHost, run } from "./excelFixtures";
import { checkColumnText } from "../../src/core/nativeChecks";
import { parseStatus } from "../../src/core/status";
import { entryHeaders, LEGACY_FLAGS_SHEET } from "../../src/core/layout";

describe("insertLiat", () => {
  test("inserts every sheet in 3 syncs, codes as text, locked catalogue, validation, colours, print set-up", async () => {
    const host = newHost();
    const result = await insertLiat({ lang: "fr", city: "Lyon", period: "2025" });
    expect(host.syncCount).toBe(3);
    expect(result.syncs).toBe(3);
    expect(result.kept).toEqual([]);
    expect(result.created).toEqual(
      expect.arrayContaining(["LIAT", LISTS_SHEET, ...DOMAIN_IDS.map((d) => domainSheetName(d, "fr"))]),
    );
    const m = host.model;
    expect(m.findSheetByName(LISTS_SHEET)!.visibility).toBe("Hidden");
    expect(m.findSheetByName("LIAT_Flags")).toBeUndefined();
    expect(host.getCell("LIAT", "B3").value).toBe("Lyon");
    for (const d of DOMAIN_IDS) {
      const name = domainSheetName(d, "fr");
      const s = m.findSheetByName(name)!;
      const objectives = objectivesOfDomain(d);
      const last = 4 + objectives.length;
      // codes as text, exactly the catalogue's
      objectives.forEach((o, i) => {
        const cell = host.getCell(name, `A${5 + i}`);
        expect(cell.value).toBe(o.code);
        expect(typeof cell.value).toBe("string");
      });
      expect(
        m
          .numberFormats(s, parseAddress(`A5:A${last}`).rect)
          .flat()
          .every((f) => f === "@"),
      ).toBe(true);
      // one table with the layout's headers
      const table = m.tables.find((t) => t.sheetId === s.id)!;
      expect(table.name).toBe(`LIAT_D${d}`);
      expect(m.tableColumnNames(table)).toEqual(COLUMNS.map((c) => c.header.fr));
      // protection without password; catalogue locked, entries open
      expect(s.protection.protected).toBe(true);
      expect(s.protection.password).toBeUndefined();
      expect(m.isLocked(s, parseAddress(`A5:E${last}`).rect)).toBe(true);
      expect(m.isLocked(s, parseAddress(`F5:P${last}`).rect)).toBe(false);
      expect(m.isLocked(s, parseAddress(`Q5:Q${last}`).rect)).toBe(true);
      // native validation with messages on the entry columns that have a rule
      const status = m.validationAt(s, 4, columnIndex("status"))!;
      expect(status.rule).toEqual({ list: { inCellDropDown: true, source: "=LIAT_Status" } });
      expect(status.prompt.showPrompt).toBe(true);
      expect(status.errorAlert.message).toBe("Choisissez un statut dans la liste déroulante.");
      expect(m.validationAt(s, last - 1, columnIndex("beneficiaries"))!.rule).toHaveProperty("wholeNumber");
      expect(m.validationAt(s, 4, columnIndex("end"))!.rule).toEqual({
        date: { operator: "GreaterThanOrEqualTo", formula1: "=MAX(DATE(1900,1,1),J5)" },
      });
      // status colours (6) and one highlight rule per entry column (11); frozen header; landscape with print titles; widths; wrap
      expect(s.conditionalFormats.length).toBe(6 + 11);
      expect(s.freezeRows).toBe(4);
      expect(s.pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "$4:$4" });
      expect(s.columnWidths.get(columnIndex("objective"))).toBeGreaterThan(s.columnWidths.get(columnIndex("code"))!);
      expect(m.formatAt(s, 4, columnIndex("objective")).wrapText).toBe(true);
      // Points formula per row
      expect(String(host.getCell(name, `Q${last}`).formula)).toBe(pointsFormula(last));
      expect(String(host.getCell(name, `R${last}`).formula)).toBe(checkFormula(last, "fr"));
    }
    const snap = host.getSnapshot();
    expect(snap.customProperties[SCHEMA_PROPERTY] ?? snap.customProperties[SCHEMA_PROPERTY.toLowerCase()]).toBe(
      SCHEMA_VERSION,
    );
    expect(snap.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["LIAT_Status", "LIAT_StatusKey", "LIAT_StatusPoints", "LIAT_Currency"]),
    );
    const status = await getWorkbookStatus();
    expect(status).toMatchObject({
      hasLiat: true,
      schemaVersion: SCHEMA_VERSION,
      upgradable: false,
      missingDomains: [],
    });
    expect(status.settings).toEqual({ lang: "fr", city: "Lyon", period: "2025", schemaVersion: SCHEMA_VERSION });
  });

  test("English labels", async () => {
    const host = newHost();
    await insertLiat({ lang: "en" });
    expect(host.getCell(domainSheetName(1, "en"), "F4").value).toBe("Status");
    expect(host.getCell("LIAT", "A3").value).toBe("City");
  });

  test("inserting again overwrites nothing and keeps every entry", async () => {
    const host = newHost();
    await insertLiat({ lang: "fr", city: "Lyon" });
    const sheet = domainSheetName(1, "fr");
    expect(host.setCellValueAsUser(sheet, "F5", "En cours").ok).toBe(true);
    expect(host.setCellValueAsUser(sheet, "G5", "Service X").ok).toBe(true);
    expect(host.setCellValueAsUser("LIAT", "B4", "2024-2025").ok).toBe(true);
    const before = allValues(host);
    const again = await insertLiat({ lang: "en" });
    expect(again.created).toEqual([]);
    expect(again.kept).toHaveLength(6);
    const after = allValues(host);
    for (const d of DOMAIN_IDS) expect(after[domainSheetName(d, "fr")]).toEqual(before[domainSheetName(d, "fr")]);
    expect(host.getCell("LIAT", "B3").value).toBe("Lyon");
    expect(host.getCell("LIAT", "B4").value).toBe("2024-2025");
  });

  test("adds only the missing domains, even when a kept sheet was renamed", async () => {
    const host = newHost();
    const first = await insertLiat({ lang: "fr", domains: [1, 2] });
    expect(first.created).toContain(domainSheetName(1, "fr"));
    await run(host, (wb) => {
      wb.worksheets.getItem(domainSheetName(1, "fr")).name = "Ma gouvernance";
    });
    expect(host.setCellValueAsUser("Ma gouvernance", "F6", "Planifié").ok).toBe(true);
    const before = allValues(host)["Ma gouvernance"];
    const second = await insertLiat({ lang: "fr" });
    expect(second.kept).toEqual(["Ma gouvernance", domainSheetName(2, "fr")]);
    expect(second.created).toEqual([3, 4, 5, 6].map((d) => domainSheetName(d as 3, "fr")));
    expect(allValues(host)["Ma gouvernance"]).toEqual(before);
    // the cover follows the renamed sheet
    expect(String(host.getCell("LIAT", "B17").formula)).toContain("'Ma gouvernance'!");
    expect(host.getCell("LIAT", "B17").value).toBe(25);
  });

  test("a sheet of the user with a LIAT sheet's name stops the insert before anything changes", async () => {
    const host = newHost([domainSheetName(3, "fr")]);
    await run(host, (wb) => {
      wb.worksheets.getItem(domainSheetName(3, "fr")).getRange("A1").values = [["mes notes"]];
    });
    const before = host.getSnapshot();
    const error = await insertLiat({ lang: "fr" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiatError);
    expect((error as LiatError).key).toBe("sheetNameTaken");
    expect((error as LiatError).localized.fr).toContain("3 Éducation");
    expect((error as LiatError).localized.en).toContain("Nothing was changed");
    expect(host.getSnapshot().sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  });

  test("upgrades a version 1 workbook, every entry kept", async () => {
    const host = newHost();
    await buildV1Workbook(host, "fr", {
      "1.1.1": {
        status: "Mis en œuvre",
        responsible: "Mairie",
        evidence: "https://example.org",
        comments: "<script>alert(1)</script>",
      },
      "2.1": { status: "Planifié", responsible: "Emploi", budget: 1200, currency: "EUR" },
    });
    const entriesBefore = await readWorkbook();
    expect(entriesBefore.settings.schemaVersion).toBe(1);
    const status = await getWorkbookStatus();
    expect(status.upgradable).toBe(true);
    const before = allValues(host);
    const result = await insertLiat({ lang: "fr" });
    expect(result.upgradedFrom).toBe(1);
    expect(result.created).toEqual([]);
    expect(result.syncs).toBeLessThanOrEqual(3);
    const after = allValues(host);
    for (const d of DOMAIN_IDS) {
      const name = domainSheetName(d, "fr");
      // every cell that was there is unchanged; only the Points (Q) and Check (R) columns were added
      before[name]!.forEach((row, r) => row.forEach((v, c) => expect(after[name]![r]![c]).toBe(v)));
      expect(after[name]![3]![16]).toBe("Points");
      expect(after[name]![3]![17]).toBe("Contrôle");
    }
    const read = await readWorkbook();
    expect(read.settings.schemaVersion).toBe(SCHEMA_VERSION);
    expect(read.tables.map((t) => t.rows.map((r) => r.raw))).toEqual(
      entriesBefore.tables.map((t) => t.rows.map((r) => r.raw)),
    );
    expect(host.getCell(domainSheetName(1, "fr"), "Q5").value).toBe(75);
    expect(host.getCell("LIAT", "B17").value).toBe(75);
    expect(host.getCell("LIAT", "B18").value).toBe(25);
    expect(host.getCell("LIAT", "B3").value).toBe("Lyon");
    expect(host.model.findSheetByName(domainSheetName(1, "fr"))!.protection.protected).toBe(true);
  });

  test("upgrades a version 2 workbook that still has its flags sheet: entries kept, flags gone, Check and rules, Points rewritten", async () => {
    const host = newHost();
    // Statuses spelt as people type them, wildcards included: version 2's MATCH read "P*" or "*" as patterns.
    const spellings: (string | number | boolean)[] = [
      "P*",
      "*",
      "Not start?d",
      "~",
      "Pérennise",
      " pérennisé ",
      "in\tprogress",
      "Non\u00a0commencé",
      "PLANNED",
      "mis en oeuvre",
      3,
      "2",
      "N/A",
      true,
      "peut-être",
      "Planifié",
    ];
    const codes = objectivesOfDomain(1).map((o) => o.code);
    const entries = Object.fromEntries(
      spellings.map((status, i) => [codes[i]!, { status, ...(i % 2 === 0 ? { responsible: "Mairie" } : {}) }]),
    );
    await buildV2Workbook(host, "fr", entries);
    const sheet = domainSheetName(1, "fr");
    expect(host.model.findSheetByName(LEGACY_FLAGS_SHEET)).toBeDefined();
    expect((await readWorkbook()).settings.schemaVersion).toBe(2);
    const core = (status: unknown) => {
      const p = parseStatus(status);
      return p.kind === "level" ? p.points : p.kind === "na" ? "NA" : p.kind === "blank" ? "" : "?";
    };
    const pointsBefore = codes.map((_, i) => host.getCell(sheet, `Q${5 + i}`).value);
    // the old formulas disagree with the core on some spelling (else this test could not fail)
    expect(pointsBefore.slice(0, spellings.length)).not.toEqual(spellings.map(core));
    const entriesBefore = await readWorkbook();
    const before = allValues(host);

    const result = await insertLiat({ lang: "fr" });
    expect(result.upgradedFrom).toBe(2);
    expect(result.created).toEqual([]);
    expect(host.model.findSheetByName(LEGACY_FLAGS_SHEET)).toBeUndefined();
    const after = allValues(host);
    for (const d of DOMAIN_IDS) {
      const name = domainSheetName(d, "fr");
      // every cell left of Points is unchanged; the Check column (R) is added
      before[name]!.forEach((row, r) =>
        row.slice(0, 16).forEach((v, c) => expect([r, c, after[name]![r]![c]]).toEqual([r, c, v])),
      );
      expect(after[name]![3]![16]).toBe("Points");
      expect(after[name]![3]![17]).toBe("Contrôle");
    }
    const read = await readWorkbook();
    expect(read.settings.schemaVersion).toBe(SCHEMA_VERSION);
    expect(read.tables.map((t) => t.rows.map((r) => r.raw))).toEqual(
      entriesBefore.tables.map((t) => t.rows.map((r) => r.raw)),
    );
    // Points as the core scores each spelling; the Check column as the core explains each row
    const rows = read.tables.find((t) => t.sheet === sheet)!.rows;
    rows.forEach((r, i) => {
      expect([r.code, host.getCell(sheet, `Q${5 + i}`).value]).toEqual([r.code, core(r.raw.status)]);
      expect([r.code, host.getCell(sheet, `R${5 + i}`).value]).toEqual([
        r.code,
        checkColumnText(r.raw, "fr", entryHeaders("fr")),
      ]);
    });
    // the rules: "peut-être" is red, "Planifié" is not
    expect(isHighlighted(host, sheet, `F${5 + spellings.indexOf("peut-être")}`)).toBe(true);
    expect(isHighlighted(host, sheet, `F${5 + spellings.indexOf("Planifié")}`)).toBe(false);
  });

  test("a password-protected sheet that needs upgrading gives a clear error and changes nothing", async () => {
    const host = newHost();
    await buildV1Workbook(host, "en", {}, { password: "secret" });
    const before = allValues(host);
    const error = (await insertLiat({ lang: "en" }).catch((e: unknown) => e)) as LiatError;
    expect(error).toBeInstanceOf(LiatError);
    expect(error.key).toBe("sheetProtected");
    expect(error.localized.en).toContain("1 Governance");
    expect(error.localized.fr).toContain("protégée");
    expect(allValues(host)).toEqual(before);
  });

  test("a workbook from a newer add-in is refused", async () => {
    const host = newHost();
    await insertLiat({ lang: "en" });
    await run(host, (wb) => {
      wb.properties.custom.add(SCHEMA_PROPERTY, SCHEMA_VERSION + 1);
    });
    await expect(insertLiat({ lang: "en" })).rejects.toMatchObject({ key: "newerSchema" });
  });
});
