/*
 * The LIAT.* custom functions. Each is a thin, pure wrapper over src/core: it computes only from
 * its arguments. custom-functions-metadata-plugin reads the JSDoc below to generate functions.json
 * and adds the CustomFunctions.associate calls; names and descriptions in other languages are in
 * src/core/i18n/<lang>/functionMetadata.json (see localizedMetadata.ts). Bad arguments throw an Excel error (#VALUE! or #N/A) with a message.
 */
import { getObjective } from "../core/catalogue";
import { getDomain } from "../core/domains";
import { ENTRY_FIELDS, checkMessage, type RawEntry } from "../core/entrySchema";
import { isBlank, type CellValue } from "../core/excelValues";
import { prioritiesOf } from "../core/priorities";
import { progress } from "../core/progress";
import { ratingLabel } from "../core/rating";
import { formatReferences } from "../core/references";
import { InvalidStatusError, InvalidWeightError, tally, tallyMatrix, type Tally } from "../core/scoring";
import { parseStatus, type ParsedStatus } from "../core/status";
import { scoreChange } from "../core/trend";
import { flatten, matrix, numberAsPassed, numberFromText, readLang, readNumber, show } from "./args";
import { everyLanguage, functionError } from "./functionErrors";

/*
 * Parameter types: statuses, codes and entry cells are declared as text (string). Excel passes an
 * empty cell to an "any" parameter as 0 on desktop (null on the web), which would read a blank
 * status as "Not started"; to a "string" parameter it passes "" (or null on the web), and numbers
 * arrive as their text, with the decimal separator of Excel's locale ("66.67" or "66,67"). Every
 * number read from text accepts both conventions and thousands separators (args.ts, numberFromText), except
 * CHECK's entry cells, read as Excel passes a number cell so that CHECK agrees with the sheet's Check column;
 * a blank number reads as 0 everywhere, as Excel for Windows and Mac passes it.
 */

/** Entry fields that hold numbers or dates; CHECK receives them as text and reads them back. */
const NUMERIC_FIELDS = new Set<string>(["start", "end", "budget", "beneficiaries"]);

/** Text that is a number in either decimal convention ("45292", "12.5", "12,5", "1 000,5") becomes that number. */
function numericText(value: unknown): CellValue {
  if (typeof value === "string") return numberFromText(value) ?? value;
  return value as CellValue;
}

/** A number cell as Excel passes it to a text parameter becomes that number; other text stays text (numberAsPassed). */
function passedNumber(value: unknown): CellValue {
  if (typeof value === "string") return numberAsPassed(value) ?? value;
  return value as CellValue;
}

/** The Excel error for a bad status or weight, with its position; other errors pass through. */
function toFunctionError(e: unknown): unknown {
  if (e instanceof InvalidStatusError) {
    return functionError("invalidValue", everyLanguage("badStatus", { position: e.index + 1, value: show(e.raw) }));
  }
  if (e instanceof InvalidWeightError) {
    return functionError("invalidValue", everyLanguage("badWeight", { position: e.index + 1, value: show(e.raw) }));
  }
  return e;
}

/** Runs a tally, turning bad statuses and weights into Excel errors with a message. */
function tallyOrThrow(compute: () => Tally): Tally {
  try {
    return compute();
  } catch (e) {
    throw toFunctionError(e);
  }
}

function objectiveOrThrow(code: unknown) {
  const objective = typeof code === "string" || typeof code === "number" ? getObjective(String(code)) : undefined;
  if (!objective) {
    throw functionError("notAvailable", everyLanguage("unknownCode", { value: show(code) }));
  }
  return objective;
}

/**
 * Score of a set of objectives: the mean points of their statuses (0-100). Not applicable and blank statuses are left out; blank when none is assessed.
 * @customfunction SCORE
 * @param statuses Status cells: labels (in any supported language), levels 0-4, "N/A" or blank.
 * @param [weights] Optional weights, one per status (numbers >= 0; a blank weight counts as 0, as Excel passes it).
 * @returns The score from 0 to 100, or blank when no objective is assessed.
 */
