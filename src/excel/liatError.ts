/**
 * Errors the workbook operations raise, with a message in French and English that the task pane
 * shows as is. Excel's own errors (protected sheet, name taken, ...) are turned into these.
 */
import type { Localized } from "../core/language";

export type LiatErrorKey =
  | "noExcel"
  | "sheetProtected"
  | "sheetNameTaken"
  | "tableNameTaken"
  | "notLiatWorkbook"
  | "newerSchema"
  | "cellNotFound"
  | "domainNotFound"
  | "excel";

export class LiatError extends Error {
  /** The localized message; `Error.message` carries the English text. */
  readonly localized: Localized;
  constructor(
    readonly key: LiatErrorKey,
    message: Localized,
    override readonly cause?: unknown,
  ) {
    super(message.en);
    this.name = "LiatError";
    this.localized = message;
  }
}

const MESSAGES = {
  noExcel: {
    fr: "Excel n'est pas disponible : ouvrez le complément dans Excel.",
    en: "Excel is not available: open the add-in in Excel.",
  },
  sheetProtected: {
    fr: "La feuille « {sheet} » est protégée par un mot de passe : retirez la protection (Révision > Ôter la protection) puis recommencez.",
    en: 'The sheet "{sheet}" is protected with a password: unprotect it (Review > Unprotect Sheet) and try again.',
  },
  sheetNameTaken: {
    fr: "Une feuille « {sheet} » existe déjà et ne vient pas du LIAT : renommez-la puis recommencez. Rien n'a été modifié.",
    en: 'A sheet named "{sheet}" already exists and is not a LIAT sheet: rename it and try again. Nothing was changed.',
  },
  tableNameTaken: {
    fr: "Le nom « {sheet} » est déjà utilisé dans le classeur : renommez ce tableau ou ce nom puis recommencez.",
    en: 'The name "{sheet}" is already used in the workbook: rename that table or name and try again.',
  },
  notLiatWorkbook: {
    fr: "Ce classeur ne contient pas de feuilles LIAT : insérez-les d'abord.",
    en: "This workbook has no LIAT sheets: insert them first.",
  },
  newerSchema: {
    fr: "Ce classeur a été créé par une version plus récente du complément LIAT (version {sheet}) : mettez le complément à jour.",
    en: "This workbook was made by a newer version of the LIAT add-in (version {sheet}): update the add-in.",
  },
  cellNotFound: {
    fr: "La cellule {sheet} est introuvable (la feuille a peut-être été renommée ou supprimée).",
    en: "The cell {sheet} cannot be found (the sheet may have been renamed or deleted).",
  },
  domainNotFound: {
    fr: "La feuille du domaine {sheet} est introuvable : insérez les feuilles LIAT.",
    en: "The sheet of domain {sheet} cannot be found: insert the LIAT sheets.",
  },
  excel: {
    fr: "Excel a refusé l'opération : {sheet}",
    en: "Excel refused the operation: {sheet}",
  },
} as const satisfies Record<LiatErrorKey, Localized>;

export function liatError(key: LiatErrorKey, subject = "", cause?: unknown): LiatError {
  const m = MESSAGES[key];
  const fill = (s: string) => s.replace("{sheet}", subject);
  return new LiatError(key, { fr: fill(m.fr), en: fill(m.en) }, cause);
}

/** Turns whatever Excel.run threw into a LiatError (kept as is when it already is one). */
export function toLiatError(error: unknown, subject = ""): LiatError {
  if (error instanceof LiatError) return error;
  const code = (error as { code?: unknown })?.code;
  const text = error instanceof Error ? error.message : String(error);
  if (code === "AccessDenied") return liatError("sheetProtected", subject, error);
  if (code === "ItemAlreadyExists") return liatError("sheetNameTaken", subject, error);
  return liatError("excel", text, error);
}
