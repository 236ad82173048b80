/**
 * The 6 policy domains and 27 sub-categories of the LIAT (seed 000). French names as the source
 * writes them; English names are our own translation.
 */
import type { Domain, DomainId, SubCategory } from "./catalogueTypes";

export const DOMAINS: readonly Domain[] = [
  {
    id: 1,
    name: { fr: "Gouvernance", en: "Governance" },
    short: { fr: "Gouvernance", en: "Governance" },
  },
  {
    id: 2,
    name: { fr: "Emploi (accès à)", en: "Employment (access to)" },
    short: { fr: "Emploi", en: "Employment" },
  },
  {
    id: 3,
    name: { fr: "Éducation", en: "Education" },
    short: { fr: "Éducation", en: "Education" },
  },
  {
    id: 4,
    name: { fr: "Bien-être et santé", en: "Well-being and health" },
    short: { fr: "Bien-être et santé", en: "Well-being and health" },
  },
  {
    id: 5,
    name: { fr: "Logement et urbanisme", en: "Housing and urban planning" },
    short: { fr: "Logement et urbanisme", en: "Housing and planning" },
  },
  {
    id: 6,
    name: {
      fr: "Soutien global aux migrants et aux réfugiés",
      en: "Comprehensive support for migrants and refugees",
    },
    short: { fr: "Soutien aux migrants", en: "Support for migrants" },
  },
];

/** Sub-categories in source order; id = domain and position ("1.5" is the 5th of domain 1). */
export const SUBCATEGORIES: readonly SubCategory[] = [
  { id: "1.1", domain: 1, name: { fr: "Coordination horizontale", en: "Horizontal coordination" } },
  { id: "1.2", domain: 1, name: { fr: "Coordination verticale", en: "Vertical coordination" } },
  {
    id: "1.3",
    domain: 1,
    name: {
      fr: "Coopération multipartite : coopération avec les ONG, le secteur privé, les universités, les associations de migrants, etc.",
      en: "Multi-stakeholder cooperation: cooperation with NGOs, the private sector, universities, migrant associations, etc.",
    },
  },
  {
    id: "1.4",
    domain: 1,
    name: {
      fr: "Inclusion politique (des migrants) et mécanismes de consultation",
      en: "Political inclusion (of migrants) and consultation mechanisms",
    },
  },
  {
    id: "1.5",
    domain: 1,
    name: {
      fr: "Engagement en matière de communication et de leadership",
      en: "Commitment to communication and leadership",
    },
  },
  {
    id: "1.6",
    domain: 1,
    name: {
      fr: "Améliorer la collecte et l'utilisation des données",
      en: "Improve the collection and use of data",
    },
  },
  { id: "1.7", domain: 1, name: { fr: "Financement", en: "Funding" } },
  { id: "1.8", domain: 1, name: { fr: "Collaboration intercommunale", en: "Inter-municipal collaboration" } },
  {
    id: "1.9",
    domain: 1,
    name: {
      fr: "Coopération de ville à ville sur l'inclusion locale",
      en: "City-to-city cooperation on local inclusion",
    },
  },
  {
    id: "1.10",
    domain: 1,
    name: {
      fr: "Inclure les migrants dans le personnel municipal",
      en: "Include migrants in the municipal workforce",
    },
  },
  {
    id: "1.11",
    domain: 1,
    name: {
      fr: "Renforcer la capacité des fonctionnaires à offrir des services à tous les citoyens",
      en: "Strengthen the capacity of civil servants to provide services to all citizens",
    },
  },
  { id: "2.1", domain: 2, name: { fr: "Formation professionnelle", en: "Vocational training" } },
  {
    id: "2.2",
    domain: 2,
    name: {
      fr: "Évaluation des compétences/validation des compétences",
      en: "Skills assessment/skills validation",
    },
  },
  {
    id: "2.3",
    domain: 2,
    name: {
      fr: "Participation du secteur privé et des entreprises sociales",
      en: "Involvement of the private sector and social enterprises",
    },
  },
  {
    id: "2.4",
    domain: 2,
    name: {
      fr: "Faire correspondre l'offre et la demande de main-d'œuvre au niveau local",
      en: "Match labour supply and demand at local level",
    },
  },
  {
    id: "2.5",
    domain: 2,
    name: {
      fr: "Soutenir l'entrepreneuriat des migrants (y compris en éliminant les obstacles aux services de base)",
      en: "Support migrant entrepreneurship (including by removing barriers to basic services)",
    },
  },
  {
    id: "2.6",
    domain: 2,
    name: {
      fr: "Investir dans la mobilité régionale et interrégionale de la main-d'œuvre",
      en: "Invest in regional and inter-regional labour mobility",
    },
  },
  {
    id: "3.1",
    domain: 3,
    name: {
      fr: "Garantir l'accès des migrants au système éducatif national obligatoire",
      en: "Guarantee migrants' access to the national compulsory education system",
    },
  },
  {
    id: "3.2",
    domain: 3,
    name: {
      fr: "Encourager l'accès des migrants à la scolarité non obligatoire, y compris à l'université et à la formation professionnelle",
      en: "Encourage migrants' access to non-compulsory education, including university and vocational training",
    },
  },
  { id: "3.3", domain: 3, name: { fr: "Formation linguistique", en: "Language training" } },
  {
    id: "4.1",
    domain: 4,
    name: {
      fr: "Soutenir l'accès des migrants aux services de santé et aux services sociaux",
      en: "Support migrants' access to health and social services",
    },
  },
  {
    id: "5.1",
    domain: 5,
    name: {
      fr: "Favoriser l'interaction entre des personnes d'horizons différents dans les espaces publics",
      en: "Foster interaction between people of different backgrounds in public spaces",
    },
  },
  { id: "5.2", domain: 5, name: { fr: "Logement inclusif", en: "Inclusive housing" } },
  {
    id: "5.3",
    domain: 5,
    name: {
      fr: "Veiller à ce que la planification et la conception urbaines favorisent l'intégration des nouveaux arrivants et de la population issue de l'immigration",
      en: "Ensure that urban planning and design foster the integration of newcomers and of people with a migrant background",
    },
  },
  {
    id: "6.1",
    domain: 6,
    name: {
      fr: "Fournir une information adaptée et facilement accessible",
      en: "Provide suitable and easily accessible information",
    },
  },
  { id: "6.2", domain: 6, name: { fr: "Fournir un soutien juridique", en: "Provide legal support" } },
  {
    id: "6.3",
    domain: 6,
    name: {
      fr: "Délivrance de cartes d'enregistrement à toutes les personnes vivant dans une municipalité, y compris les migrants, pour faciliter l'accès aux services",
      en: "Issuing registration cards to everyone living in a municipality, migrants included, to ease access to services",
    },
  },
];

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