export function score(statuses: string[][], weights?: number[][]): number | string {
  const block = matrix(statuses);
  let w: unknown[][] | undefined;
  if (weights !== undefined && weights !== null) {
    // a weight written as text ("0,5", "1.5") is read as the number it shows
    w = matrix(weights).map((row) => row.map(numericText));
    const shape = (m: unknown[][]) => `${m.length}x${m[0]?.length ?? 0}`;
    if (shape(w) !== shape(block)) {
      throw functionError("invalidValue", everyLanguage("weightsShape", { weights: shape(w), statuses: shape(block) }));
    }
  }
  return tallyOrThrow(() => tallyMatrix(block, w)).score ?? "";
}

/**
 * Maturity level of one status: 0 (not started) to 4 (sustained); "N/A" when not applicable; blank when blank.
 * @customfunction LEVEL
 * @param status A status label (in any supported language), a level 0-4, or "N/A".
 * @returns The level 0-4, "N/A" or blank.
 */
export function level(status: string): number | string {
  const parsed = parseStatus(status);
  if (parsed.kind === "invalid") throw toFunctionError(new InvalidStatusError(0, status));
  if (parsed.kind === "level") return parsed.level;
  return parsed.kind === "na" ? "N/A" : "";
}

/**
 * Coverage of a set of objectives: the share that is assessed among those that apply (0 to 1).
 * @customfunction COVERAGE
 * @param statuses Status cells: labels, levels 0-4, "N/A" or blank.
 * @returns The coverage from 0 to 1 (format the cell as a percentage), or blank when nothing applies.
 */
export function coverage(statuses: string[][]): number | string {
  return tallyOrThrow(() => tallyMatrix(matrix(statuses))).coverage ?? "";
}

/**
 * Score of one policy domain from a list of objective codes and their statuses.
 * @customfunction DOMAINSCORE
 * @param codes Objective codes such as "1.1.1" (one per status).
 * @param statuses Status cells, in the same order as the codes.
 * @param domain Policy domain number, 1 to 6.
 * @returns The domain score from 0 to 100, or blank when no objective of the domain is assessed.
 */
export function domainScore(codes: string[][], statuses: string[][], domain: number): number | string {
  const c = flatten(codes);
  const s = flatten(statuses);
  if (c.length !== s.length) {
    throw functionError("invalidValue", everyLanguage("codesStatusesCount", { codes: c.length, statuses: s.length }));
  }
  const d = readNumber(domain, "domain");
  if (!Number.isInteger(d) || d < 1 || d > 6) {
    throw functionError("invalidValue", everyLanguage("domainRange", { value: show(domain) }));
  }
  const seen = new Set<string>();
  const picked: ParsedStatus[] = [];
  for (let i = 0; i < c.length; i++) {
    const raw = c[i];
    if (isBlank(raw) && isBlank(s[i])) continue;
    const objective = getObjective(String(raw ?? ""));
    if (!objective) {
      throw functionError("invalidValue", everyLanguage("unknownCodeAt", { value: show(raw), position: i + 1 }));
    }
    if (seen.has(objective.code)) {
      throw functionError("invalidValue", everyLanguage("listedTwice", { code: objective.code }));
    }
    seen.add(objective.code);
    if (objective.domain !== d) continue;
    const st = parseStatus(s[i]);
    if (st.kind === "invalid") throw toFunctionError(new InvalidStatusError(i, s[i]));
    picked.push(st);
  }
  return tally(picked).score ?? "";
}

/**
 * Rating band of a score: Initial (0-24), Emerging (25-49), Established (50-74), Advanced (75-100).
 * @customfunction RATING
 * @param score A score from 0 to 100 (blank gives blank).
 * @param [lang] Language of the label: "fr", "en" or "es" (default "en").
 * @returns The rating label.
 */
export function rating(score: string, lang?: string): string {
  const l = readLang(lang);
  if (score === "" || score === null || score === undefined) return "";
  const n = readNumber(score, "score");
  if (n < 0 || n > 100) throw functionError("invalidValue", everyLanguage("scoreRange", { value: n }));
  return ratingLabel(n, l);
}

/**
 * Text of a LIAT objective.
 * @customfunction OBJECTIVE
 * @param code Objective code such as "1.1.1" (a comma form such as "1,1,1" is accepted).
 * @param [lang] "fr" for the French source text, "en" or "es" for its translation (default "en").
 * @returns The objective text.
 */
export function objective(code: string, lang?: string): string {
  const l = readLang(lang);
  return objectiveOrThrow(code).text[l];
}

