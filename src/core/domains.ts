/**
 * The 6 policy domains and 27 sub-categories of the LIAT (seed 000). French names as the source
 * writes them; English names are our own translation.
 */
import type { Domain, DomainId, SubCategory } from "./catalogueTypes";
import { localized } from "./i18n/texts";

const DOMAIN_NUMBERS: readonly DomainId[] = [1, 2, 3, 4, 5, 6];

export const DOMAINS: readonly Domain[] = DOMAIN_NUMBERS.map((id) => ({
  id,
  name: localized(`catalogue:domain.${id}.name`),
  short: localized(`catalogue:domain.${id}.short`),
}));

/** Sub-category ids in source order ("1.5" is the 5th of domain 1); their names are in the catalogue texts. */
const SUBCATEGORY_IDS: readonly string[] = [
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "1.5",
  "1.6",
  "1.7",
  "1.8",
  "1.9",
  "1.10",
  "1.11",
  "2.1",
  "2.2",
  "2.3",
  "2.4",
  "2.5",
  "2.6",
  "3.1",
  "3.2",
  "3.3",
  "4.1",
  "5.1",
  "5.2",
  "5.3",
  "6.1",
  "6.2",
  "6.3",
];

export const SUBCATEGORIES: readonly SubCategory[] = SUBCATEGORY_IDS.map((id) => ({
  id,
  domain: Number(id.split(".")[0]) as DomainId,
  name: localized(`catalogue:subcategory.${id}`),
}));

const DOMAIN_BY_ID = new Map<number, Domain>(DOMAINS.map((d) => [d.id, d]));
const SUBCATEGORY_BY_ID = new Map<string, SubCategory>(SUBCATEGORIES.map((s) => [s.id, s]));

/** The domain with this number (1-6), or undefined. Accepts a number or its text ("3"). */
export function getDomain(id: number | string): Domain | undefined {
  const n = typeof id === "string" ? Number(id.trim()) : id;
  return Number.isInteger(n) ? DOMAIN_BY_ID.get(n) : undefined;
}

/** True for the numbers 1 to 6. */
export function isDomainId(value: unknown): value is DomainId {
  return typeof value === "number" && DOMAIN_BY_ID.has(value);
}

/** The sub-category with this id ("1.5"), or undefined. */
export function getSubCategory(id: string): SubCategory | undefined {
  return SUBCATEGORY_BY_ID.get(id);
}

/** The sub-categories of one domain, in source order. */
export function subcategoriesOfDomain(id: DomainId): SubCategory[] {
  return SUBCATEGORIES.filter((s) => s.domain === id);
}
