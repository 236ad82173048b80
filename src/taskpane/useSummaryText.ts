/** How the summary words a score and a coverage, in the interface language (cards, chart, overall). */
import { useTranslation } from "react-i18next";
import { formatPercent, formatScore } from "./format";
import { useLang } from "./useLang";

export interface CoverageCounts {
  coverage: number | null;
  assessed: number;
  applicable: number;
}

export function useSummaryText() {
  const { t } = useTranslation();
  const lang = useLang();
  return {
    /** "58 / 100", or "Not assessed". */
    score: (score: number | null): string =>
      score === null ? t("summary.noScore") : t("summary.scoreOutOf", { score: formatScore(score, lang) }),
    /** "Coverage: 12 / 40 assessed (30%)", or "Coverage: Nothing applicable". */
    coverage: (g: CoverageCounts): string =>
      `${t("summary.coverage")} ${
        g.coverage === null
          ? t("summary.coverageNone")
          : t("summary.coverageValue", {
              assessed: g.assessed,
              applicable: g.applicable,
              percent: formatPercent(g.coverage, lang),
            })
      }`,
  };
}
