import type { Lang, Localized } from "./language";
import { textKey } from "./textKey";

export type TargetGroupId = "migrants" | "refugees" | "idps" | "undocumented" | "host";

export const TARGET_GROUPS: readonly { id: TargetGroupId; label: Localized; aliases: string[] }[] = [
  { id: "migrants", label: { fr: "migrants", en: "migrants" }, aliases: ["migrant", "migrantes", "migrant.e.s"] },
  {
    id: "refugees",
    label: { fr: "réfugiés", en: "refugees" },
    aliases: ["refugee", "réfugié", "réfugiées", "réfugié.e.s"],
  },
  {
    id: "idps",
    label: { fr: "déplacés internes", en: "internally displaced" },
    aliases: ["IDP", "IDPs", "internally displaced persons", "personnes déplacées internes", "déplacés"],
  },
  {
    id: "undocumented",
    label: { fr: "sans-papiers", en: "undocumented" },
    aliases: ["sans papiers", "undocumented migrants"],
  },
  {
    id: "host",
    label: { fr: "communauté d'accueil", en: "host community" },
    aliases: ["communautés d'accueil", "host communities", "communauté d’accueil"],
  },
];

const BY_KEY = new Map<string, TargetGroupId>();
for (const g of TARGET_GROUPS) {
  for (const name of [g.label.fr, g.label.en, g.id, ...g.aliases]) BY_KEY.set(textKey(name), g.id);
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
