/** The chart itself (loaded lazily by ScoreChart): one horizontal bar per domain or priority, on a 0-100 scale. */
import { HorizontalBarChart, type ChartProps } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { ScoreChartProps } from "./ScoreChart";

export default function ScoreChartImpl({ title, rows, culture }: ScoreChartProps) {
  const data: ChartProps[] = rows.map((row) => {
    const score = row.score === null ? 0 : Math.round(row.score);
    return {
      // the score is written next to the name: a domain not assessed reads "not assessed", not "0"
      chartTitle: `${row.label}: ${row.scoreText}`,
      chartData: [
        {
          legend: row.label,
          horizontalBarChartdata: { x: score, total: 100 },
          color: tokens.colorBrandBackground,
          xAxisCalloutData: row.label,
          yAxisCalloutData: row.scoreText,
        },
      ],
    };
  });
  return (
    <figure style={{ margin: 0 }} data-testid="score-chart">
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      <HorizontalBarChart data={data} chartDataMode="hidden" culture={culture} barHeight={12} hideTooltip />
    </figure>
  );
}
