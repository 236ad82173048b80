/** The change chart itself (loaded lazily by ChangeChart): one vertical bar per domain, up or down from 0. */
import { VerticalBarChart, type VerticalBarChartDataPoint } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { ChangeChartProps } from "./ChangeChart";

export default function ChangeChartImpl({ title, rows, culture }: ChangeChartProps) {
  const data: VerticalBarChartDataPoint[] = rows.map((row) => {
    const change = row.change ?? 0;
    return {
      x: row.key,
      y: Math.round(change * 10) / 10,
      legend: row.label,
      color: change < 0 ? tokens.colorPaletteRedBackground3 : tokens.colorPaletteGreenBackground3,
      xAxisCalloutData: row.label,
      yAxisCalloutData: row.change === null ? "—" : `${change > 0 ? "+" : ""}${Math.round(change * 10) / 10}`,
    };
  });
  return (
    <figure style={{ margin: 0 }} data-testid="change-chart">
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      <VerticalBarChart data={data} culture={culture} height={200} hideLegend barWidth={16} />
    </figure>
  );
}
