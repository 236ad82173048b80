import type { Lang, Localized } from "./language";
import { textKey } from "./textKey";

/** Maturity levels 0 to 4 of the LIAT scale. */
export type Level = 0 | 1 | 2 | 3 | 4;

export interface StatusStep {
  level: Level;
  points: number;
  label: Localized;
  /** Longer explanation shown in input messages and help. */
  description: Localized;
}

/** The maturity scale: one status per objective. */
export const STATUS_SCALE: readonly StatusStep[] = [
  {
    level: 0,
    points: 0,
    label: { fr: "Non commencé", en: "Not started" },
    description: { fr: "Rien n'est encore engagé.", en: "Nothing has been undertaken yet." },
  },
  {
    level: 1,
    points: 25,
    label: { fr: "Planifié", en: "Planned" },
    description: { fr: "L'action est décidée et planifiée.", en: "The action is decided and planned." },
  },
  {
    level: 2,
    points: 50,
    label: { fr: "En cours", en: "In progress" },
    description: { fr: "La mise en œuvre a commencé.", en: "Implementation has started." },
  },
  {
    level: 3,
    points: 75,
    label: { fr: "Mis en œuvre", en: "Implemented" },
    description: { fr: "L'action est réalisée.", en: "The action is carried out." },
  },
  {
    level: 4,
    points: 100,
    label: { fr: "Pérennisé", en: "Sustained" },
    description: { fr: "Évalué et institutionnalisé.", en: "Evaluated and institutionalised." },
  },
];

export const NOT_APPLICABLE_LABEL: Localized = { fr: "Non applicable", en: "Not applicable" };

/** Every label a status list offers, in scale order, N/A last. */
export function statusLabels(lang: Lang): string[] {
  return [...STATUS_SCALE.map((s) => s.label[lang]), NOT_APPLICABLE_LABEL[lang]];
}

/** What a status cell means once read. */
export type ParsedStatus =
  | { kind: "level"; level: Level; points: number }
  | { kind: "na" }
  | { kind: "blank" }
  | { kind: "invalid"; raw: unknown };

const BY_KEY = new Map<string, ParsedStatus>();
for (const step of STATUS_SCALE) {
  const parsed: ParsedStatus = { kind: "level", level: step.level, points: step.points };
  for (const label of Object.values(step.label)) BY_KEY.set(textKey(label), parsed);
  BY_KEY.set(String(step.level), parsed);
}
BY_KEY.set(textKey("Sustained (evaluated and institutionalised)"), BY_KEY.get("4")!);
BY_KEY.set(textKey("Sustained (evaluated and institutionalized)"), BY_KEY.get("4")!);
for (const na of [NOT_APPLICABLE_LABEL.fr, NOT_APPLICABLE_LABEL.en, "N/A", "NA", "n.a.", "s.o.", "Sans objet"]) {
  BY_KEY.set(textKey(na), { kind: "na" });
}

/** Exact strings already read (cells repeat the same few labels): skips folding on the hot path. */
const SEEN = new Map<string, ParsedStatus>();

/**
 * Reads a status as a cell gives it: a label in any supported language (any case, with or without
 * accents), a level number 0-4 (as a number or as text), "N/A", or blank (empty string, null,
 * undefined, whitespace). Anything else is invalid, never guessed.
 */
export function parseStatus(value: unknown): ParsedStatus {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0 && value <= 4) return BY_KEY.get(String(value))!;
    return { kind: "invalid", raw: value };
  }
  if (typeof value === "string") {
    const exact = SEEN.get(value);
    if (exact !== undefined) return exact;
    const key = textKey(value);
    const parsed: ParsedStatus = key === "" ? { kind: "blank" } : (BY_KEY.get(key) ?? { kind: "invalid", raw: value });
    if (parsed.kind !== "invalid" && SEEN.size < 1000) SEEN.set(value, parsed);
    return parsed;
  }
  return { kind: "invalid", raw: value };
}
