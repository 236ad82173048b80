/**
 * The 39 action-oriented objectives of the LIAT (seed 000, version 1 draft), as typed data. Their
 * texts are in the catalogue texts of each language (i18n/<lang>/catalogue.json, key
 * objective.<code>): French as the source writes it, with markup removed and whitespace collapsed
 * (its inclusive spelling, e.g. "migrant.e.s", is kept); other languages are the product's own
 * translation. Reference cells are kept as the source wrote them and read by parseReferences.
 */
import type { DomainId, Objective } from "./catalogueTypes";
import { codeParts, compareCodes, normalizeCode } from "./codes";
import { localized } from "./i18n/texts";
import { flattenReferenceCell, parseReferences } from "./references";

/** [code as the source writes it, GCR cell, GCM cell] */
type Row = readonly [sourceCode: string, gcr: string, gcm: string];

const ROWS: readonly Row[] = [
  ["1,1,1", "", ""],
  ["1,1,2", "", ""],
  ["1,1,3", "", ""],
  ["1,2,1", "", ""],
  ["1,3,1", "", ""],
  ["1,4,1", "", ""],
  ["1,5,1", "", "17-:33f"],
  ["1,5,2", "", "15:31h;<br>17:33f"],
  ["1,5,3", "", "Obj 3:19e;<br>Obj 10:26j;<br>Obj 3:19d"],
  ["1,6,1", "", "Obj 1:17d"],
  ["1,7,1", "Programme A<br>23,32", ""],
  ["1,8,1", "", ""],
  ["1,9,1", "", ""],
  ["1,10,1", "", ""],
  ["1,11,1", "", "15:31g"],
  ["1,11,2", "", ""],
  ["2,1", "", "GCM 15 f)"],
  ["2,2", "", "MCG 19"],
  ["2,3", "Section 3.2 du CCR, Paragraphe 42", "MCG Obj 5"],
  ["2,4", "", "MCG Obj 5"],
  ["2,5", "RMC, Par 71", "MCG Obj 20; 19"],
  ["2,6", "", ""],
  ["3,1,1", "", ""],
  ["3,1,2", "", ""],
  ["3,1,3", "", ""],
  ["3,2", "", "Obj 5:21"],
  ["3,3", "", ""],
  ["4,1,1", "", ""],
  ["4,1,2", "", ""],
  ["4,1,3", "", ""],
  ["5,1", "", "Obj 16 f);<br>Obj 15:31h"],
  ["5,2,1", "", ""],
  ["5,3,1", "", ""],
  ["5,3,2", "", ""],
  ["5,3,3", "", ""],
  ["5,3,4", "", ""],
  ["6,1", "", "Obj 3:19c;<br>Obj 3:19d;<br>Obj 7:23c"],
  ["6,2", "", "Obj 7:23g"],
  ["6,3", "", "Obj 4:20"],
];

function toObjective([sourceCode, gcr, gcm]: Row): Objective {
  const code = normalizeCode(sourceCode);
  const parts = codeParts(sourceCode);
  if (code === null || parts === null) throw new Error(`LIAT catalogue: bad code ${sourceCode}`);
  return {
    code,
    sourceCode,
    domain: parts[0] as DomainId,
    // The sub-category is the first two levels: "1.5.2" is in "1.5", "2.3" is in "2.3".
    subcategory: parts.slice(0, 2).join("."),
    text: localized(`catalogue:objective.${code}`),
    sourceRefs: { gcr: flattenReferenceCell(gcr), gcm: flattenReferenceCell(gcm) },
    refs: [...parseReferences("GCR", gcr), ...parseReferences("GCM", gcm)],
  };
}

/** The 39 objectives, in natural code order. */
export const OBJECTIVES: readonly Objective[] = ROWS.map(toObjective).sort((a, b) => compareCodes(a.code, b.code));

const BY_CODE = new Map<string, Objective>(OBJECTIVES.map((o) => [o.code, o]));

/** The objective with this code, written "1.1.1", "1,1,1" or with stray spaces; undefined if none. */
export function getObjective(code: string): Objective | undefined {
  const key = normalizeCode(code);
  return key === null ? undefined : BY_CODE.get(key);
}

/** The objectives of one policy domain, in natural code order. */
export function objectivesOfDomain(id: DomainId): Objective[] {
  return OBJECTIVES.filter((o) => o.domain === id);
}

/** The objectives of one sub-category ("1.5"), in natural code order. */
export function objectivesOfSubcategory(id: string): Objective[] {
  return OBJECTIVES.filter((o) => o.subcategory === id);
}

/** All objective codes, in natural order. */
export const OBJECTIVE_CODES: readonly string[] = OBJECTIVES.map((o) => o.code);
