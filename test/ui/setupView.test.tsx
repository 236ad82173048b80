/** Setup view: insert chosen domains, insert the missing ones, save settings, protected workbook message. */

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { domainSheetName } from "../../src/core/layout";
import { installHost, renderPane } from "./paneHarness";

// inserting writes every native check formula into the in-memory host: slow on a loaded machine
jest.setTimeout(90_000);

function sheetNames(host: ReturnType<typeof installHost>): string[] {
  return host.getSnapshot().sheets.map((s) => s.name);
}

test("inserts the chosen domains, then the missing ones", async () => {
  const host = installHost({ displayLanguage: "fr-FR" });
  renderPane({ lang: "fr", view: "setup" });
  const city = await screen.findByRole("textbox", { name: "Ville" });
  await userEvent.type(city, "Dakar");
  await userEvent.type(screen.getByRole("textbox", { name: "Période de référence" }), "2025");
  await userEvent.click(screen.getByRole("checkbox", { name: "4. Bien-être et santé" }));
  await userEvent.click(screen.getByRole("checkbox", { name: "6. Soutien global aux migrants et aux réfugiés" }));
  expect((screen.getByRole("checkbox", { name: "Tous les domaines" }) as HTMLInputElement).indeterminate).toBe(true);

  await userEvent.click(screen.getByRole("button", { name: "Insérer les feuilles LIAT" }));
  const outcome = await screen.findByTestId("setup-outcome");
  expect(outcome.textContent).toMatch(/Terminé/);
  const names = sheetNames(host);
  for (const d of [1, 2, 3, 5] as const) expect(names).toContain(domainSheetName(d, "fr"));
  expect(names).not.toContain(domainSheetName(4, "fr"));
  expect(names).not.toContain(domainSheetName(6, "fr"));

  // the pane now knows the workbook: two domains are missing, the settings were written
  const missing = await screen.findByRole("button", { name: "Insérer les 2 domaines manquants" });
  expect(outcome.textContent).toMatch(/Feuille de couverture et 4 feuilles de domaine créées\./);
  expect(screen.getByTestId("domains-present").textContent).toMatch(/^4 sur 6 \(1\. /);
  expect(screen.getByTestId("domains-missing").textContent).toMatch(/^4\. .*, 6\. /);
  // the language is fixed once inserted, and says why
  expect(screen.queryByRole("combobox", { name: "Langue du classeur" })).toBeNull();
  expect(screen.getByTestId("workbook-language").textContent).toBe("Français");
  await waitFor(() => expect((screen.getByRole("textbox", { name: "Ville" }) as HTMLInputElement).value).toBe("Dakar"));
  await userEvent.click(missing);
  await waitFor(() => expect(sheetNames(host)).toContain(domainSheetName(6, "fr")));
  expect(sheetNames(host)).toContain(domainSheetName(4, "fr"));
  await waitFor(() => expect(screen.queryByRole("button", { name: /domaines? manquants?/ })).toBeNull());
  expect(screen.getByTestId("domains-present").textContent).toMatch(/^6 sur 6/);
  expect(screen.getByTestId("setup-outcome").textContent).toMatch(/[^t]2 feuilles de domaine créées\.$/);
  expect(screen.queryByTestId("domains-missing")).toBeNull();
});

test("says plainly when the workbook is protected", async () => {
  const host = installHost({ displayLanguage: "en-US" });
  renderPane({ lang: "en", view: "setup" });
  await userEvent.click(await screen.findByRole("button", { name: "Insert the LIAT sheets" }));
  await screen.findByRole("button", { name: "Save city and period" });
  // someone protects every sheet with a password
  for (const sheet of host.model.sheets) if (!sheet.protection.protected) host.model.protect(sheet, {}, "secret");
  await userEvent.type(screen.getByRole("textbox", { name: "City" }), "Lyon");
  await userEvent.click(screen.getByRole("button", { name: "Save city and period" }));
  const error = await screen.findByTestId("workbook-error");
  expect(error.textContent).toMatch(/The workbook is protected/);
  expect(error.textContent).toMatch(/protected with a password/);
});

test("an unknown failure gets the generic message and its details", async () => {
  installHost({ displayLanguage: "en-US" });
  const { createExcelWorkbookApi } = await import("../../src/taskpane/workbookApi");
  const api = createExcelWorkbookApi();
  api.insert = async () => {
    throw new TypeError("boom");
  };
  const { render } = await import("@testing-library/react");
  const { App } = await import("../../src/taskpane/App");
  const { createI18n } = await import("../../src/taskpane/i18n/i18n");
  render(<App api={api} i18n={createI18n("en")} initialView="setup" />);
  await userEvent.click(await screen.findByRole("button", { name: "Insert the LIAT sheets" }));
  const error = await screen.findByTestId("workbook-error");
  expect(error.textContent).toMatch(/The operation did not complete/);
  expect(error.textContent).toMatch(/Something went wrong/);
  expect(error.textContent).toMatch(/Details: TypeError: boom/);
});

test("on a workbook without LIAT sheets, the workbook language starts as the interface language", async () => {
  const host = installHost({ displayLanguage: "fr-FR" });
  renderPane({ lang: "fr" });
  // the status is known (no LIAT sheets) before Setup opens
  await screen.findByTestId("first-run");
  await userEvent.click(screen.getByRole("tab", { name: "Configuration" }));
  const select = (await screen.findByRole("combobox", { name: "Langue du classeur" })) as HTMLSelectElement;
  expect(select.value).toBe("fr");
  await userEvent.click(screen.getByRole("button", { name: "Insérer les feuilles LIAT" }));
  await screen.findByTestId("setup-outcome");
  expect(sheetNames(host)).toContain(domainSheetName(1, "fr"));
});

test("offers to upgrade an older workbook, and upgrading keeps the entries", async () => {
  const { buildV1Workbook } = await import("../unit/excelFixtures");
  const host = installHost({ displayLanguage: "en-US" });
  await buildV1Workbook(host, "en", {
    "1.1.1": { status: "Implemented", responsible: "Mayor", evidence: "https://example.org" },
  });
  renderPane({ lang: "en" });
  // the summary already reads the old workbook
  await waitFor(() =>
    expect(screen.getByTestId("domain-1").querySelector('[data-testid="score"]')?.textContent).toBe("75.0"),
  );
  await userEvent.click(screen.getByRole("tab", { name: "Setup" }));
  expect(await screen.findByText(/older LIAT layout \(version 1\)/)).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "Upgrade this workbook" }));
  const outcome = await screen.findByTestId("setup-outcome");
  expect(outcome.textContent).toMatch(/Workbook upgraded from version 1\./);
  await waitFor(() => expect(screen.queryByRole("button", { name: "Upgrade this workbook" })).toBeNull());
  await userEvent.click(screen.getByRole("tab", { name: "Summary" }));
  await waitFor(() =>
    expect(screen.getByTestId("domain-1").querySelector('[data-testid="score"]')?.textContent).toBe("75.0"),
  );
});
