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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { byCity } from "../../core/cityPeriods";
import { CONSOLIDATION_TEXT, type ConsolidationResult } from "../../core/consolidate";
import { DOMAIN_IDS } from "../../core/layout";
import { formatScore } from "../../core/scoreDisplay";
import type { ConsolidationWriteResult } from "../../excel/consolidation";
import { useLang } from "../useLang";
import { visuallyHidden } from "../visuallyHidden";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // In a narrow pane (Office's is 320-350 px) each workbook is a block: its file name on a line of its own (broken at
  // its hyphens and dots before anywhere else), then city, period, rows and issues, each with its column's name.
  // The table's roles stay (role="table", "row", "cell"), so it still reads as a table.
  table: {
    "@media (max-width: 480px)": {
      "& .fui-TableHeader": visuallyHidden,
      "& .fui-TableRow": {
        display: "flex",
        flexWrap: "wrap",
        columnGap: tokens.spacingHorizontalM,
        paddingBlock: tokens.spacingVerticalXS,
        alignItems: "baseline",
      },
      "& .fui-TableCell": { flexGrow: 0, flexShrink: 1, flexBasis: "auto", minWidth: 0, paddingInline: 0 },
      "& .fui-TableCell[data-label]::before": {
        content: "attr(data-label)",
        marginInlineEnd: tokens.spacingHorizontalXS,
        color: tokens.colorNeutralForeground3,
      },
    },
  },
  file: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
    "@media (max-width: 480px)": { flexBasis: "100% !important" },
  },
  cell: { overflowWrap: "break-word" },
});

/** Cells not merged listed in the pane (all of them are on the sheet). */
const NOT_MERGED_SHOWN = 20;

export interface ConsolidationOutcomeProps {
  result: ConsolidationResult;
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
                  rows: result.rows.length,
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
          <Table
            noNativeElements
            size="small"
            className={styles.table}
            aria-labelledby="liat-consolidate-sources"
            data-testid="consolidate-sources"
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("consolidate.file")}</TableHeaderCell>
                <TableHeaderCell>{t("consolidate.city")}</TableHeaderCell>
                <TableHeaderCell>{t("consolidate.period")}</TableHeaderCell>
                <TableHeaderCell>{t("consolidate.rows")}</TableHeaderCell>
                <TableHeaderCell>{t("consolidate.issues")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.sources.map((s) => (
                <TableRow key={s.source.key} data-file={s.source.fileName}>
                  <TableCell className={styles.file}>{s.source.fileName}</TableCell>
                  <TableCell className={styles.cell} data-label={t("consolidate.city")}>
                    {s.source.city || none}
                  </TableCell>
                  <TableCell className={styles.cell} data-label={t("consolidate.period")}>
                    {s.source.period || none}
                  </TableCell>
                  <TableCell className={styles.cell} data-label={t("consolidate.rows")}>
                    {s.rows}
                  </TableCell>
                  <TableCell className={styles.cell} data-label={t("consolidate.issues")}>
                    {t("consolidate.issuesValue", {
                      errors: t("consolidate.errors", { count: s.errors }),
                      warnings: t("consolidate.warnings", { count: s.warnings }),
                    })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
      {cities.some((c) => c.periods.length > 1) ? (
        <section aria-labelledby="liat-consolidate-cities" data-testid="consolidate-cities">
          <h3 id="liat-consolidate-cities" className={styles.h3}>
            {t("consolidate.byCityHeading")}
          </h3>
          <Text size={200}>{t("consolidate.byCityIntro")}</Text>
          <Table noNativeElements size="small" className={styles.table} aria-labelledby="liat-consolidate-cities">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("consolidate.city")}</TableHeaderCell>
                <TableHeaderCell>{t("consolidate.period")}</TableHeaderCell>
                <TableHeaderCell>{t("consolidate.overall")}</TableHeaderCell>
                <TableHeaderCell>{t("consolidate.domains")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {cities.flatMap((c, ci) =>
                c.periods.map((p, pi) => (
                  <TableRow key={`${ci}-${pi}`} data-city={c.city} data-period={p.period}>
                    <TableCell className={styles.file}>{c.city || none}</TableCell>
                    <TableCell className={styles.cell} data-label={t("consolidate.period")}>
                      {p.period || none}
                    </TableCell>
                    <TableCell className={styles.cell} data-label={t("consolidate.overall")} data-testid="city-overall">
                      {score(p.overall)}
                      {signed(p.overallChange)}
                    </TableCell>
                    <TableCell className={styles.cell} data-label={t("consolidate.domains")}>
                      {DOMAIN_IDS.map((d, i) => `${d}: ${score(p.domains[i]!)}${signed(p.domainChanges[i]!)}`).join(
                        " · ",
                      )}
                    </TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
        </section>
      ) : null}
      {result.notMerged.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="consolidate-not-merged">
          <MessageBarBody>
            <MessageBarTitle>
              {t("consolidate.notMerged", {
                count: result.notMerged.length,
                sheet: written?.sheets.notMerged ?? CONSOLIDATION_TEXT.notMergedSheet[lang],
              })}
            </MessageBarTitle>
            <ul className={styles.list}>
              {result.notMerged.slice(0, NOT_MERGED_SHOWN).map((n, i) => (
                <li key={`${i}-${n.fileName}-${n.sheet}-${n.cell}`} data-file={n.fileName}>
                  <Text className={styles.file}>{n.fileName}</Text> — {n.sheet}!{n.cell} — {n.reason[lang]}
                </li>
              ))}
              {result.notMerged.length > NOT_MERGED_SHOWN ? <li>…</li> : null}
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
