/** The real LIAT.* custom functions run inside the in-memory host, with their generated metadata. */
import { createHost, installCustomFunctionsShim } from "../../tooling/excel-host/excelHost";
import { registerLiatFunctions } from "../../tooling/excel-host/liatFunctions";

beforeAll(() => installCustomFunctionsShim(globalThis));

describe("LIAT functions in the host", () => {
  it("registers every function of functions.ts under the LIAT namespace", async () => {
    const host = createHost();
    const names = await registerLiatFunctions(host);
    expect(names).toEqual(
      expect.arrayContaining(["LIAT.SCORE", "LIAT.LEVEL", "LIAT.COVERAGE", "LIAT.RATING", "LIAT.CHECK"]),
    );
  }, 30_000);

  it("computes LIAT.LEVEL and LIAT.SCORE from cells and recalculates on edits", async () => {
    const host = createHost();
    await registerLiatFunctions(host);
    host.setCellValueAsUser("Sheet1", "A1", "Planned");
    host.setCellValueAsUser("Sheet1", "A2", "Implemented");
    host.setCellValueAsUser("Sheet1", "B1", "=LIAT.LEVEL(A1)");
    host.setCellValueAsUser("Sheet1", "C1", "=LIAT.SCORE(A1:A2)");
    expect(host.getCell("Sheet1", "B1").value).toBe(1);
    expect(host.getCell("Sheet1", "C1").value).toBe(50);
    host.setCellValueAsUser("Sheet1", "A2", "Sustained");
    expect(host.getCell("Sheet1", "C1").value).toBe(62.5);
    host.setCellValueAsUser("Sheet1", "D1", '=LIAT.LEVEL("nonsense")');
    expect(host.getCell("Sheet1", "D1")).toMatchObject({ value: "#VALUE!", errorMessage: expect.any(String) });
  }, 30_000);
});
