import type { Localized } from "./language";

/** Policy domain number, 1 to 6. */
export type DomainId = 1 | 2 | 3 | 4 | 5 | 6;

export interface Domain {
  id: DomainId;
  /** Full name, e.g. { fr: "Gouvernance", en: "Governance" }. */
  name: Localized;
  /** Short name used in sheet names, e.g. "Gouvernance" / "Governance" (at most 25 characters). */
  short: Localized;
}

export interface SubCategory {
  /** Stable id: domain and position, e.g. "1.5" (the 5th sub-category of domain 1). */
  id: string;
  domain: DomainId;
  name: Localized;
}

/** Which global compact a reference points into. */
export type Compact = "GCR" | "GCM";

/** One normalized reference to a paragraph of the Global Compact on Refugees or for Migration. */
export interface Reference {
  compact: Compact;
  /** GCM objective number (1-23); absent for the GCR, which has no objectives. */
  objective?: number;
  /** Paragraph number of the compact, when known (GCM: objective + 16). */
  paragraph?: number;
  /** Item letter within the paragraph, e.g. "f". */
  item?: string;
  /** GCR section such as "3.2", or programme part such as "A", when the source gives one. */
  section?: string;
  /** The normalized compact text, e.g. "GCM 1 ¶17d" or "GCR ¶42". */
  label: string;
  /** True when the source was ambiguous or irregular and this reading is an interpretation. */
  uncertain: boolean;
  /** Why it is flagged uncertain (English), when it is. */
  note?: string;
  /** True when the source gave no paragraph and it was derived from the GCM objective (objective + 16). */
  paragraphInferred?: boolean;
  /** The piece of source text this reference was read from, e.g. "17-:33f" or "Programme A; 23,32". */
  raw?: string;
}

export interface Objective {
  /** Canonical code as text: "1.1.1", "2.1". */
  code: string;
  /** The code exactly as the source wrote it: "1,1,1", "2,1". */
  sourceCode: string;
  domain: DomainId;
  /** Sub-category id (see SubCategory.id). */
  subcategory: string;
  /** Objective text: French as in the source (markup and stray spaces removed), English translation. */
  text: Localized;
  /** References as the source wrote them (cell text with <br> turned into "; "), empty string when none. */
  sourceRefs: { gcr: string; gcm: string };
  /** Normalized references, GCR first then GCM, in source order. */
  refs: Reference[];
}

/** One of the 8 priorities of the Call to Local Action for Migrants and Refugees (seed 003). */
export interface Priority {
  id: number; // 1..8
  name: Localized;
  /** GCM objectives the priority serves, as listed in seed 003. */
  gcmObjectives: number[];
  /** GCR areas the priority serves, as listed in seed 003. */
  gcrAreas: Localized[];
  /** SDG numbers, as listed in seed 003. */
  sdgs: number[];
}