/**
 * Policy domain of a LIAT objective.
 * @customfunction DOMAIN
 * @param code Objective code such as "2.1".
 * @param [lang] Language of the name: "fr", "en" or "es" (default "en").
 * @returns The domain number and name, e.g. "2 Employment (access to)".
 */
export function domain(code: string, lang?: string): string {
  const l = readLang(lang);
  const o = objectiveOrThrow(code);
  return `${o.domain} ${getDomain(o.domain)!.name[l]}`;
}

/**
 * References of a LIAT objective to the Global Compact on Refugees (GCR) and for Migration (GCM), normalized.
 * @customfunction REFS
 * @param code Objective code such as "1.5.2".
 * @param [compact] "GCR" or "GCM" to list only that compact (default both).
 * @returns The references, separated by "; ", or blank when there are none.
 */
export function refs(code: string, compact?: string): string {
  const o = objectiveOrThrow(code);
  if (compact === undefined || compact === null || compact === "") return formatReferences(o.refs);
  const c = String(compact).trim().toUpperCase();
  if (c !== "GCR" && c !== "GCM") {
    throw functionError("invalidValue", everyLanguage("compact", { value: show(compact) }));
  }
  return formatReferences(o.refs.filter((r) => r.compact === c));
}

/**
 * Priorities of the Call to Local Action (1 to 8) that a LIAT objective serves, according to the crosswalk shipped with this add-in.
 * @customfunction PRIORITIES
 * @param code Objective code such as "6.1".
 * @returns The priority numbers, separated by "; ".
 */
export function priorities(code: string): string {
  return prioritiesOf(objectiveOrThrow(code).code).join("; ");
}

/**
 * Progress of an indicator from its baseline to its target: 0 at the baseline, 1 at the target; works for indicators that should go down.
 * @customfunction PROGRESS
 * @param baseline Value at the start.
 * @param target Value aimed for (below the baseline for an indicator that should go down).
 * @param actual Value now.
 * @returns The progress (1 = target reached; format as a percentage).
 */
export function progressOf(baseline: number, target: number, actual: number): number {
  const b = readNumber(baseline, "baseline");
  const t = readNumber(target, "target");
  const a = readNumber(actual, "actual");
  if (t === b) throw functionError("invalidValue", everyLanguage("targetIsBaseline"));
  return progress(b, t, a);
}

/**
 * Validation message for one objective row: blank when the row is valid.
 * @customfunction CHECK
 * @param entries The row's 11 entry cells in sheet order: status, responsible service, partners, target groups, start, end, budget, currency, beneficiaries, evidence, comments.
 * @param [lang] Language of the message: "fr", "en" or "es" (default "en").
 * @returns The problems of the row, or blank when there are none.
 */
export function check(entries: string[][], lang?: string): string {
  const l = readLang(lang);
  const cells = flatten(entries);
  if (cells.length !== ENTRY_FIELDS.length) {
    throw functionError(
      "invalidValue",
      everyLanguage("entriesCount", { expected: ENTRY_FIELDS.length, cells: cells.length }),
    );
  }
  const raw: RawEntry = {};
  // A number cell arrives as text ("1000,5"): read back as the number; text typed as such ("1 000,5") stays text and
  // is reported, as the sheet's native Check column reports it.
  ENTRY_FIELDS.forEach((f, i) => (raw[f] = NUMERIC_FIELDS.has(f) ? passedNumber(cells[i]) : (cells[i] as CellValue)));
  return checkMessage(raw, l);
}

/**
 * Change in score between two sets of statuses (for example last period's and this period's): the score of the new statuses minus the score of the old ones, in points (-100 to 100). Same rules as SCORE.
 * @customfunction CHANGE
 * @param oldStatuses Status cells of the earlier period: labels (French or English), levels 0-4, "N/A" or blank.
 * @param newStatuses Status cells of the later period.
 * @returns The change in points, or blank when either set has no assessed objective.
 */
export function change(oldStatuses: string[][], newStatuses: string[][]): number | string {
  const before = tallyOrThrow(() => tallyMatrix(matrix(oldStatuses))).score;
  const after = tallyOrThrow(() => tallyMatrix(matrix(newStatuses))).score;
  return scoreChange(before, after) ?? "";
}
