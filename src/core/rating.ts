import { localized } from "./i18n/texts";
import type { Lang, Localized } from "./language";

export type RatingId = "initial" | "emerging" | "established" | "advanced";

export interface RatingBand {
  id: RatingId;
  /** Lowest score of the band (inclusive). */
  min: number;
  label: Localized;
}

/** Rating bands over a 0-100 score: 0-24 Initial, 25-49 Emerging, 50-74 Established, 75-100 Advanced. */
export const RATING_BANDS: readonly RatingBand[] = [
  { id: "initial", min: 0, label: localized("catalogue:rating.initial") },
  { id: "emerging", min: 25, label: localized("catalogue:rating.emerging") },
  { id: "established", min: 50, label: localized("catalogue:rating.established") },
  { id: "advanced", min: 75, label: localized("catalogue:rating.advanced") },
];

/** The band of a score, or null when the score is missing or outside 0-100. */
export function ratingBand(score: number | null | undefined): RatingBand | null {
  if (score === null || score === undefined || !Number.isFinite(score) || score < 0 || score > 100) return null;
  let band = RATING_BANDS[0]!;
  for (const b of RATING_BANDS) if (score >= b.min) band = b;
  return band;
}

export function ratingLabel(score: number | null | undefined, lang: Lang): string {
  return ratingBand(score)?.label[lang] ?? "";
}
