/**
 * The chart comparing domains (or priorities): one bar per group on a 0-100 scale, its score always written next to
 * it (even at 320 px), in the palette's colour. It is a list, read once by screen readers ("1. Governance: 62.5 /
 * 100") and adds no tab stop: the bars are drawing only (aria-hidden). The scores follow the one display rule.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { STATUS_PALETTE } from "../../core/palette";
import { roundScore } from "../../core/scoreDisplay";
import { useTranslation } from "react-i18next";
import { visuallyHidden } from "../visuallyHidden";

export interface ChartRow {
  key: string;
  label: string;
  /** 0-100, or null when not assessed. */
  score: number | null;
  /** The score as read ("62.5 / 100", or "Not assessed"). */
  scoreText: string;
  /** The score as written next to the bar ("62.5", or "–"). */
  valueText: string;
}

export interface ScoreChartProps {
  title: string;
  rows: ChartRow[];
}

/** The bars' colour: the palette's "implemented" step, readable on light and dark backgrounds. */
const BAR = STATUS_PALETTE["3"].fill;

const useStyles = makeStyles({
  figure: { margin: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
  },
  label: { gridColumn: "1 / -1", overflowWrap: "break-word", color: tokens.colorNeutralForeground1 },
  track: {
    height: "10px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    overflow: "hidden",
  },
  bar: { height: "100%", backgroundColor: BAR },
  value: {
    minWidth: "3.5em",
    textAlign: "end",
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  hidden: visuallyHidden,
});

export function ScoreChart({ title, rows }: ScoreChartProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <figure className={styles.figure} data-testid="score-chart">
      <figcaption className={styles.caption}>{title}</figcaption>
      <ul className={styles.list}>
        {rows.map((row) => (
          <li key={row.key} data-key={row.key} className={styles.row}>
            <span className={styles.label}>
              {row.label}
              <span className={styles.hidden}>{t("summary.chartValue", { score: row.scoreText })}</span>
            </span>
            <span className={styles.track} aria-hidden="true">
              <span
                className={styles.bar}
                style={{ display: "block", width: `${row.score === null ? 0 : roundScore(row.score)}%` }}
              />
            </span>
            <span className={styles.value} aria-hidden="true" data-testid="chart-value">
              {row.valueText}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
