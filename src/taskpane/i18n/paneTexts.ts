/**
 * The task pane's own texts (namespace `pane`) are loaded for the interface language only: the
 * browser build leaves them out of the texts bundled at start (see webpack.config.js), and each
 * language's file is its own small chunk, fetched while Office starts (`preloadPaneTexts`) and added
 * before the first render and before a switch to another language. Under Node every namespace is
 * bundled, and this finds them already there.
 */
import type { i18n as I18n } from "i18next";
import type { Lang } from "../../core/language";

const NAMESPACE = "pane";

type PaneTexts = Record<string, unknown>;

const fetched = new Map<Lang, Promise<PaneTexts>>();

/** Starts fetching the pane's texts in `lang` (once per language). */
export function preloadPaneTexts(lang: Lang): Promise<PaneTexts> {
  let texts = fetched.get(lang);
  if (!texts) {
    texts = (
      import(
        /* webpackChunkName: "texts-pane-[request]" */
        `../../core/i18n/${lang}/pane.json`
      ) as Promise<{ default: PaneTexts }>
    ).then(
      (module) => module.default,
      (error: unknown) => {
        fetched.delete(lang); // a failed fetch (network) is tried again next time
        throw error;
      },
    );
    fetched.set(lang, texts);
  }
  return texts;
}

function loaded(i18n: I18n, lang: Lang): boolean {
  return Object.keys(i18n.getResourceBundle(lang, NAMESPACE) ?? {}).length > 0;
}

/**
 * Makes sure the pane's texts in `lang` are in `i18n`. Every language has every key of English (a
 * unit test holds them to it), so English, the fallback, is not loaded alongside.
 */
export async function loadPaneTexts(i18n: I18n, lang: Lang): Promise<void> {
  if (loaded(i18n, lang)) return;
  // not deep: a deep merge would write into the object already there, which the browser build shares between
  // every namespace it leaves out (one empty module) and with the core's own i18next instance
  i18n.addResourceBundle(lang, NAMESPACE, await preloadPaneTexts(lang), false, true);
}

/** Switches the interface language once its texts are loaded. */
export async function changePaneLanguage(i18n: I18n, lang: Lang): Promise<void> {
  await loadPaneTexts(i18n, lang);
  await i18n.changeLanguage(lang);
}
