/** Validation issues grouped by sheet; a click (or Enter) on one selects its cell. Follows edits live. */
import { Badge, Button, Caption1, makeStyles, Spinner, Text, Title3, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ValidationIssue } from "../../excel/types";
import { groupIssuesBySheet } from "../issueGroups";
import { useLiveWorkbook } from "../liveWorkbook";
import { useLang } from "../useLang";
import { useWorkbookApi } from "../workbookApiContext";
import { WorkbookError } from "./WorkbookError";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    alignItems: "flex-start",
    fontWeight: tokens.fontWeightRegular,
    paddingBlock: tokens.spacingVerticalS,
  },
  itemBody: { display: "flex", flexDirection: "column", rowGap: "2px" },
  meta: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function IssuesView() {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const api = useWorkbookApi();
  const { status, live, loading, error } = useLiveWorkbook();
  const [selectError, setSelectError] = useState<unknown>(null);
  const issues = useMemo(() => live?.issues ?? [], [live]);
  const groups = useMemo(() => groupIssuesBySheet(issues), [issues]);

  if (loading && !live) return <Spinner label={t("app.loading")} />;
  if (status && !status.hasLiat) return <Text as="p">{t("issues.noWorkbook")}</Text>;

  const select = (issue: ValidationIssue) => {
    setSelectError(null);
    api.selectIssue(issue).catch((err: unknown) => setSelectError(err));
  };

  return (
    <section className={styles.root} aria-labelledby="liat-issues-heading">
      <Title3 as="h2" id="liat-issues-heading" className={styles.h2}>
        {t("issues.heading")}
      </Title3>
      {error ? <WorkbookError error={error} live /> : null}
      {selectError ? <WorkbookError error={selectError} /> : null}
      <Text as="p" data-testid="issues-total">
        {issues.length === 0 ? t("issues.none") : t("issues.total", { count: issues.length })}
      </Text>
      {groups.map((group) => (
        <section key={group.sheet} aria-label={t("issues.sheet", { sheet: group.sheet })} data-testid="issue-group">
          <h3 className={styles.h3}>{t("issues.sheet", { sheet: group.sheet })}</h3>
          <ul className={styles.list}>
            {group.issues.map((issue) => (
              <li key={issue.id}>
                <Button
                  appearance="subtle"
                  className={styles.item}
                  data-issue-id={issue.id}
                  onClick={() => select(issue)}
                  title={t("issues.select", { sheet: issue.sheet, address: issue.address })}
                >
                  <span className={styles.itemBody}>
                    <span className={styles.meta}>
                      <Badge size="small" appearance="tint" color={issue.severity === "error" ? "danger" : "warning"}>
                        {issue.severity === "error" ? t("issues.error") : t("issues.warning")}
                      </Badge>
                      <Caption1>{t("issues.cell", { address: issue.address })}</Caption1>
                    </span>
                    <span>{issue.message[lang]}</span>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
