/** Interface language: Office's display language first, a manual switch that is remembered; theme from Office. */

import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { DARK_THEME, LIGHT_THEME } from "../../tooling/excel-host/excelHost";
import { App } from "../../src/taskpane/App";
import { createI18n } from "../../src/taskpane/i18n/i18n";
import { initialUiLanguage, UI_LANG_STORAGE_KEY } from "../../src/taskpane/i18n/uiLanguage";
import { isDarkBackground, officeFluentTheme } from "../../src/taskpane/theme";
import { createExcelWorkbookApi } from "../../src/taskpane/workbookApi";
import { installHost } from "./paneHarness";

jest.setTimeout(30_000);

beforeEach(() => localStorage.clear());

function renderFromOffice() {
  return render(<App api={createExcelWorkbookApi()} i18n={createI18n(initialUiLanguage())} />);
}

test("starts in Office's display language; the manual choice wins and is remembered", async () => {
  installHost({ displayLanguage: "fr-FR" });
  const first = renderFromOffice();
  expect(await screen.findByRole("tab", { name: "Synthèse" })).toBeTruthy();
  expect(document.documentElement.lang).toBe("fr");

  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Langue de l'interface" }), "en");
  expect(await screen.findByRole("tab", { name: "Summary" })).toBeTruthy();
  expect(screen.getByRole("tab", { name: "Issues" })).toBeTruthy();
  expect(document.documentElement.lang).toBe("en");
  expect(localStorage.getItem(UI_LANG_STORAGE_KEY)).toBe("en");
  first.unmount();

  // next time, Office still says French, the saved choice is English
  renderFromOffice();
  expect(await screen.findByRole("tab", { name: "Summary" })).toBeTruthy();
});

test("speaks Spanish for a Spanish display language (Spain or Latin America)", async () => {
  installHost({ displayLanguage: "es-MX" });
  renderFromOffice();
  expect(await screen.findByRole("tab", { name: "Resumen" })).toBeTruthy();
  expect(screen.getByRole("tab", { name: "Configuración" })).toBeTruthy();
  expect(document.documentElement.lang).toBe("es");
  expect(document.documentElement.dir).toBe("ltr");
  expect(screen.getByRole("combobox", { name: "Idioma de la interfaz" })).toBeTruthy();
  expect(screen.getByRole("option", { name: "Español" })).toBeTruthy();
});

test("an unknown display language gives English", () => {
  installHost({ displayLanguage: "de-DE" });
  expect(initialUiLanguage()).toBe("en");
});

test("follows the Office theme: dark background gives the dark Fluent theme", () => {
  expect(isDarkBackground(DARK_THEME.bodyBackgroundColor)).toBe(true);
  expect(isDarkBackground(LIGHT_THEME.bodyBackgroundColor)).toBe(false);
  expect(isDarkBackground("#333")).toBe(true);
  expect(isDarkBackground(undefined)).toBe(false);
  expect(officeFluentTheme(DARK_THEME.bodyBackgroundColor)).toBe(webDarkTheme);
  expect(officeFluentTheme(LIGHT_THEME.bodyBackgroundColor)).toBe(webLightTheme);
  installHost({ theme: DARK_THEME });
  expect(officeFluentTheme()).toBe(webDarkTheme);
});

test("a theme changed while the pane is open is followed when the pane comes back into focus", async () => {
  installHost({ displayLanguage: "en-US", theme: LIGHT_THEME });
  const { container } = renderFromOffice();
  expect(await screen.findByRole("tab", { name: "Summary" })).toBeTruthy();
  const provider = () => container.querySelector("[data-theme]")!;
  expect(provider().getAttribute("data-theme")).toBe("light");
  // File > Account > Office Theme: Black, then back to the pane
  Object.assign(Office.context.officeTheme, DARK_THEME);
  act(() => void fireEvent.focus(window));
  expect(provider().getAttribute("data-theme")).toBe("dark");
  Object.assign(Office.context.officeTheme, LIGHT_THEME);
  act(() => void document.dispatchEvent(new Event("visibilitychange")));
  expect(provider().getAttribute("data-theme")).toBe("light");
});

test("counts agree in number in both languages (French: 0 and 1 take the singular)", () => {
  const en = createI18n("en");
  const frI = createI18n("fr");
  const issues = (i: ReturnType<typeof createI18n>, errors: number, warnings: number) =>
    i.t("consolidate.issuesValue", {
      errors: i.t("consolidate.errors", { count: errors }),
      warnings: i.t("consolidate.warnings", { count: warnings }),
    });
  expect(issues(en, 1, 0)).toBe("1 error, 0 warnings");
  expect(issues(en, 2, 1)).toBe("2 errors, 1 warning");
  expect(issues(frI, 0, 1)).toBe("0 erreur, 1 avertissement");
  expect(issues(frI, 3, 2)).toBe("3 erreurs, 2 avertissements");
});
