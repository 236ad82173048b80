/**
 * First run (a workbook without LIAT sheets): what LIAT is, what inserting does, the three steps, a link to the help;
 * focus lands on the main action, which inserts every domain in the interface language (Setup offers the choices).
 */
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DOMAINS } from "../../core/domains";
import { useLiveWorkbook } from "../liveWorkbook";
import { useLang } from "../useLang";
import { useWorkbookApi } from "../workbookApiContext";
import { WorkbookError } from "./WorkbookError";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Address of the help page, next to the task pane page. */
export const HELP_PAGE = "help.html";

export function FirstRun({ onGoToSetup }: { onGoToSetup?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const api = useWorkbookApi();
  const { error, refresh } = useLiveWorkbook();
  const main = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => main.current?.focus(), []);

  const insert = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.insert({ lang, city: "", period: "", domains: DOMAINS.map((d) => d.id) });
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  return (
    <section className={styles.root} aria-labelledby="liat-welcome-heading" aria-busy={busy} data-testid="first-run">
      <Title3 as="h2" id="liat-welcome-heading" className={styles.h2}>
        {t("firstRun.heading")}
      </Title3>
      {error ? <WorkbookError error={error} /> : null}
      <Text as="p">{t("firstRun.what")}</Text>
      <Text as="p">{t("firstRun.inserting")}</Text>
      <ol className={styles.steps} aria-label={t("firstRun.stepsLabel")}>
        <li>{t("firstRun.step1")}</li>
        <li>{t("firstRun.step2")}</li>
        <li>{t("firstRun.step3")}</li>
      </ol>
      <div className={styles.actions}>
        <Button appearance="primary" ref={main} disabled={busy} onClick={() => void insert()}>
          {t("setup.insert")}
        </Button>
        {onGoToSetup ? (
          <Button disabled={busy} onClick={onGoToSetup}>
            {t("firstRun.choose")}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">
        {busy ? <Spinner size="small" label={t("setup.working")} /> : null}
        {failure ? <WorkbookError error={failure} title={t("setup.errorTitle")} /> : null}
      </div>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          {t("firstRun.noAddin")}{" "}
          <Link href={`${HELP_PAGE}#${lang}`} target="_blank" rel="noopener">
            {t("firstRun.help")}
          </Link>
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
