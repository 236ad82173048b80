/** Stands in for the lazily loaded change chart under jest (d3 ships ESM only); renders its rows so tests can check them. */
import type { ChangeChartProps } from "../../src/taskpane/views/ChangeChart";

export default function ChangeChartStub({ title, rows }: ChangeChartProps) {
  return (
    <figure data-testid="change-chart">
      <figcaption>{title}</figcaption>
      <ul>
        {rows.map((r) => (
          <li key={r.key} data-key={r.key}>
            {r.label}: {r.change === null ? "" : r.change}
          </li>
        ))}
      </ul>
    </figure>
  );
}
