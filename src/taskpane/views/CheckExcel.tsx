/**
 * Setup > "Check this Excel": runs the self-test (src/excel/selfTest.ts) in a blank workbook and shows a pass/fail
 * report with Excel's version, platform and requirement sets, ready to copy into an email. In a workbook that already
 * holds LIAT sheets it asks for a new blank workbook instead (and offers to open one).
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SELF_TEST_STEPS, selfTestReportText, type SelfTestReport, type SelfTestStepId } from "../../excel/selfTest";
import { useLang } from "../useLang";
import { useWorkbookApi } from "../workbookApiContext";
import { WorkbookError } from "./WorkbookError";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300 },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type State =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "notBlank" }
  | { kind: "done"; report: SelfTestReport }
  | { kind: "error"; error: unknown };

export function CheckExcel() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useWorkbookApi();
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [copied, setCopied] = useState<"copied" | "copyFailed" | null>(null);
  const reportRef = useRef<HTMLTextAreaElement>(null);

  const labels = Object.fromEntries(SELF_TEST_STEPS.map((id) => [id, t(`setup.check.steps.${id}`)])) as Record<
    SelfTestStepId,
    string
  >;
  const text = state.kind === "done" ? selfTestReportText(state.report, labels) : "";

  const run = async () => {
    setCopied(null);
    setState({ kind: "running" });
    try {
      if (!(await api.canCheckExcel())) {
        setState({ kind: "notBlank" });
        return;
      }
      setState({ kind: "done", report: await api.checkExcel(lang) });
    } catch (error) {
      setState({ kind: "error", error });
    }
  };

  const openNew = async () => {
    try {
      await api.openBlankWorkbook();
    } catch (error) {
      setState({ kind: "error", error });
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      // the clipboard API can be refused inside Office's frame: select the text and copy it the older way
      const area = reportRef.current;
      area?.select();
      const done = typeof document.execCommand === "function" && document.execCommand("copy");
      setCopied(done ? "copied" : "copyFailed");
    }
  };

  return (
    <section className={styles.root} aria-labelledby="liat-check-heading" aria-busy={state.kind === "running"}>
      <Text as="h3" weight="semibold" id="liat-check-heading" className={styles.h3}>
        {t("setup.check.heading")}
      </Text>
      <Text size={200}>{t("setup.check.intro")}</Text>
      <Button disabled={state.kind === "running"} onClick={() => void run()}>
        {t("setup.check.run")}
      </Button>
      <div aria-live="polite">
        {state.kind === "running" ? <Spinner size="small" label={t("setup.check.running")} /> : null}
        {state.kind === "notBlank" ? (
          <MessageBar intent="info" layout="multiline" data-testid="check-not-blank">
            <MessageBarBody>{t("setup.check.notBlank")}</MessageBarBody>
          </MessageBar>
        ) : null}
        {state.kind === "error" ? <WorkbookError error={state.error} /> : null}
        {state.kind === "done" ? (
          <MessageBar intent={state.report.ok ? "success" : "error"} layout="multiline" data-testid="check-outcome">
            <MessageBarBody>{t(state.report.ok ? "setup.check.pass" : "setup.check.fail")}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {state.kind === "notBlank" ? <Button onClick={() => void openNew()}>{t("setup.check.openNew")}</Button> : null}
      {state.kind === "done" ? (
        <>
          <Textarea
            ref={reportRef}
            aria-label={t("setup.check.report")}
            readOnly
            resize="vertical"
            rows={12}
            value={text}
            textarea={{ className: styles.report }}
            data-testid="check-report"
          />
          <Button appearance="primary" onClick={() => void copy()}>
            {t("setup.check.copy")}
          </Button>
          {copied ? (
            <Text size={200} role="status">
              {t(`setup.check.${copied}`)}
            </Text>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
