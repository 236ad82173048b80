/** Validation messages (texts in i18n/<lang>/messages.json), filled in per language. */
import type messages from "./i18n/en/messages.json";
import { text } from "./i18n/texts";
import { LANGUAGES, type Lang, type Localized } from "./language";
import { statusLabels } from "./status";
import { targetGroupLabels } from "./targetGroups";

export type MessageKey = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

/** Shortens a value quoted in a message so that a 32,767-character cell does not flood the UI. */
export function quoteValue(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}

export function formatMessage(key: MessageKey, lang: Lang, params: MessageParams = {}): string {
  return text(lang, `messages:${key}`, {
    allowedStatuses: statusLabels(lang).join(", "),
    allowedGroups: targetGroupLabels(lang).join("; "),
    ...params,
  });
}

export function localizedMessage(key: MessageKey, params: MessageParams = {}): Localized {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, formatMessage(key, lang, params)])) as Localized;
}
