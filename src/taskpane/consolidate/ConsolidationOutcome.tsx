/**
 * The outcome of a consolidation: what was written (rows, sheet, earlier rows replaced or kept) with
 * a button to the sheet, the workbooks merged (file, city, period, rows, issues), and the files not
 * merged with the reason in the interface language.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { byCity } from "../../core/cityPeriods";
import { CONSOLIDATION_TEXT, type ConsolidationReport } from "../../core/consolidate";
import { DOMAIN_IDS } from "../../core/layout";
import { formatScore } from "../../core/scoreDisplay";
import type { ConsolidationWriteResult } from "../../excel/consolidation";
import { useLang } from "../useLang";
import { ResultTable } from "./ResultTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

/** Workbooks merged listed in the pane (every one is on the summary sheet). */
export const SOURCES_SHOWN = 100;

export interface ConsolidationOutcomeProps {
  result: ConsolidationReport;
  /** What was written; absent when writing failed. */
  written?: ConsolidationWriteResult;
  onOpen?: (sheet: string) => void;
}

export function ConsolidationOutcome({ result, written, onOpen }: ConsolidationOutcomeProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const merged = result.sources.length;
  const none = t("consolidate.none");
  const cities = byCity(result.sources);
  const score = (v: number | null) => (v === null ? t("consolidate.notAssessed") : formatScore(v, lang));
  const signed = (v: number | null) =>
    v === null ? "" : ` (${v > 0 ? "+" : v < 0 ? "−" : ""}${formatScore(Math.abs(v), lang)})`;
  return (
    <div className={styles.root} data-testid="consolidate-result">
      {written ? (
        <MessageBar intent={merged > 0 ? "success" : "warning"} layout="multiline" data-testid="consolidate-outcome">
          <MessageBarBody>
            <MessageBarTitle>{t("consolidate.doneTitle")}</MessageBarTitle>
            {merged > 0
              ? t("consolidate.merged", {
                  count: merged,
                  rows: written.added,
                  sheet: written.sheets.consolidation,
                })
              : t("consolidate.noneMerged")}
            {written.replaced > 0 ? ` ${t("consolidate.replaced", { count: written.replaced })}` : null}
            {written.kept > 0 ? ` ${t("consolidate.kept", { count: written.kept })}` : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {written && onOpen ? (
        <Button onClick={() => onOpen(written.sheets.consolidation)} data-testid="consolidate-open">
          {t("consolidate.open", { sheet: written.sheets.consolidation })}
        </Button>
      ) : null}
      {merged > 0 ? (
        <section aria-labelledby="liat-consolidate-sources">
          <h3 id="liat-consolidate-sources" className={styles.h3}>
            {t("consolidate.sourcesHeading")}
          </h3>
          <ResultTable
            labelledBy="liat-consolidate-sources"
            data-testid="consolidate-sources"
            headers={[
              t("consolidate.file"),
              t("consolidate.city"),
              t("consolidate.period"),
              t("consolidate.rows"),
              t("consolidate.issues"),
            ]}
            rows={result.sources.slice(0, SOURCES_SHOWN).map((s) => ({
              key: s.source.key,
              data: { "data-file": s.source.fileName },
              cells: [
                s.source.fileName,
                s.source.city || none,
                s.source.period || none,
                s.rows,
                t("consolidate.issuesValue", {
                  errors: t("consolidate.errors", { count: s.errors }),
                  warnings: t("consolidate.warnings", { count: s.warnings }),
                }),
              ],
            }))}
          />
          {merged > SOURCES_SHOWN ? (
            <Text as="p" size={200} data-testid="consolidate-more-sources">
              {t("consolidate.moreSources", {
                count: merged - SOURCES_SHOWN,
                sheet: written?.sheets.summary ?? CONSOLIDATION_TEXT.summarySheet[lang],
              })}
            </Text>
          ) : null}
        </section>
      ) : null}
      {cities.some((c) => c.periods.length > 1) ? (
        <section aria-labelledby="liat-consolidate-cities" data-testid="consolidate-cities">
          <h3 id="liat-consolidate-cities" className={styles.h3}>
            {t("consolidate.byCityHeading")}
          </h3>
          <Text size={200}>{t("consolidate.byCityIntro")}</Text>
          <ResultTable
            labelledBy="liat-consolidate-cities"
            headers={[
              t("consolidate.city"),
              t("consolidate.period"),
              t("consolidate.overall"),
              t("consolidate.domains"),
            ]}
            cellTestIds={{ 2: "city-overall" }}
            rows={cities.flatMap((c, ci) =>
              c.periods.map((p, pi) => ({
                key: `${ci}-${pi}`,
                data: { "data-city": c.city, "data-period": p.period },
                cells: [
                  c.city || none,
                  p.period || none,
                  `${score(p.overall)}${signed(p.overallChange)}`,
                  DOMAIN_IDS.map((d, i) => `${d}: ${score(p.domains[i]!)}${signed(p.domainChanges[i]!)}`).join(" · "),
                ],
              })),
            )}
          />
        </section>
      ) : null}
      {result.notMergedCount > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="consolidate-not-merged">
          <MessageBarBody>
            <MessageBarTitle>
              {t("consolidate.notMerged", {
                count: result.notMergedCount,
                sheet: written?.sheets.notMerged ?? CONSOLIDATION_TEXT.notMergedSheet[lang],
              })}
            </MessageBarTitle>
            <ul className={styles.list}>
              {/* the first cells not merged (core's NOT_MERGED_KEPT); all of them are on the sheet */}
              {result.notMerged.map((n, i) => (
                <li key={`${i}-${n.fileName}-${n.sheet}-${n.cell}`} data-file={n.fileName}>
                  <Text className={styles.file}>{n.fileName}</Text> — {n.sheet}!{n.cell} — {n.reason[lang]}
                </li>
              ))}
              {result.notMergedCount > result.notMerged.length ? <li>…</li> : null}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result.unreadable.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="consolidate-unreadable">
          <MessageBarBody>
            <MessageBarTitle>{t("consolidate.unreadable", { count: result.unreadable.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {result.unreadable.map((u, i) => (
                <li key={`${i}-${u.fileName}`} data-file={u.fileName}>
                  <Text className={styles.file}>{u.fileName}</Text> — {u.message[lang]}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
