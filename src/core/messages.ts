import type { Lang, Localized } from "./language";

/** Every validation message, in French and English, by key. Parameters are filled in by name. */
export const MESSAGES = {
  excelError: {
    fr: "La cellule affiche une erreur Excel ({value}) : corrigez la formule ou saisissez une valeur.",
    en: "The cell shows an Excel error ({value}): fix the formula or enter a value.",
  },
  statusInvalid: {
    fr: "Statut inconnu « {value} ». Choisissez dans la liste : {allowed}.",
    en: 'Unknown status "{value}". Choose from the list: {allowed}.',
  },
  statusRequired: {
    fr: "Indiquez le statut : d'autres cellules de cette ligne sont remplies.",
    en: "Enter the status: other cells of this row are filled in.",
  },
  textExpected: {
    fr: "Saisissez du texte ici (la cellule contient {value}).",
    en: "Enter text here (the cell holds {value}).",
  },
  textTooLong: {
    fr: "Texte trop long : {length} caractères, {max} au plus.",
    en: "Text too long: {length} characters, at most {max}.",
  },
  responsibleRequired: {
    fr: "Indiquez le service responsable (obligatoire à partir de « Planifié »).",
    en: 'Enter the responsible service (required from "Planned" up).',
  },
  evidenceRequired: {
    fr: "Indiquez une preuve ou un lien (obligatoire à partir de « Mis en œuvre »).",
    en: 'Enter evidence or a link (required from "Implemented" up).',
  },
  evidenceLink: {
    fr: "Lien non accepté « {value} » : utilisez une adresse http, https ou mailto.",
    en: 'Link not accepted "{value}": use an http, https or mailto address.',
  },
  targetGroupUnknown: {
    fr: "Groupe cible inconnu : {value}. Valeurs possibles, séparées par « ; » : {allowed}.",
    en: 'Unknown target group: {value}. Allowed values, separated by ";": {allowed}.',
  },
  dateAsText: {
    fr: "« {value} » est du texte, pas une date : saisissez-la comme date (par exemple 31/03/2025).",
    en: '"{value}" is text, not a date: enter it as a date (for example 2025-03-31).',
  },
  dateInvalid: {
    fr: "Saisissez une date valide (la cellule contient {value}).",
    en: "Enter a valid date (the cell holds {value}).",
  },
  endBeforeStart: {
    fr: "La date de fin ({end}) précède la date de début ({start}).",
    en: "The end date ({end}) is before the start date ({start}).",
  },
  numberAsText: {
    fr: "« {value} » est du texte : saisissez un nombre.",
    en: '"{value}" is text: enter a number.',
  },
  numberExpected: {
    fr: "Saisissez un nombre (la cellule contient {value}).",
    en: "Enter a number (the cell holds {value}).",
  },
  numberNegative: {
    fr: "Saisissez un nombre positif ou nul (la cellule contient {value}).",
    en: "Enter a number that is zero or more (the cell holds {value}).",
  },
  wholeNumberExpected: {
    fr: "Saisissez un nombre entier positif ou nul (la cellule contient {value}).",
    en: "Enter a whole number, zero or more (the cell holds {value}).",
  },
  currencyInvalid: {
    fr: "Devise inconnue « {value} » : utilisez un code ISO 4217 comme EUR, USD, XOF.",
    en: 'Unknown currency "{value}": use an ISO 4217 code such as EUR, USD, XOF.',
  },
  currencyRequired: {
    fr: "Indiquez la devise du budget (code ISO 4217, par exemple EUR).",
    en: "Enter the currency of the budget (ISO 4217 code, for example EUR).",
  },
  codeUnknown: {
    fr: "Code d'objectif inconnu « {value} » : il n'existe pas dans le LIAT.",
    en: 'Unknown objective code "{value}": it is not in the LIAT.',
  },
  codeDuplicate: {
    fr: "L'objectif {value} apparaît plusieurs fois (aussi en {other}).",
    en: "Objective {value} appears more than once (also at {other}).",
  },
  codeMissing: {
    fr: "Code d'objectif manquant : cette ligne ne peut pas être rattachée au LIAT.",
    en: "Missing objective code: this row cannot be matched to the LIAT.",
  },
  columnMissing: {
    fr: "Colonne « {value} » introuvable dans le tableau : ses données ne peuvent pas être lues.",
    en: 'Column "{value}" not found in the table: its data cannot be read.',
  },
} as const satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

/** Shortens a value quoted in a message so that a 32,767-character cell does not flood the UI. */
export function quoteValue(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}…` : oneLine;
}

/** Fills the {name} placeholders of a template; a missing parameter gives "". */
export function fillTemplate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

export function formatMessage(key: MessageKey, lang: Lang, params: MessageParams = {}): string {
  return fillTemplate(MESSAGES[key][lang], params);
}

export function localizedMessage(key: MessageKey, params: MessageParams = {}): Localized {
  return { fr: formatMessage(key, "fr", params), en: formatMessage(key, "en", params) };
}
