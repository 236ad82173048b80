/** Creates the task pane's i18next instance (resources are bundled: initialisation is synchronous). */
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Lang } from "../../core/language";
import { RESOURCES } from "./resources";

export function createI18n(lang: Lang): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources: RESOURCES,
    lng: lang,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}
