/**
 * Stands in for the lazily loaded chart (src/taskpane/views/ScoreChartImpl.tsx) under jest: the real one
 * pulls in d3, which ships ESM only. It renders the rows it is given, so tests can check the chart's data;
 * the real chart is exercised by the browser tests.
 */
import type { ScoreChartProps } from "../../src/taskpane/views/ScoreChart";

export default function ChartStub({ title, rows }: ScoreChartProps) {
  return (
    <figure data-testid="score-chart">
      <figcaption>{title}</figcaption>
      <ul>
        {rows.map((r) => (
          <li key={r.key} data-key={r.key}>
            {r.label}: {r.score === null ? "" : Math.round(r.score)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
