/**
 * French names and descriptions of the LIAT.* custom functions, by function id. The build turns
 * the generated functions.json into functions.fr.json with these (ids stay the same, so a workbook
 * written in one language computes in the other).
 */
export interface FrenchFunction {
  name: string;
  description: string;
  parameters: Record<string, string>;
}

export const FRENCH_METADATA: Record<string, FrenchFunction> = {
  SCORE: {
    name: "SCORE",
    description:
      "Score d'un ensemble d'objectifs : moyenne des points de leurs statuts (0 à 100). Les statuts « Non applicable » et vides sont exclus ; vide si aucun objectif n'est évalué.",
    parameters: {
      statuses: "Cellules de statut : libellés (français ou anglais), niveaux 0-4, « N/A » ou vide.",
      weights: "Poids facultatifs, un par statut (nombres >= 0 ; vide vaut 1).",
    },
  },
  LEVEL: {
    name: "NIVEAU",
    description:
      "Niveau de maturité d'un statut : 0 (non commencé) à 4 (pérennisé) ; « N/A » si non applicable ; vide si vide.",
    parameters: { status: "Un libellé de statut (français ou anglais), un niveau 0-4 ou « N/A »." },
  },
  COVERAGE: {
    name: "COUVERTURE",
    description:
      "Couverture d'un ensemble d'objectifs : part des objectifs évalués parmi ceux qui s'appliquent (0 à 1).",
    parameters: { statuses: "Cellules de statut : libellés, niveaux 0-4, « N/A » ou vide." },
  },
  DOMAINSCORE: {
    name: "SCOREDOMAINE",
    description: "Score d'un domaine politique à partir d'une liste de codes d'objectifs et de leurs statuts.",
    parameters: {
      codes: "Codes d'objectifs comme « 1.1.1 » (un par statut).",
      statuses: "Cellules de statut, dans le même ordre que les codes.",
      domain: "Numéro du domaine politique, de 1 à 6.",
    },
  },
  RATING: {
    name: "APPRECIATION",
    description:
      "Niveau d'appréciation d'un score : Initial (0-24), Émergent (25-49), Établi (50-74), Avancé (75-100).",
    parameters: {
      score: "Un score de 0 à 100 (vide donne vide).",
      lang: "Langue du libellé : « fr » ou « en » (par défaut « en »).",
    },
  },
  OBJECTIVE: {
    name: "OBJECTIF",
    description: "Texte d'un objectif du LIAT.",
    parameters: {
      code: "Code d'objectif comme « 1.1.1 » (la forme « 1,1,1 » est acceptée).",
      lang: "« fr » pour le texte source en français, « en » pour la traduction anglaise (par défaut « en »).",
    },
  },
  DOMAIN: {
    name: "DOMAINE",
    description: "Domaine politique d'un objectif du LIAT.",
    parameters: {
      code: "Code d'objectif comme « 2.1 ».",
      lang: "Langue du nom : « fr » ou « en » (par défaut « en »).",
    },
  },
  REFS: {
    name: "REFERENCES",
    description:
      "Références d'un objectif du LIAT au Pacte mondial sur les réfugiés (GCR) et au Pacte mondial pour les migrations (GCM), normalisées.",
    parameters: {
      code: "Code d'objectif comme « 1.5.2 ».",
      compact: "« GCR » ou « GCM » pour ne lister que ce pacte (par défaut les deux).",
    },
  },
  PRIORITIES: {
    name: "PRIORITES",
    description:
      "Priorités de l'Appel à l'action locale (1 à 8) que sert un objectif du LIAT, selon la correspondance fournie avec ce complément.",
    parameters: { code: "Code d'objectif comme « 6.1 »." },
  },
  PROGRESS: {
    name: "PROGRESSION",
    description:
      "Progression d'un indicateur de sa valeur de départ vers sa cible : 0 au départ, 1 à la cible ; fonctionne aussi pour un indicateur qui doit baisser.",
    parameters: {
      baseline: "Valeur au départ.",
      target: "Valeur visée (inférieure au départ pour un indicateur qui doit baisser).",
      actual: "Valeur actuelle.",
    },
  },
  CHECK: {
    name: "VERIFIER",
    description: "Message de validation d'une ligne d'objectif : vide si la ligne est valide.",
    parameters: {
      entries:
        "Les 11 cellules de saisie de la ligne dans l'ordre de la feuille : statut, service responsable, partenaires, groupes cibles, début, fin, budget, devise, bénéficiaires, preuve, commentaires.",
      lang: "Langue du message : « fr » ou « en » (par défaut « en »).",
    },
  },
};
