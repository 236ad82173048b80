import { allSpellings, localized } from "./i18n/texts";
import type { Lang, Localized } from "./language";
import { squeezeSpaces } from "./spaces";
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

const POINTS = [0, 25, 50, 75, 100] as const;

/** The maturity scale: one status per objective (labels and descriptions from the catalogue texts). */
export const STATUS_SCALE: readonly StatusStep[] = POINTS.map((points, level) => ({
  level: level as Level,
  points,
  label: localized(`catalogue:status.${level}`),
  description: localized(`catalogue:statusDescription.${level}`),
}));

export const NOT_APPLICABLE_LABEL: Localized = localized("catalogue:status.na");

/** Every label a status list offers, in scale order, N/A last. */
export function statusLabels(lang: Lang): string[] {
  return [...STATUS_SCALE.map((s) => s.label[lang]), NOT_APPLICABLE_LABEL[lang]];
}

/**
 * Every spelling a status is accepted in, with its meaning: the labels of every language, their
 * other spellings (texts `catalogue:statusAlias`) and the level numbers. The parser and the native
 * formulas' lookup list both use it, so a status reads the same everywhere.
 */
export function statusSpellings(): { text: string; level: Level | "na" }[] {
  const out: { text: string; level: Level | "na" }[] = [];
  for (const step of STATUS_SCALE) {
    for (const t of allSpellings(`catalogue:status.${step.level}`, `catalogue:statusAlias.${step.level}`))
      out.push({ text: t, level: step.level });
    out.push({ text: String(step.level), level: step.level });
  }
  for (const t of allSpellings("catalogue:status.na", "catalogue:statusAlias.na")) out.push({ text: t, level: "na" });
  return out;
}

/** What a status cell means once read. */
export type ParsedStatus =
  | { kind: "level"; level: Level; points: number }
  | { kind: "na" }
  | { kind: "blank" }
  | { kind: "invalid"; raw: unknown };

/**
 * How a status is looked up: its spaces folded (src/core/spaces.ts), then lower case. The native
 * Points formula does the same (SUBSTITUTE, TRIM, and MATCH, which ignores case), so the two accept
 * exactly the same statuses. Accents are not folded letter by letter (a formula cannot): each spelling
 * is accepted as written and with every accent removed ("Pérennisé", "perennise"), not half-accented.
 */
export function statusKey(text: string): string {
  return squeezeSpaces(text).toLowerCase();
}

/** One accepted spelling of a status: lower case, spaces folded, as written and with every accent removed. */
export interface StatusKey {
  written: string;
  plain: string;
  points: number | "NA";
}

const BY_KEY = new Map<string, ParsedStatus>();
const KEYS: StatusKey[] = [];
for (const { text, level } of statusSpellings()) {
  const step = level === "na" ? undefined : STATUS_SCALE[level]!;
  const parsed: ParsedStatus = step ? { kind: "level", level: step.level, points: step.points } : { kind: "na" };
  const written = statusKey(text);
  const plain = statusKey(textKey(text));
  if (BY_KEY.has(written) && BY_KEY.has(plain)) continue;
  BY_KEY.set(written, parsed);
  BY_KEY.set(plain, parsed);
  KEYS.push({ written, plain, points: step ? step.points : "NA" });
}

/**
 * Every accepted spelling with its points: what the lists sheet's lookup table holds, so that a label
 * added to the scale (a new language) reaches the native formulas with no change to them.
 */
export function statusKeys(): readonly StatusKey[] {
  return KEYS;
}

/** Exact strings already read (cells repeat the same few labels): skips folding on the hot path. */
const SEEN = new Map<string, ParsedStatus>();

/**
 * Reads a status as a cell gives it: a label in any supported language (any case; as written or
 * with no accent at all), a level number 0-4 (as a number or as text), "N/A", or blank (null,
 * undefined, or spaces only). Anything else, a boolean or an error value included, is invalid, never guessed.
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
    const key = statusKey(value);
    const parsed: ParsedStatus = key === "" ? { kind: "blank" } : (BY_KEY.get(key) ?? { kind: "invalid", raw: value });
    if (parsed.kind !== "invalid" && SEEN.size < 1000) SEEN.set(value, parsed);
    return parsed;
  }
  return { kind: "invalid", raw: value };
}
