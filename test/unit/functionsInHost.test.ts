/**
 * The LIAT.* functions typed into cells of the in-memory host, computed by its spreadsheet engine
 * with the add-in's real code and generated metadata. Empty cells are passed as Excel desktop
 * passes them (0 to "any" parameters), so a blank status must still not count as "Not started".
 */
import { createHost } from "../../tooling/excel-host/excelHost";
import { registerLiatFunctions } from "../../tooling/excel-host/liatFunctions";

async function hostWith(values: (string | number)[][]) {
  const host = createHost({ sheets: ["S"] });
  await registerLiatFunctions(host);
  await host.Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange(`A1:A${values.length}`).values = values;
    await context.sync();
  });
  return host;
}

describe("LIAT.* in cells", () => {
  it("SCORE and COVERAGE leave blank cells out, as the core does", async () => {
    const host = await hostWith([["Pérennisé"], ["Non applicable"], ["En cours"], [""]]);
    host.setCellValueAsUser("S", "B1", "=LIAT.SCORE(A1:A4)");
    host.setCellValueAsUser("S", "B2", "=LIAT.COVERAGE(A1:A4)");
    expect(host.getCell("S", "B1").value).toBe(75);
    expect(host.getCell("S", "B2").value).toBeCloseTo(2 / 3, 12);
  });
  it("recalculates when a status changes, and a bad status is an error with a message", async () => {
    const host = await hostWith([["Planned"], ["Implemented"]]);
    host.setCellValueAsUser("S", "B1", "=LIAT.SCORE(A1:A2)");
    expect(host.getCell("S", "B1").value).toBe(50);
    host.setCellValueAsUser("S", "A2", "Sustained");
    expect(host.getCell("S", "B1").value).toBe(62.5);
    host.setCellValueAsUser("S", "A1", "Finished");
    const cell = host.getCell("S", "B1");
    expect(cell.value).toBe("#VALUE!");
    expect(cell.errorMessage).toContain("Finished");
  });
  it("RATING, LEVEL and CHECK through the engine", async () => {
    const host = await hostWith([["Mis en œuvre"]]);
    host.setCellValueAsUser("S", "M1", "=LIAT.LEVEL(A1)");
    host.setCellValueAsUser("S", "M2", '=LIAT.RATING(62.5,"fr")');
    host.setCellValueAsUser("S", "M3", '=LIAT.CHECK(A1:K1,"en")');
    host.setCellValueAsUser("S", "M4", "=LIAT.LEVEL(Z9)");
    expect(host.getCell("S", "M1").value).toBe(3);
    expect(host.getCell("S", "M2").value).toBe("Établi");
    expect(String(host.getCell("S", "M3").value)).toContain("responsible service");
    expect(host.getCell("S", "M4").value).toBe("");
  });
});
