/**
 * The summary by source read per city across periods: the sources of one city (its name matched
 * with case, accents, hyphens and spaces folded, so "Saint-Étienne" and "saint etienne " are one
 * city) are one group, its periods in order ("2024" before "2025", "T2 2025" before "T10 2025"),
 * each with its score per domain and overall and the change since the city's previous period. A
 * city sending 2024 and 2025 is two periods of one city, not a duplicate. The command line's merge
 * (sheet and JSON) and the pane's Share view show the same, from the same function.
 */
import type { SourceSummary, TextTable } from "./consolidate";
import { DOMAIN_IDS } from "./layout";
import { text } from "./i18n/texts";
import type { Lang } from "./language";
import { CHANGE_NUMBER_FORMAT, SCORE_NUMBER_FORMAT } from "./scoreDisplay";
import { textKey } from "./textKey";
import { scoreChange } from "./trend";

export interface CityPeriod {
  fileName: string;
  /** The period as the source's cover writes it. */
  period: string;
  /** Score of each domain, in DOMAIN_IDS order (null when none of its objectives is assessed). */
  domains: (number | null)[];
  overall: number | null;
  coverage: number | null;
  /** The city's previous period (null for its first). */
  previousPeriod: string | null;
  /** Change of each domain's score since the previous period (null for the first, or when either is blank). */
  domainChanges: (number | null)[];
  overallChange: number | null;
  /** True when an earlier source of this city has the same period (sent twice, with other content). */
  periodRepeated: boolean;
}

export interface CityPeriods {
  /** The city as its first source writes it ("" when the sources name none). */
  city: string;
  /** Every other spelling of the city among its sources. */
  otherSpellings: string[];
  periods: CityPeriod[];
}

/** The key a city or period is matched by: case, accents, ligatures, hyphens, dashes, underscores and spaces folded. */
export function cityKey(name: string): string {
  return textKey(name.replace(/[-‐‑‒–—_]/g, " "));
}

const periodOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** What the By city view reads of a source's summary (a writer keeps only this of each source). */
export interface CitySource {
  source: Pick<SourceSummary["source"], "fileName" | "city" | "period">;
  summary: {
    domains: readonly { score: number | null }[];
    overall: { score: number | null; coverage: number | null };
  };
}

/** A source's summary reduced to what the By city view reads. */
export function citySource(s: CitySource): CitySource {
  const { fileName, city, period } = s.source;
  const { score, coverage } = s.summary.overall;
  return {
    source: { fileName, city, period },
    summary: { domains: s.summary.domains.map((d) => ({ score: d.score })), overall: { score, coverage } },
  };
}

/**
 * The sources grouped by city, cities in the order they first come, each city's periods in order.
 * A source that names no city is a city of its own (it cannot be matched to any other).
 */
export function byCity(sources: readonly CitySource[]): CityPeriods[] {
  const groups = new Map<string, CitySource[]>();
  sources.forEach((s, i) => {
    const key = cityKey(s.source.city);
    const id = key === "" ? `\u0000${i}` : key;
    const group = groups.get(id);
    if (group) group.push(s);
    else groups.set(id, [s]);
  });
  return [...groups.values()].map((group) => {
    const ordered = group
      .map((s, i) => ({ s, i, period: cityKey(s.source.period) }))
      .sort((a, b) => periodOrder.compare(a.period, b.period) || a.i - b.i);
    const periods: CityPeriod[] = [];
    let previous: CityPeriod | null = null;
    let last: CityPeriod | null = null;
    let lastKey: string | null = null;
    for (const { s, period: key } of ordered) {
      // The change is since the last source of an earlier period (a period sent twice compares with the one before it).
      if (lastKey !== null && key !== lastKey) {
        previous = last;
      }
      const domains = s.summary.domains.map((d) => d.score);
      const overall = s.summary.overall.score;
      const row: CityPeriod = {
        fileName: s.source.fileName,
        period: s.source.period,
        domains,
        overall,
        coverage: s.summary.overall.coverage,
        previousPeriod: previous ? previous.period : null,
        domainChanges: domains.map((v, i) => (previous ? scoreChange(previous.domains[i]!, v) : null)),
        overallChange: previous ? scoreChange(previous.overall, overall) : null,
        periodRepeated: lastKey === key,
      };
      periods.push(row);
      last = row;
      lastKey = key;
    }
    const city = group[0]!.source.city;
    const otherSpellings = [...new Set(group.map((s) => s.source.city))].filter((c) => c !== city);
    return { city, otherSpellings, periods };
  });
}

/** The "By city" sheet: one row per city and period, scores per domain and overall, and the change since the city's previous period. */
export function byCityTable(cities: readonly CityPeriods[], lang: Lang): TextTable {
  const t = (key: string, params: Record<string, unknown> = {}) => text(lang, `consolidation:${key}`, params);
  const n = DOMAIN_IDS.length;
  const numberFormats: Record<number, string> = { 3: SCORE_NUMBER_FORMAT, 4: "0%" };
  DOMAIN_IDS.forEach((_, i) => (numberFormats[5 + i] = SCORE_NUMBER_FORMAT));
  numberFormats[6 + n] = CHANGE_NUMBER_FORMAT;
  DOMAIN_IDS.forEach((_, i) => (numberFormats[7 + n + i] = CHANGE_NUMBER_FORMAT));
  return {
    headers: [
      t("city"),
      t("period"),
      t("file"),
      t("score"),
      t("coverage"),
      ...DOMAIN_IDS.map((d) => t("domainScore", { d })),
      t("previousPeriod"),
      t("changeOverall"),
      ...DOMAIN_IDS.map((d) => t("changeDomain", { d })),
      t("note"),
    ],
    rows: cities.flatMap((c) =>
      c.periods.map((p) => [
        c.city,
        p.period,
        p.fileName,
        p.overall,
        p.coverage,
        ...p.domains,
        p.previousPeriod,
        p.overallChange,
        ...p.domainChanges,
        [
          ...(p.periodRepeated ? [t("periodRepeated")] : []),
          ...(c.otherSpellings.length > 0 && p === c.periods[0]
            ? [t("otherSpellings", { names: c.otherSpellings.join(", ") })]
            : []),
        ].join(" ") || null,
      ]),
    ),
    numberFormats,
    widths: { 0: 20, 2: 24, [6 + 2 * n + 1]: 40 },
  };
}
