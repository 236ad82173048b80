/**
 * How many objectives of a group are at each status (0-4, N/A, blank): a stacked bar and the counts, in the
 * product's one palette (src/core/palette.ts, the same colours as the sheet's status cells). Only the statuses
 * that occur are listed, so a group with nothing filled reads "Blank 7", not a seven-item legend of zeros.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { STATUS_PALETTE, type StatusColorKey } from "../../core/palette";
import type { GroupSummary } from "../../core/summary";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    height: "10px",
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    marginBlock: tokens.spacingVerticalXS,
  },
  segment: { height: "100%", ":not(:last-child)": { boxShadow: `inset -1px 0 0 ${tokens.colorNeutralStroke1}` } },
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
  item: { whiteSpace: "nowrap" },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    borderRadius: "2px",
    marginInlineEnd: "4px",
    verticalAlign: "-1px",
    outline: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  count: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});

export function StatusCounts({ group }: { group: GroupSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const items: { key: StatusColorKey; label: string; count: number }[] = [
    ...group.byLevel.map((count, level) => ({
      key: String(level) as StatusColorKey,
      label: t(`status.${level}`),
      count,
    })),
    { key: "na", label: t("status.na"), count: group.notApplicable },
    { key: "blank", label: t("status.blank"), count: group.blank },
  ];
  const shown = items.filter((item) => item.count > 0);
  const total = Math.max(group.total, 1);
  const fill = (key: StatusColorKey) => (key === "blank" ? "transparent" : STATUS_PALETTE[key].fill);
  return (
    <div>
      <div className={styles.bar} aria-hidden="true">
        {shown.map((item) => (
          <span
            key={item.key}
            className={styles.segment}
            style={{ width: `${(100 * item.count) / total}%`, backgroundColor: fill(item.key) }}
          />
        ))}
      </div>
      <ul className={styles.list} aria-label={t("summary.statusCounts")}>
        {shown.map((item) => (
          <li key={item.key} data-status={item.key} className={styles.item}>
            <span className={styles.swatch} style={{ backgroundColor: fill(item.key) }} aria-hidden="true" />
            {item.label} <span className={styles.count}>{item.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
