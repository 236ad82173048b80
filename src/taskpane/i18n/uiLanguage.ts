/**
 * The interface language: the user's saved choice, else Office's display language, else (outside Office) the
 * browser's, else English.
 */
import { isLang, langFromLocale, type Lang } from "../../core/language";

export const UI_LANG_STORAGE_KEY = "liat.uiLanguage";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage can be blocked (privacy settings): the choice is then not remembered
  }
}

export function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
  } catch {
    return undefined;
  }
}

export function initialUiLanguage(): Lang {
  const saved = storage()?.getItem(UI_LANG_STORAGE_KEY);
  if (isLang(saved)) return saved;
  return langFromLocale(officeDisplayLanguage() ?? (typeof navigator === "undefined" ? undefined : navigator.language));
}

export function saveUiLanguage(lang: Lang): void {
  try {
    storage()?.setItem(UI_LANG_STORAGE_KEY, lang);
  } catch {
    // quota or privacy mode: the choice lasts for this session only
  }
}
