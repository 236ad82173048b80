/**
 * The 8 priorities of the Call to Local Action for Migrants and Refugees (GFMD Mayors Mechanism,
 * second report, 2023: seed 003), and the product's own crosswalk from the 39 LIAT objectives to them.
 *
 * Names, GCM objectives, GCR areas and SDGs are those listed in seed 003 (French names from its
 * table of contents; English names are our own translation). The crosswalk is NOT from either
 * source: it was drawn up for LIAT for Excel from what each objective asks for, the "type of
 * actions" each priority describes, and the GCM objectives the two share where the LIAT cites them.
 */
import type { Localized } from "./language";
import type { Priority } from "./catalogueTypes";
import { normalizeCode, sortCodes } from "./codes";

const RESPONSIBILITY_SHARING: Localized = { fr: "Partage des responsabilités", en: "Responsibility-sharing" };
const SOLUTIONS: Localized = { fr: "Solutions", en: "Solutions" };
const PROTECTION_CAPACITY: Localized = { fr: "Compétence en matière de protection", en: "Protection capacity" };

export const PRIORITIES: readonly Priority[] = [
  {
    id: 1,
    name: {
      fr: "Améliorer la gouvernance des migrations et la protection contre les déplacements forcés",
      en: "Improve migration governance and protection against forced displacement",
    },
    gcmObjectives: [23],
    gcrAreas: [RESPONSIBILITY_SHARING],
    sdgs: [17],
  },
  {
    id: 2,
    name: {
      fr: "Minimiser les facteurs de déplacement forcé, y compris le changement climatique et les facteurs environnementaux",
      en: "Minimise the drivers of forced displacement, including climate change and environmental factors",
    },
    gcmObjectives: [2],
    gcrAreas: [SOLUTIONS],
    sdgs: [1, 2, 3, 13, 16, 17],
  },
  {
    id: 3,
    name: { fr: "Protéger les personnes les plus vulnérables", en: "Protect the most vulnerable people" },
    gcmObjectives: [7],
    gcrAreas: [PROTECTION_CAPACITY],
    sdgs: [1, 5, 8, 10, 16, 17],
  },
  {
    id: 4,
    name: {
      fr: "Fournir un accès aux infrastructures urbaines, aux services sociaux et à l'éducation, quel que soit le statut",
      en: "Provide access to urban infrastructure, social services and education, whatever a person's status",
    },
    gcmObjectives: [15],
    gcrAreas: [
      { fr: "Santé", en: "Health" },
      { fr: "Éducation", en: "Education" },
      { fr: "Énergie", en: "Energy" },
      { fr: "Infrastructure", en: "Infrastructure" },
    ],
    sdgs: [1, 3, 4, 6, 7, 11, 16],
  },
  {
    id: 5,
    name: { fr: "Réaliser l'inclusion socio-économique", en: "Achieve socio-economic inclusion" },
    gcmObjectives: [16],
    gcrAreas: [{ fr: "Emplois et moyens de subsistance", en: "Jobs and livelihoods" }, SOLUTIONS],
    sdgs: [10, 11, 16, 17],
  },
  {
    id: 6,
    name: {
      fr: "Éliminer toutes les formes de discrimination et promouvoir un discours public fondé sur des données probantes",
      en: "Eliminate all forms of discrimination and promote evidence-based public discourse",
    },
    gcmObjectives: [17],
    gcrAreas: [PROTECTION_CAPACITY],
    sdgs: [8, 10, 16, 17],
  },
  {
    id: 7,
    name: {
      fr: "Soutenir l'accueil et faire progresser les initiatives de parrainage communautaire",
      en: "Support reception and advance community sponsorship initiatives",
    },
    gcmObjectives: [7, 15],
    gcrAreas: [SOLUTIONS],
    sdgs: [1, 3, 4, 5, 6, 7, 8, 10, 11, 16, 17],
  },
  {
    id: 8,
    name: {
      fr: "S'engager dans des partenariats régionaux et multilatéraux et renforcer la coopération de ville à ville",
      en: "Engage in regional and multilateral partnerships and strengthen city-to-city cooperation",
    },
    gcmObjectives: [23],
    gcrAreas: [RESPONSIBILITY_SHARING],
    sdgs: [17],
  },
];

/** Says where the crosswalk comes from, wherever it is shown. */
export const CROSSWALK_NOTE: Localized = {
  fr: "Correspondance établie par LIAT pour Excel, pas par les auteurs du LIAT ni de l'Appel à l'action locale : elle rattache chaque objectif aux priorités qui lui correspondent le mieux.",
  en: "Crosswalk drawn up by LIAT for Excel, not by the authors of the LIAT or of the Call to Local Action: it links each objective to the priorities it fits best.",
};

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
