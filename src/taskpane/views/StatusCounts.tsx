/** How many objectives of a group are at each status (0-4, N/A, blank): a stacked bar and the counts. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { GroupSummary } from "../../core/summary";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    height: "8px",
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
    marginBlock: tokens.spacingVerticalXS,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: "inline-block",
    width: "8px",
    height: "8px",
    borderRadius: "2px",
    marginInlineEnd: "4px",
  },
  count: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});

/** Colours of the status steps (same order as the workbook's status fills: red to green, grey for N/A). */
const COLORS = ["#c50f1f", "#da3b01", "#c19c00", "#13a10e", "#0b6a0b", "#8a8886", "transparent"];

export function StatusCounts({ group }: { group: GroupSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const items = [
    ...group.byLevel.map((count, level) => ({ key: String(level), label: t(`status.${level}`), count })),
    { key: "na", label: t("status.na"), count: group.notApplicable },
    { key: "blank", label: t("status.blank"), count: group.blank },
  ];
  const total = Math.max(group.total, 1);
  return (
    <div>
      <div className={styles.bar} aria-hidden="true">
        {items.map((item, i) =>
          item.count > 0 ? (
            <span key={item.key} style={{ width: `${(100 * item.count) / total}%`, backgroundColor: COLORS[i] }} />
          ) : null,
        )}
      </div>
      <ul className={styles.list} aria-label={t("summary.statusCounts")}>
        {items.map((item, i) => (
          <li key={item.key} data-status={item.key}>
            <span
              className={styles.swatch}
              style={{ backgroundColor: COLORS[i], outline: i === 6 ? "1px solid currentColor" : undefined }}
              aria-hidden="true"
            />
            {item.label} <span className={styles.count}>{item.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
