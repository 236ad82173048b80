import { domainSheetName } from "../../src/core/layout";
import { readWorkbook, readSummary } from "../../src/excel/workbookOperations";
import { newHost, run } from "./excelFixtures";
import { insertLiat } from "../../src/excel/workbookOperations";

describe("readWorkbook", () => {
  test("finds tables by header row: renamed sheet, moved columns, rows inserted, title rows above", async () => {
    const host = newHost(["Notes"]);
    await run(host, (wb) => {
      const ws = wb.worksheets.add("Copie reçue de Lyon");
      ws.getRange("B1").values = [["Retour de la ville"]];
      // columns in another order, other spellings, an extra column, header on row 3 starting at B
      ws.getRange("B3:H3").values = [
        ["STATUS", "Commentaire", "code objectif", "Extra", "Budget", "Devise", "Start date"],
      ];
      ws.getRange("D4:D9").numberFormat = [["@"], ["@"], ["@"], ["@"], ["@"], ["@"]];
      ws.getRange("B4:H9").values = [
        ["Planned", "ok", "1.1.1", "x", 100, "EUR", 45000],
        ["", "", "", "", "", "", ""],
        ["Sustained", "", "1,2,1", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["N/A", "", "2.1", "", "", "", ""],
      ];
    });
    const read = await readWorkbook();
    expect(read.tables).toHaveLength(1);
    const t = read.tables[0]!;
    expect(t.sheet).toBe("Copie reçue de Lyon");
    expect(t.headerRow).toBe(2);
    expect(t.columns).toMatchObject({ status: 1, comments: 2, code: 3, budget: 5, currency: 6, start: 7 });
    expect(t.missing).toEqual(["responsible", "partners", "targetGroups", "end", "beneficiaries", "evidence"]);
    expect(t.rows.map((r) => [r.code, r.rowIndex, r.raw.status])).toEqual([
      ["1.1.1", 3, "Planned"],
      ["1.2.1", 5, "Sustained"],
      ["2.1", 8, "N/A"],
    ]);
    expect(t.rows[0]!.raw).toEqual({ status: "Planned", comments: "ok", budget: 100, currency: "EUR", start: 45000 });
    expect(t.rows[0]!.cells).toMatchObject({ status: "B4", code: "D4", start: "H4" });
    expect(t.domain).toBe(1);
  });

  test("reads inserted sheets after rows are inserted inside the table and the sheet is renamed", async () => {
    const host = newHost();
    await insertLiat({ lang: "en" });
    const name = domainSheetName(2, "en");
    expect(host.setCellValueAsUser(name, "F5", "In progress").ok).toBe(true);
    // the user unprotects, inserts two rows above the first objective, renames the sheet, moves nothing else
    await run(host, (wb) => {
      const ws = wb.worksheets.getItem(name);
      ws.protection.unprotect();
      ws.getRange("5:6").insert("Down" as Excel.InsertShiftDirection);
      ws.name = "Jobs";
    });
    const read = await readWorkbook();
    const t = read.tables.find((x) => x.domain === 2)!;
    expect(t.sheet).toBe("Jobs");
    expect(t.rows[0]).toMatchObject({
      code: "2.1",
      rowIndex: 6,
      raw: { status: "In progress" },
      cells: { status: "F7" },
    });
    const summary = await readSummary();
    expect(summary.domains.find((d) => d.domain === 2)!.score).toBe(50);
  });
});
