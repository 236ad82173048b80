import { parseStatus, type Level, type ParsedStatus } from "./status";

/** What a set of statuses adds up to. */
export interface Tally {
  /** Number of statuses given (blank ones included). */
  total: number;
  /** Statuses with a level 0-4. */
  assessed: number;
  /** Statuses that are not N/A (assessed + blank). */
  applicable: number;
  notApplicable: number;
  blank: number;
  /** How many statuses are at each level 0-4. */
  byLevel: [number, number, number, number, number];
  /** Mean points of the assessed statuses (0-100), null when none is assessed. */
  score: number | null;
  /** assessed / applicable (0-1), null when nothing is applicable. */
  coverage: number | null;
}

/** An input that is not a status; the index is its position in the input. */
export class InvalidStatusError extends Error {
  constructor(
    readonly index: number,
    readonly raw: unknown,
  ) {
    super(`Invalid status at position ${index + 1}: ${JSON.stringify(raw)}`);
    this.name = "InvalidStatusError";
  }
}

export class InvalidWeightError extends Error {
  constructor(
    readonly index: number,
    readonly raw: unknown,
  ) {
    super(`Invalid weight at position ${index + 1}: ${JSON.stringify(raw)}`);
    this.name = "InvalidWeightError";
  }
}

/** Parses every status, throwing InvalidStatusError on the first one that is not a status. */
export function parseStatuses(values: readonly unknown[]): ParsedStatus[] {
  return values.map((v, i) => {
    const s = parseStatus(v);
    if (s.kind === "invalid") throw new InvalidStatusError(i, v);
    return s;
  });
}

/**
 * Tallies statuses. N/A is left out of every denominator; blank is left out of the score and
 * counted against coverage. With weights (one per status, numbers >= 0; a blank weight is 0, as Excel
 * passes an empty cell to a number parameter), the
 * score is the weighted mean of points.
 */
export function tally(statuses: readonly ParsedStatus[], weights?: readonly unknown[]): Tally {
  const byLevel: Tally["byLevel"] = [0, 0, 0, 0, 0];
  let assessed = 0;
  let notApplicable = 0;
  let sum = 0;
  let weightSum = 0;
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i]!;
    if (s.kind === "level") {
      const w = weights ? weightAt(weights, i) : 1;
      assessed++;
      byLevel[s.level]++;
      sum += s.points * w;
      weightSum += w;
    } else if (s.kind === "na") notApplicable++;
  }
  return finish(statuses.length, assessed, notApplicable, byLevel, sum, weightSum);
}

/** Builds a tally from its counts: the score and coverage rules live here only. */
function finish(total: number, assessed: number, notApplicable: number, byLevel: Tally["byLevel"], sum: number, weightSum: number): Tally {
  const applicable = total - notApplicable;
  return {
    total,
    assessed,
    applicable,
    notApplicable,
    blank: applicable - assessed,
    byLevel,
    score: assessed === 0 || weightSum === 0 ? null : sum / weightSum,
    coverage: applicable === 0 ? null : assessed / applicable,
  };
}

function weightAt(weights: readonly unknown[], i: number, position = i): number {
  const w = weights[i];
  if (w === undefined || w === null || w === "") return 0;
  if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new InvalidWeightError(position, w);
  return w;
}

/**
 * Tally of a 2-D block of raw cell values (as a range arrives in a custom function), read in one
 * pass without intermediate arrays. Positions in errors count row by row from 0. Weights, when
 * given, are a block of the same size.
 */
export function tallyMatrix(values: readonly (readonly unknown[])[], weights?: readonly (readonly unknown[])[]): Tally {
  const byLevel: Tally["byLevel"] = [0, 0, 0, 0, 0];
  let assessed = 0;
  let notApplicable = 0;
  let total = 0;
  let sum = 0;
  let weightSum = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r]!;
    const wrow = weights?.[r];
    for (let c = 0; c < row.length; c++, total++) {
      const s = parseStatus(row[c]);
      if (s.kind === "level") {
        const w = wrow ? weightAt(wrow, c, total) : 1;
        assessed++;
        byLevel[s.level]++;
        sum += s.points * w;
        weightSum += w;
      } else if (s.kind === "na") notApplicable++;
      else if (s.kind === "invalid") throw new InvalidStatusError(total, row[c]);
    }
  }
  return finish(total, assessed, notApplicable, byLevel, sum, weightSum);
}

/** Tally of raw cell values (labels, numbers 0-4, blanks); throws InvalidStatusError on bad input. */
export function tallyValues(values: readonly unknown[], weights?: readonly unknown[]): Tally {
  return tally(parseStatuses(values), weights);
}

/** Points of one status: 0-100, or null for N/A and blank. */
export function objectivePoints(status: ParsedStatus): number | null {
  return status.kind === "level" ? status.points : null;
}

/** Mean of the scores that exist (each weighs the same), null when none exists. */
export function meanOfScores(scores: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const s of scores) {
    if (s !== null) {
      sum += s;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}

export type { Level };
