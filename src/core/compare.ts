/**
 * Comparing two sets of statuses (two workbooks, or two recorded periods): per domain and overall,
 * the two scores, coverage and the change, with the scoring rules of summary.ts (so the numbers are
 * those of scoring each set alone); and which objectives went up, went down, became assessed or
 * stopped being assessed. Codes are matched by their canonical form, so a French and an English
 * workbook of the same city compare.
 */
import { OBJECTIVES } from "./catalogue";
import type { DomainId } from "./catalogueTypes";
import { catalogueStatuses } from "./history";
import { parseStatus, type Level } from "./status";
import { summarize, type StatusEntry, type WorkbookSummary } from "./summary";
import { scoreChange } from "./trend";

/** One side of a compared group. */
export interface SideFigures {
  score: number | null;
  coverage: number | null;
  assessed: number;
  applicable: number;
}

export interface GroupComparison {
  old: SideFigures;
  new: SideFigures;
  /** new score − old score; null when either is blank. */
  change: number | null;
}

export interface DomainComparison extends GroupComparison {
  domain: DomainId;
}

/** An objective's status on one side: a level 0-4, "na" (not applicable) or null (blank or unreadable). */
export type ComparedStatus = Level | "na" | null;

export interface ObjectiveMove {
  code: string;
  domain: DomainId;
  old: ComparedStatus;
  new: ComparedStatus;
}

export interface Comparison {
  domains: DomainComparison[];
  overall: GroupComparison;
  /** Assessed on both sides, higher level now. */
  up: ObjectiveMove[];
  /** Assessed on both sides, lower level now. */
  down: ObjectiveMove[];
  /** Not assessed before (blank, unreadable or not applicable), assessed now. */
  becameAssessed: ObjectiveMove[];
  /** Assessed before, not now. */
  stoppedAssessed: ObjectiveMove[];
}

const side = (g: { score: number | null; coverage: number | null; assessed: number; applicable: number }) => ({
  score: g.score,
  coverage: g.coverage,
  assessed: g.assessed,
  applicable: g.applicable,
});

const compared = (status: unknown): ComparedStatus => {
  const s = parseStatus(status);
  return s.kind === "level" ? s.level : s.kind === "na" ? "na" : null;
};

/** Compares two summaries already computed (scores and coverage only). */
export function compareSummaries(
  before: WorkbookSummary,
  after: WorkbookSummary,
): Pick<Comparison, "domains" | "overall"> {
  return {
    domains: before.domains.map((d, i) => {
      const a = after.domains[i]!;
      return { domain: d.domain, old: side(d), new: side(a), change: scoreChange(d.score, a.score) };
    }),
    overall: {
      old: side(before.overall),
      new: side(after.overall),
      change: scoreChange(before.overall.score, after.overall.score),
    },
  };
}

/** Compares two sets of statuses (old first). Unknown codes are left out; a code's first entry counts. */
export function compareStatuses(before: readonly StatusEntry[], after: readonly StatusEntry[]): Comparison {
  const out: Comparison = {
    ...compareSummaries(summarize(before), summarize(after)),
    up: [],
    down: [],
    becameAssessed: [],
    stoppedAssessed: [],
  };
  const olds = catalogueStatuses(before);
  const news = catalogueStatuses(after);
  OBJECTIVES.forEach((o, i) => {
    const move: ObjectiveMove = {
      code: o.code,
      domain: o.domain,
      old: compared(olds[i]!.status),
      new: compared(news[i]!.status),
    };
    const wasAssessed = typeof move.old === "number";
    const isAssessed = typeof move.new === "number";
    if (wasAssessed && isAssessed) {
      if (move.new! > move.old!) out.up.push(move);
      else if (move.new! < move.old!) out.down.push(move);
    } else if (isAssessed) out.becameAssessed.push(move);
    else if (wasAssessed) out.stoppedAssessed.push(move);
  });
  return out;
}
