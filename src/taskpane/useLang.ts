/** The current interface language, as a Lang. */
import { useTranslation } from "react-i18next";
import { langFromLocale, type Lang } from "../core/language";

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return langFromLocale(i18n.resolvedLanguage ?? i18n.language);
}
