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
  // most values are one line already, with single spaces: nothing to replace
  const oneLine = /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, " ") : text;
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}

export function formatMessage(key: MessageKey, lang: Lang, params: MessageParams = {}): string {
  return text(lang, `messages:${key}`, {
    allowedStatuses: statusLabels(lang).join(", "),
    allowedGroups: targetGroupLabels(lang).join("; "),
    ...params,
  });
}

/**
 * Messages already formatted: by key (with the name of its only parameter, or with every parameter when there
 * are several), then by that parameter's value. A large workbook repeats a few messages on many rows. Bounded.
 */
const memo = new Map<string, Map<string | number, Localized>>();
const MEMO_SIZE = 5_000;
let memoized = 0;

/** The memo's table for a key and the name of its only parameter, made once (a few dozen: keys × names in the code). */
const tableNames = new Map<string, Map<string, string>>();
function tableName(key: MessageKey, name: string): string {
  let byName = tableNames.get(key);
  if (byName === undefined) tableNames.set(key, (byName = new Map()));
  let table = byName.get(name);
  if (table === undefined) byName.set(name, (table = `${key}\u0000${name}`));
  return table;
}

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
  const table = count === 0 ? key : count === 1 ? tableName(key, only!) : `${key}\u0000${JSON.stringify(params)}`;
  const value = count === 1 ? params[only!]! : "";
  let byValue = memo.get(table);
  let message = byValue?.get(value);
  if (message === undefined) {
    message = Object.freeze(
      Object.fromEntries(LANGUAGES.map((lang) => [lang, formatMessage(key, lang, params)])),
    ) as Localized;
    if (memoized >= MEMO_SIZE) {
      memo.clear();
      memoized = 0;
      byValue = undefined;
    }
    if (byValue === undefined) memo.set(table, (byValue = new Map()));
    byValue.set(value, message);
    memoized++;
  }
  return message;
}
