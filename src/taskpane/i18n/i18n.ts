/**
 * Creates the task pane's i18next instance over the product's one set of texts (src/core/i18n):
 * pane texts by default, catalogue names (domains, priorities, ratings, statuses) as a fallback
 * namespace. Resources are bundled: initialisation is synchronous.
 */
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { i18nOptions } from "../../core/i18n/texts";
import type { Lang } from "../../core/language";

export function createI18n(lang: Lang): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({ ...i18nOptions(lang, "pane"), fallbackNS: ["catalogue"] });
  return instance;
}
