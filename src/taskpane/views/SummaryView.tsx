/**
 * Summary: the overall score and rating, a chart comparing the groups, then one card per policy
 * domain (a click opens its sheet) or, with the switch, per Call-to-Action priority.
 */
import { Caption1, Card, makeStyles, Spinner, Switch, Text, Title3, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DomainId } from "../../core/catalogueTypes";
import { ratingBand } from "../../core/rating";
import { formatScore } from "../format";
import { countIssuesByDomain, countIssuesByPriority } from "../issueGroups";
import { useLiveWorkbook } from "../liveWorkbook";
import { useLang } from "../useLang";
import { useSummaryText } from "../useSummaryText";
import { useWorkbookApi } from "../workbookApiContext";
import { FirstRun } from "./FirstRun";
import { GroupCard } from "./GroupCard";
import { ScoreChart, type ChartRow } from "./ScoreChart";
import { WorkbookError } from "./WorkbookError";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  overall: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
  },
  big: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
  },
  cards: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  note: { color: tokens.colorNeutralForeground2 },
});

export function SummaryView({ onGoToSetup }: { onGoToSetup?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const text = useSummaryText();
  const api = useWorkbookApi();
  const { status, live, loading, error } = useLiveWorkbook();
  const [byPriority, setByPriority] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);
  // Counted once per update, not on every render (the switch, the language).
  const issues = live?.issues;
  const domainIssues = useMemo(() => countIssuesByDomain(issues ?? []), [issues]);
  const priorityIssues = useMemo(() => countIssuesByPriority(issues ?? []), [issues]);

  if (loading && !live) return <Spinner label={t("app.loading")} />;
  if (status && !status.hasLiat) return <FirstRun onGoToSetup={onGoToSetup} />;
  if (!live) return error ? <WorkbookError error={error} /> : <Spinner label={t("app.loading")} />;

  const { summary } = live;
  const overall = summary.overall;
  const overallScore = byPriority ? summary.overallByPriority : overall.score;
  const rows: ChartRow[] = byPriority
    ? summary.priorities.map((p) => ({
        key: `p${p.priority}`,
        label: `${p.priority}. ${t(`priority.${p.priority}`)}`,
        score: p.score,
        scoreText: text.score(p.score),
        valueText: p.score === null ? "–" : formatScore(p.score, lang),
      }))
    : summary.domains.map((d) => ({
        key: `d${d.domain}`,
        label: `${d.domain}. ${t(`domain.${d.domain}.short`)}`,
        score: d.score,
        scoreText: text.score(d.score),
        valueText: d.score === null ? "–" : formatScore(d.score, lang),
      }));

  const open = (domain: DomainId) => {
    setOpenError(null);
    api.activateDomain(domain).catch((err: unknown) => setOpenError(err));
  };

  return (
    <section className={styles.root} aria-labelledby="liat-summary-heading">
      <Title3 as="h2" id="liat-summary-heading" className={styles.h2}>
        {t("summary.heading")}
      </Title3>
      {error ? <WorkbookError error={error} live /> : null}
      {openError ? <WorkbookError error={openError} /> : null}
      <Card data-testid="overall">
        <div className={styles.overall}>
          <div>
            <Text as="p" block weight="semibold">
              {byPriority ? t("summary.overallByPriority") : t("summary.overall")}
            </Text>
            <Text as="p" block data-testid="overall-rating">
              {overallScore === null ? t("summary.noScore") : t(`rating.${ratingBand(overallScore)?.id ?? "initial"}`)}
            </Text>
            <Caption1 as="p" block data-testid="overall-coverage">
              {text.coverage(overall)}
            </Caption1>
          </div>
          <Text className={styles.big} data-testid="overall-score">
            {overallScore === null ? "–" : formatScore(overallScore, lang)}
          </Text>
        </div>
      </Card>
      <Switch
        checked={byPriority}
        onChange={(_, data) => setByPriority(data.checked)}
        label={t("summary.byPriority")}
      />
      {byPriority ? (
        <Caption1 as="p" block className={styles.note} data-testid="crosswalk-note">
          {t("crosswalkNote")}
        </Caption1>
      ) : null}
      <ScoreChart title={byPriority ? t("summary.chartTitlePriorities") : t("summary.chartTitle")} rows={rows} />
      <Title3 as="h2" className={styles.h2}>
        {byPriority ? t("summary.prioritiesHeading") : t("summary.domainsHeading")}
      </Title3>
      <ul className={styles.cards}>
        {byPriority
          ? summary.priorities.map((p) => (
              <li key={`p${p.priority}`}>
                <GroupCard
                  testId={`priority-${p.priority}`}
                  label={t("summary.priorityLabel", { id: p.priority })}
                  name={t(`priority.${p.priority}`)}
                  group={p}
                  issues={priorityIssues.get(p.priority) ?? 0}
                />
              </li>
            ))
          : summary.domains.map((d) => (
              <li key={`d${d.domain}`}>
                <GroupCard
                  testId={`domain-${d.domain}`}
                  label={t("summary.domainLabel", { id: d.domain })}
                  name={t(`domain.${d.domain}.name`)}
                  group={d}
                  issues={domainIssues.get(d.domain) ?? 0}
                  onOpen={() => open(d.domain)}
                  openLabel={t("summary.openSheet")}
                />
              </li>
            ))}
      </ul>
    </section>
  );
}
