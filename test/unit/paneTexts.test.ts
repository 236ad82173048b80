/**
 * The pane's texts loaded on demand, as in the browser build: there the texts bundled at start carry one shared
 * empty object for every namespace left out (webpack.config.js), and the core's i18next instance shares it too.
 */
import { createInstance } from "i18next";
import { RESOURCES } from "../../src/core/i18n/texts";
import { LANGUAGES } from "../../src/core/language";
import { changePaneLanguage, loadPaneTexts } from "../../src/taskpane/i18n/paneTexts";

function browserLikeInstance(shared: Record<string, unknown>) {
  const resources = Object.fromEntries(LANGUAGES.map((lang) => [lang, { ...RESOURCES[lang], pane: shared }]));
  const i18n = createInstance();
  void i18n.init({ resources, lng: "en", fallbackLng: "en", defaultNS: "pane", initAsync: false });
  return i18n;
}

test("each language's pane texts load for that language alone, leaving the shared empty object untouched", async () => {
  const shared = {};
  const i18n = browserLikeInstance(shared);
  expect(i18n.t("tabs.setup")).toBe("tabs.setup"); // not there before loading

  await loadPaneTexts(i18n, "en");
  const english = i18n.t("tabs.setup");
  expect(english).not.toBe("tabs.setup");
  expect(shared).toEqual({});

  await changePaneLanguage(i18n, "fr");
  expect(i18n.language).toBe("fr");
  const french = i18n.t("tabs.setup");
  expect(french).not.toBe("tabs.setup");
  expect(french).not.toBe(english);
  expect(french).toBe((RESOURCES.fr!.pane as { tabs: { setup: string } }).tabs.setup);
  expect(shared).toEqual({});
});
