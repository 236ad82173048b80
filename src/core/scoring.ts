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

/** An input value that cannot be used; the index is its position in the input (row by row, from 0). */
abstract class InvalidInputError extends Error {
  constructor(
    what: string,
    readonly index: number,
    readonly raw: unknown,
  ) {
    super(`Invalid ${what} at position ${index + 1}: ${JSON.stringify(raw)}`);
    this.name = new.target.name;
  }
}

/** A value that is not a status. */
export class InvalidStatusError extends InvalidInputError {
  constructor(index: number, raw: unknown) {
    super("status", index, raw);
  }
}

/** A weight that is not a number >= 0. */
export class InvalidWeightError extends InvalidInputError {
  constructor(index: number, raw: unknown) {
    super("weight", index, raw);
  }
}

/**
 * Tallies parsed statuses. N/A is left out of every denominator; blank is left out of the score
 * and counted against coverage.
 */
export function tally(statuses: readonly ParsedStatus[]): Tally {
  const byLevel: Tally["byLevel"] = [0, 0, 0, 0, 0];
  let assessed = 0;
  let notApplicable = 0;
  let sum = 0;
  for (const s of statuses) {
    if (s.kind === "level") {
      assessed++;
      byLevel[s.level]++;
      sum += s.points;
    } else if (s.kind === "na") notApplicable++;
  }
  return finish(statuses.length, assessed, notApplicable, byLevel, sum, assessed);
}

/** Builds a tally from its counts: the score and coverage rules live here only. */
function finish(
  total: number,
  assessed: number,
  notApplicable: number,
  byLevel: Tally["byLevel"],
  sum: number,
  weightSum: number,
): Tally {
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

/** A weight: a number >= 0; blank is 0, as Excel passes an empty cell to a number parameter. */
function weightAt(weights: readonly unknown[], i: number, position: number): number {
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

/** Tally of raw cell values (labels, numbers 0-4, blanks), weighted when weights are given; throws on bad input. */
export function tallyValues(values: readonly unknown[], weights?: readonly unknown[]): Tally {
  return tallyMatrix([values], weights ? [weights] : undefined);
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
