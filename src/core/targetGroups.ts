import { localized, textList } from "./i18n/texts";
import { LANGUAGES, type Lang, type Localized } from "./language";
import { textKey } from "./textKey";

export type TargetGroupId = "migrants" | "refugees" | "idps" | "undocumented" | "host";

const IDS: readonly TargetGroupId[] = ["migrants", "refugees", "idps", "undocumented", "host"];

/** Target groups; labels and other accepted spellings (texts `catalogue:targetGroupAlias`) come from the catalogue texts. */
export const TARGET_GROUPS: readonly { id: TargetGroupId; label: Localized; aliases: string[] }[] = IDS.map((id) => ({
  id,
  label: localized(`catalogue:targetGroup.${id}`),
  aliases: LANGUAGES.flatMap((lang) => textList(lang, `catalogue:targetGroupAlias.${id}`)),
}));

const BY_KEY = new Map<string, TargetGroupId>();
for (const g of TARGET_GROUPS) {
  for (const name of [...Object.values(g.label), g.id, ...g.aliases]) BY_KEY.set(textKey(name), g.id);
}

const CACHE = new Map<string, { groups: TargetGroupId[]; unknown: string[] }>();

/** Splits a `;`-separated list and reads each item; unknown items are returned as they were written. */
export function parseTargetGroups(text: string): { groups: TargetGroupId[]; unknown: string[] } {
  const cached = CACHE.get(text);
  if (cached) return { groups: [...cached.groups], unknown: [...cached.unknown] };
  const result = readTargetGroups(text);
  if (CACHE.size < 500 && text.length < 200) CACHE.set(text, result);
  return { groups: [...result.groups], unknown: [...result.unknown] };
}

function readTargetGroups(text: string): { groups: TargetGroupId[]; unknown: string[] } {
  const groups: TargetGroupId[] = [];
  const unknown: string[] = [];
  for (const item of text.split(/[;\n]/)) {
    const trimmed = item.trim();
    if (trimmed === "") continue;
    const id = BY_KEY.get(textKey(trimmed));
    if (id === undefined) unknown.push(trimmed);
    else if (!groups.includes(id)) groups.push(id);
  }
  return { groups, unknown };
}

export function targetGroupLabels(lang: Lang): string[] {
  return TARGET_GROUPS.map((g) => g.label[lang]);
}
