/** Every string the command line prints, in French and English. */
import type { Lang, Localized } from "../core/language";
import { fillTemplate } from "../core/messages";

const L = (fr: string, en: string): Localized => ({ fr, en });

export const TEXT = {
  usage: L(
    `LIAT — Outil d'action locale pour l'inclusion, en ligne de commande

Usage : liat <commande> [options]

Commandes :
  init      Crée un classeur LIAT (même présentation que le complément)
  check     Vérifie un classeur et liste les problèmes
  summary   Affiche la synthèse (scores par domaine et global)
  merge     Consolide plusieurs classeurs reçus en un seul

Options communes :
  --lang fr|en   Langue des messages et du classeur (par défaut : selon LANG, sinon en)
  -h, --help     Aide ; « liat <commande> --help » pour une commande`,
    `LIAT — Local Inclusion Action Tool, on the command line

Usage: liat <command> [options]

Commands:
  init      Create a LIAT workbook (same layout as the add-in inserts)
  check     Check a workbook and list its issues
  summary   Print the summary (scores by domain and overall)
  merge     Consolidate many workbooks received back into one

Common options:
  --lang fr|en   Language of messages and workbook (default: from LANG, else en)
  -h, --help     Help; "liat <command> --help" for one command`,
  ),
  initHelp: L(
    `Usage : liat init [-o FICHIER] [--lang fr|en] [--city VILLE] [--period PÉRIODE] [--force]

Crée un classeur LIAT : page de garde avec synthèse en formules natives, une feuille par domaine
politique (tableau Excel, listes déroulantes, messages), feuille de listes masquée.
  -o, --output FICHIER   Fichier à créer (par défaut : LIAT.xlsx)
  --city VILLE           Ville inscrite sur la page de garde
  --period PÉRIODE       Période de référence
  --force                Remplace le fichier s'il existe déjà`,
    `Usage: liat init [-o FILE] [--lang fr|en] [--city CITY] [--period PERIOD] [--force]

Creates a LIAT workbook: cover sheet with a native-formula summary, one sheet per policy domain
(Excel table, dropdowns, messages), hidden lists sheet.
  -o, --output FILE   File to create (default: LIAT.xlsx)
  --city CITY         City written on the cover sheet
  --period PERIOD     Reporting period
  --force             Replace the file if it already exists`,
  ),
  checkHelp: L(
    `Usage : liat check FICHIER [--lang fr|en] [--json]

Lit les tableaux LIAT du classeur (trouvés par leur ligne d'en-tête), vérifie chaque ligne et liste
les problèmes avec leur cellule.
  --json   Sortie JSON
Code de sortie : 0 sans erreur, 1 s'il y a des erreurs, 2 si le fichier est illisible.`,
    `Usage: liat check FILE [--lang fr|en] [--json]

Reads the workbook's LIAT tables (found by their header row), checks every row and lists the issues
with their cell.
  --json   JSON output
Exit code: 0 without errors, 1 when there are errors, 2 when the file cannot be read.`,
  ),
  summaryHelp: L(
    `Usage : liat summary FICHIER [--lang fr|en] [--json]

Affiche le score, l'appréciation et la couverture par domaine politique et pour l'ensemble.
  --json   Sortie JSON`,
    `Usage: liat summary FILE [--lang fr|en] [--json]

Prints the score, rating and coverage per policy domain and overall.
  --json   JSON output`,
  ),
  mergeHelp: L(
    `Usage : liat merge FICHIERS... -o SORTIE.xlsx [--json SORTIE.json] [--lang fr|en]

Consolide des classeurs reçus : une ligne par source et par objectif (fichier, ville, période,
feuille, cellule), une synthèse par source, et la liste des fichiers non lus avec la raison.
Un même fichier donné deux fois n'est repris qu'une fois.
  -o, --output FICHIER   Classeur de consolidation à écrire (obligatoire)
  --json FICHIER         Écrit aussi la consolidation en JSON
  --force                Remplace les fichiers de sortie s'ils existent déjà`,
    `Usage: liat merge FILES... -o OUT.xlsx [--json OUT.json] [--lang fr|en]

Consolidates workbooks received back: one row per source and objective (file, city, period, sheet,
cell), a summary per source, and the list of files that could not be read, with the reason.
The same file given twice is taken once.
  -o, --output FILE   Consolidation workbook to write (required)
  --json FILE         Also write the consolidation as JSON
  --force             Replace the output files if they already exist`,
  ),
  unknownCommand: L("Commande inconnue « {value} ».", 'Unknown command "{value}".'),
  badOption: L("Option incorrecte : {value}", "Bad option: {value}"),
  badLang: L("Langue inconnue « {value} » : fr ou en.", 'Unknown language "{value}": fr or en.'),
  oneFile: L("Indiquez un seul fichier.", "Give exactly one file."),
  noFiles: L("Indiquez au moins un fichier à consolider.", "Give at least one file to merge."),
  outputRequired: L(
    "Indiquez le classeur de sortie avec -o SORTIE.xlsx.",
    "Give the output workbook with -o OUT.xlsx.",
  ),
  outputExists: L(
    "« {value} » existe déjà : utilisez --force pour le remplacer.",
    '"{value}" already exists: use --force to replace it.',
  ),
  outputIsInput: L(
    "Le fichier de sortie « {value} » est aussi un fichier d'entrée.",
    'The output file "{value}" is also an input file.',
  ),
  cannotRead: L("Impossible de lire « {file} » : {reason}", 'Cannot read "{file}": {reason}'),
  cannotWrite: L("Impossible d'écrire « {file} » : {reason}", 'Cannot write "{file}": {reason}'),
  written: L("Écrit : {value}", "Written: {value}"),
  noIssues: L("Aucun problème.", "No issues."),
  counts: L("{errors} erreur(s), {warnings} avertissement(s).", "{errors} error(s), {warnings} warning(s)."),
  error: L("erreur", "error"),
  warning: L("avertissement", "warning"),
  fileLine: L(
    "Fichier : {file} — Ville : {city} — Période : {period}",
    "File: {file} — City: {city} — Period: {period}",
  ),
  summaryHeader: L("Domaine politique", "Policy domain"),
  score: L("Score", "Score"),
  rating: L("Appréciation", "Rating"),
  coverage: L("Couverture", "Coverage"),
  overall: L("Ensemble", "Overall"),
  progress: L("{done}/{total} fichiers lus", "{done}/{total} files read"),
  merged: L(
    "{sources} classeur(s) consolidé(s), {rows} ligne(s) ; {unreadable} fichier(s) non repris.",
    "{sources} workbook(s) merged, {rows} row(s); {unreadable} file(s) not merged.",
  ),
  notMerged: L("Non repris : {file} — {reason}", "Not merged: {file} — {reason}"),
  none: L("—", "—"),
} as const;

export type TextKey = keyof typeof TEXT;

export function t(key: TextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[key][lang], params);
}
