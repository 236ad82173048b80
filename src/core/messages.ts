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

/** Messages already formatted, by key and parameters: a large workbook repeats a few messages on many rows. Bounded. */
const memo = new Map<string, Localized>();
const MEMO_SIZE = 5_000;
/** The same messages by key (and the name of their only parameter), then by that parameter's value. */
const memoByKey = new Map<string, Map<string | number, Localized>>();

/**
 * One message in every language. The same key and parameters give the same (frozen) object, formatted
 * once: issues repeated on thousands of rows share their texts instead of formatting them per row.
 */
export function localizedMessage(key: MessageKey, params: MessageParams = {}): Localized {
  // Most messages have one parameter or none: found by key and value, with no text made to look them up.
  let only: string | undefined;
  let count = 0;
  for (const name in params) {
    only = name;
    if (++count > 1) break;
  }
  if (count <= 1) {
    const byValue = memoByKey.get(count === 0 ? key : `${key}\u0000${only}`);
    const found = byValue?.get(count === 0 ? "" : params[only!]!);
    if (found !== undefined) return found;
  }
  const id = `${key}\u0000${JSON.stringify(params)}`;
  let message = memo.get(id);
  if (message === undefined) {
    message = Object.freeze(
      Object.fromEntries(LANGUAGES.map((lang) => [lang, formatMessage(key, lang, params)])),
    ) as Localized;
    if (memo.size >= MEMO_SIZE) {
      memo.clear();
      memoByKey.clear();
    }
    memo.set(id, message);
    if (count <= 1) {
      const k = count === 0 ? key : `${key}\u0000${only}`;
      let byValue = memoByKey.get(k);
      if (byValue === undefined) memoByKey.set(k, (byValue = new Map()));
      byValue.set(count === 0 ? "" : params[only!]!, message);
    }
  }
  return message;
}
