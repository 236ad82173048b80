/**
 * The 8 priorities of the Call to Local Action for Migrants and Refugees (GFMD Mayors Mechanism,
 * second report, 2023: seed 003), and the product's own crosswalk from the 39 LIAT objectives to them.
 *
 * Names, GCM objectives, GCR areas and SDGs are those listed in seed 003 (French names from its
 * table of contents; English names are our own translation). The crosswalk is NOT from either
 * source: it was drawn up for LIAT for Excel from what each objective asks for, the "type of
 * actions" each priority describes, and the GCM objectives the two share where the LIAT cites them.
 */
import { localized } from "./i18n/texts";
import type { Localized } from "./language";
import type { Priority } from "./catalogueTypes";
import { normalizeCode, sortCodes } from "./codes";

const area = (id: string): Localized => localized(`catalogue:gcrArea.${id}`);
const RESPONSIBILITY_SHARING = area("responsibilitySharing");
const SOLUTIONS = area("solutions");
const PROTECTION_CAPACITY = area("protectionCapacity");

export const PRIORITIES: readonly Priority[] = [
  {
    id: 1,
    name: localized("catalogue:priority.1"),
    gcmObjectives: [23],
    gcrAreas: [RESPONSIBILITY_SHARING],
    sdgs: [17],
  },
  {
    id: 2,
    name: localized("catalogue:priority.2"),
    gcmObjectives: [2],
    gcrAreas: [SOLUTIONS],
    sdgs: [1, 2, 3, 13, 16, 17],
  },
  {
    id: 3,
    name: localized("catalogue:priority.3"),
    gcmObjectives: [7],
    gcrAreas: [PROTECTION_CAPACITY],
    sdgs: [1, 5, 8, 10, 16, 17],
  },
  {
    id: 4,
    name: localized("catalogue:priority.4"),
    gcmObjectives: [15],
    gcrAreas: [area("health"), area("education"), area("energy"), area("infrastructure")],
    sdgs: [1, 3, 4, 6, 7, 11, 16],
  },
  {
    id: 5,
    name: localized("catalogue:priority.5"),
    gcmObjectives: [16],
    gcrAreas: [area("jobs"), SOLUTIONS],
    sdgs: [10, 11, 16, 17],
  },
  {
    id: 6,
    name: localized("catalogue:priority.6"),
    gcmObjectives: [17],
    gcrAreas: [PROTECTION_CAPACITY],
    sdgs: [8, 10, 16, 17],
  },
  {
    id: 7,
    name: localized("catalogue:priority.7"),
    gcmObjectives: [7, 15],
    gcrAreas: [SOLUTIONS],
    sdgs: [1, 3, 4, 5, 6, 7, 8, 10, 11, 16, 17],
  },
  {
    id: 8,
    name: localized("catalogue:priority.8"),
    gcmObjectives: [23],
    gcrAreas: [RESPONSIBILITY_SHARING],
    sdgs: [17],
  },
];

/** Says where the crosswalk comes from, wherever it is shown. */
export const CROSSWALK_NOTE: Localized = localized("catalogue:crosswalkNote");

/**
 * LIAT objective code -> Call to Local Action priority ids (first = main one). The product's own
 * reading; see CROSSWALK_NOTE. Where the LIAT cites GCM objectives, the shared ones are noted.
 */
export const CROSSWALK: Readonly<Record<string, readonly number[]>> = {
  // 1 Governance: policy frameworks, coordination, data, funding (priority 1); partnerships (8).
  "1.1.1": [1],
  "1.1.2": [1, 5],
  "1.1.3": [1, 4],
  "1.2.1": [1, 8],
  "1.3.1": [1],
  "1.4.1": [1, 5],
  "1.5.1": [6], // GCM 17, as priority 6
  "1.5.2": [6], // GCM 17 and 15
  "1.5.3": [3], // GCM 3 and 10: information, trafficking
  "1.6.1": [1], // GCM 1: data at local level
  "1.7.1": [1], // GCR programme A: responsibility-sharing, as priority 1
  "1.8.1": [8, 1],
  "1.9.1": [8],
  "1.10.1": [5, 6],
  "1.11.1": [1, 4, 6], // GCM 15 (priority 4); reporting discrimination (6)
  "1.11.2": [1, 4],
  // 2 Employment: socio-economic inclusion (5).
  "2.1": [5, 4], // GCM 15
  "2.2": [5],
  "2.3": [5],
  "2.4": [5],
  "2.5": [5],
  "2.6": [5],
  // 3 Education: access to education whatever the status (4).
  "3.1.1": [4, 6],
  "3.1.2": [4],
  "3.1.3": [4, 6],
  "3.2": [4, 5],
  "3.3": [4, 5],
  // 4 Well-being and health: access to services (4), the most vulnerable (3).
  "4.1.1": [4, 3],
  "4.1.2": [4],
  "4.1.3": [4],
  // 5 Housing and urban planning.
  "5.1": [5, 6], // GCM 16, as priority 5
  "5.2.1": [4, 7],
  "5.3.1": [4, 2],
  "5.3.2": [7],
  "5.3.3": [2],
  "5.3.4": [2],
  // 6 Comprehensive support.
  "6.1": [4, 7], // GCM 7 (priorities 3, 7): one-stop shops, welcome
  "6.2": [3], // GCM 7, as priority 3: legal aid
  "6.3": [4, 3],
};

/** The priority ids an objective serves ("1.1.1" or "1,1,1"), main first; [] for an unknown code. */
export function prioritiesOf(code: string): number[] {
  const key = normalizeCode(code);
  const ids = key === null ? undefined : CROSSWALK[key];
  return ids === undefined ? [] : [...ids];
}

/** The objective codes a priority gathers, in natural code order. */
export function objectivesOfPriority(id: number): string[] {
  return sortCodes(Object.keys(CROSSWALK).filter((code) => (CROSSWALK[code] as readonly number[]).includes(id)));
}
