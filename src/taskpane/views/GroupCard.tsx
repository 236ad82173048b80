/** One card of the summary: a policy domain or a priority, with its score, rating, coverage, statuses and issues. */
import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Card,
  makeStyles,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { GroupSummary } from "../../core/summary";
import { formatScore } from "../format";
import { useLang } from "../useLang";
import { useSummaryText } from "../useSummaryText";
import { visuallyHidden } from "../visuallyHidden";
import { StatusCounts } from "./StatusCounts";

const useStyles = makeStyles({
  card: { rowGap: tokens.spacingVerticalXS },
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  titleButton: {
    justifyContent: "flex-start",
    textAlign: "start",
    paddingInline: 0,
    minWidth: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  score: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  visuallyHidden,
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export interface GroupCardProps {
  /** "Domain 1", "Priority 3". */
  label: string;
  name: string;
  group: GroupSummary;
  issues: number;
  /** When given, the card opens something (the domain's sheet): a click anywhere, or the title button (described by openLabel). */
  onOpen?: () => void;
  openLabel?: string;
  testId?: string;
}

export function GroupCard({ label, name, group, issues, onOpen, openLabel, testId }: GroupCardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const text = useSummaryText();
  const titleId = useId();
  const score = group.score;
  const hintId = useId();
  const heading = (
    <>
      <Caption1 block>{label}</Caption1> {name}
    </>
  );
  return (
    <Card
      className={styles.card}
      size="small"
      role="group"
      aria-labelledby={titleId}
      data-testid={testId}
      focusMode="off"
      onClick={onOpen}
    >
      <div className={styles.header}>
        <h3 className={styles.title} id={titleId}>
          {onOpen ? (
            <Button
              appearance="transparent"
              className={styles.titleButton}
              aria-describedby={hintId}
              onClick={(event) => {
                event.stopPropagation();
                onOpen();
              }}
            >
              <span>{heading}</span>
            </Button>
          ) : (
            <Body1Strong>{heading}</Body1Strong>
          )}
        </h3>
        <Text className={styles.score} data-testid="score">
          {score === null ? "–" : formatScore(score, lang)}
        </Text>
      </div>
      {onOpen ? (
        <span id={hintId} className={styles.visuallyHidden}>
          {openLabel}
        </span>
      ) : null}
      <ProgressBar
        value={score === null ? 0 : score / 100}
        aria-label={`${t("summary.score")} ${name}: ${text.score(score)}`}
        thickness="large"
      />
      <div className={styles.line}>
        {group.rating ? (
          <Badge appearance="tint" color="brand" data-testid="rating">
            {t(`rating.${group.rating}`)}
          </Badge>
        ) : (
          <Badge appearance="outline" color="informative" data-testid="rating">
            {t("summary.noScore")}
          </Badge>
        )}
        <Caption1 data-testid="coverage">{text.coverage(group)}</Caption1>
        <Badge
          appearance={issues > 0 ? "filled" : "outline"}
          color={issues > 0 ? "danger" : "success"}
          data-testid="issues"
        >
          {t("summary.issues", { count: issues })}
        </Badge>
      </div>
      <StatusCounts group={group} />
      {group.invalid > 0 ? <Caption1>{t("summary.invalid", { count: group.invalid })}</Caption1> : null}
    </Card>
  );
}
