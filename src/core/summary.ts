import { OBJECTIVES } from "./catalogue";
import type { DomainId } from "./catalogueTypes";
import { normalizeCode } from "./codes";
import { DOMAINS } from "./domains";
import { PRIORITIES, prioritiesOf } from "./priorities";
import { ratingBand, type RatingId } from "./rating";
import { meanOfScores, tally, type Tally } from "./scoring";
import { parseStatus, type ParsedStatus } from "./status";

/** One objective's status as read from a workbook (any supported label, number or blank). */
export interface StatusEntry {
  code: string;
  status: unknown;
}

export interface GroupSummary extends Tally {
  rating: RatingId | null;
  /** Statuses that could not be read (they count as blank). */
  invalid: number;
  codes: string[];
}

export interface DomainSummary extends GroupSummary {
  domain: DomainId;
}

export interface PrioritySummary extends GroupSummary {
  priority: number;
}

export interface WorkbookSummary {
  domains: DomainSummary[];
  priorities: PrioritySummary[];
  overall: {
    /** Mean of the domain scores that exist (every domain weighs the same). */
    score: number | null;
    rating: RatingId | null;
    /** Objectives assessed / applicable over the whole catalogue. */
    coverage: number | null;
    assessed: number;
    applicable: number;
    total: number;
  };
  /** Mean of the priority scores that exist. */
  overallByPriority: number | null;
}

/** The codes of each group, in catalogue order: fixed by the catalogue, so computed once. */
const ALL_CODES = OBJECTIVES.map((o) => o.code);
const DOMAIN_GROUPS = DOMAINS.map((d) => ({
  id: d.id,
  codes: OBJECTIVES.filter((o) => o.domain === d.id).map((o) => o.code),
}));
const PRIORITY_GROUPS = PRIORITIES.map((p) => ({
  id: p.id,
  codes: ALL_CODES.filter((c) => prioritiesOf(c).includes(p.id)),
}));

/**
 * Summarises a workbook's statuses by domain, by priority and overall. Every catalogue objective
 * counts: one missing from the entries is blank. Unknown codes are ignored (validation reports
 * them); when a code appears twice, the first occurrence counts (validation reports the duplicate).
 * An unreadable status counts as blank and is counted in `invalid`.
 */
export function summarize(entries: readonly StatusEntry[]): WorkbookSummary {
  const statusByCode = new Map<string, ParsedStatus>();
  const invalidCodes = new Set<string>();
  for (const e of entries) {
    const code = normalizeCode(String(e.code ?? ""));
    if (code === null || statusByCode.has(code)) continue;
    const s = parseStatus(e.status);
    if (s.kind === "invalid") {
      invalidCodes.add(code);
      statusByCode.set(code, { kind: "blank" });
    } else statusByCode.set(code, s);
  }
  const group = (codes: string[]): GroupSummary => {
    const t = tally(codes.map((c) => statusByCode.get(c) ?? { kind: "blank" }));
    return {
      ...t,
      rating: ratingBand(t.score)?.id ?? null,
      invalid: codes.filter((c) => invalidCodes.has(c)).length,
      codes,
    };
  };
  const domains: DomainSummary[] = DOMAIN_GROUPS.map(({ id, codes }) => ({ domain: id, ...group(codes) }));
  const priorities: PrioritySummary[] = PRIORITY_GROUPS.map(({ id, codes }) => ({ priority: id, ...group(codes) }));
  const all = group(ALL_CODES);
  const overallScore = meanOfScores(domains.map((d) => d.score));
  return {
    domains,
    priorities,
    overall: {
      score: overallScore,
      rating: ratingBand(overallScore)?.id ?? null,
      coverage: all.coverage,
      assessed: all.assessed,
      applicable: all.applicable,
      total: all.total,
    },
    overallByPriority: meanOfScores(priorities.map((p) => p.score)),
  };
}
