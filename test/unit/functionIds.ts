/** The id of every LIAT custom function, as the JSDoc of src/functions/functions.ts declares them (tests compare with it). */
export const FUNCTION_IDS = [
  "SCORE",
  "LEVEL",
  "COVERAGE",
  "DOMAINSCORE",
  "RATING",
  "OBJECTIVE",
  "DOMAIN",
  "REFS",
  "PRIORITIES",
  "PROGRESS",
  "CHECK",
  "CHANGE",
] as const;
