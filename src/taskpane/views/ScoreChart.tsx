/**
 * The chart comparing domains (or priorities). The chart library (@fluentui/react-charts, with d3)
 * is loaded on demand with React.lazy, so it is not part of the task pane's initial JavaScript.
 */
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

export interface ChartRow {
  key: string;
  label: string;
  /** 0-100, or null when not assessed. */
  score: number | null;
  /** The score as shown ("58 / 100", or "Not assessed"). */
  scoreText: string;
}

export interface ScoreChartProps {
  title: string;
  rows: ChartRow[];
  /** Interface language tag for number formatting ("fr", "en"). */
  culture: string;
}

const LazyChart = lazy(() => import("./ScoreChartImpl"));

export function ScoreChart(props: ScoreChartProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Spinner size="tiny" label={t("summary.chartLoading")} />}>
      <LazyChart {...props} />
    </Suspense>
  );
}
