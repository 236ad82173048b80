/** The chart of the change in score per domain; the chart library is loaded on demand, as for ScoreChart. */
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

export interface ChangeRow {
  key: string;
  label: string;
  /** Change in points (-100 to 100), or null when either period has no score. */
  change: number | null;
}

export interface ChangeChartProps {
  title: string;
  rows: ChangeRow[];
  culture: string;
}

const LazyChart = lazy(() => import("./ChangeChartImpl"));

export function ChangeChart(props: ChangeChartProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Spinner size="tiny" label={t("summary.chartLoading")} />}>
      <LazyChart {...props} />
    </Suspense>
  );
}
