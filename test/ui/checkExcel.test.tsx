/**
 * Setup > Check this Excel, in the real pane over the in-memory host: in a blank workbook it runs the whole
 * scenario and shows a pass report (version, platform, sets, every step) with a copy button; in a workbook that
 * holds LIAT sheets it asks for a new blank workbook; texts in the pane's language.
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { registerLiatFunctions } from "../../tooling/excel-host/liatFunctions";
import { insertLiat } from "../../src/excel/workbookOperations";
import { installHost, renderPane } from "./paneHarness";

jest.setTimeout(120_000);

test("runs the check in a blank workbook and gives a report to copy (French)", async () => {
  const host = installHost({ profile: "web", displayLanguage: "fr-FR" });
  await registerLiatFunctions(host);
  const writeText = jest.fn(async (_text: string) => undefined);
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
  renderPane({ lang: "fr", view: "setup" });
  await userEvent.click(await screen.findByRole("button", { name: "Vérifier cet Excel" }));
  const outcome = await screen.findByTestId("check-outcome", {}, { timeout: 100_000 });
  expect(outcome.textContent).toBe("Tout fonctionne dans cet Excel.");
  const report = (screen.getByRole("textbox", { name: "Rapport" }) as HTMLTextAreaElement).value;
  expect(report).toMatch(/^LIAT — PASS — /);
  expect(report).toContain(`Excel ${host.profile.version}`);
  expect(report).toContain("OfficeOnline");
  expect(report).toContain("ExcelApiOnline 1.1");
  for (const step of ["Insertion des feuilles", "Fonctions LIAT", "Consolidation", "Navigation", "Nettoyage"])
    expect(report).toMatch(new RegExp(`✓ ${step}: `));
  await userEvent.click(screen.getByRole("button", { name: "Copier le rapport" }));
  await waitFor(() => expect(writeText).toHaveBeenCalledWith(report));
  expect(await screen.findByText("Rapport copié.")).toBeTruthy();
  // the workbook is as it was
  expect(host.getSnapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("asks for a new blank workbook where LIAT sheets are already (Spanish)", async () => {
  const host = installHost({ displayLanguage: "es-ES" });
  await insertLiat({ lang: "es" });
  const before = host.getSnapshot().sheets.map((s) => s.name);
  renderPane({ lang: "es", view: "setup" });
  await userEvent.click(await screen.findByRole("button", { name: "Comprobar este Excel" }));
  expect((await screen.findByTestId("check-not-blank")).textContent).toMatch(/libro nuevo en blanco/);
  expect(screen.getByRole("button", { name: "Abrir un libro nuevo en blanco" })).toBeTruthy();
  expect(host.getSnapshot().sheets.map((s) => s.name)).toEqual(before);
});
