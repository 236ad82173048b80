/**
 * Consolidation (loaded on demand by ConsolidateView.tsx): pick the .xlsx workbooks received back, read and check each in the pane (ExcelJS, loaded
 * on demand), and write the consolidation sheets into the open workbook. Shows "file i of n" while
 * reading, then the workbooks merged (city, period, rows, issues), the files not merged with the
 * reason in the interface language, and a button to the consolidation sheet.
 */
import { Button, Field, makeStyles, ProgressBar, Text, Title3, tokens } from "@fluentui/react-components";
import { useRef, useState, type ChangeEvent } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import type { ConsolidationReport } from "../../core/consolidate";
import type { ConsolidationWriteResult } from "../../excel/consolidation";
import { useLiveWorkbook } from "../liveWorkbook";
import { useLang } from "../useLang";
import { WorkbookError } from "../views/WorkbookError";
import { useWorkbookApi } from "../workbookApiContext";
import { readAndConsolidate, type ChosenFile, type ReadProgress } from "./readFiles";
import { ConsolidationOutcome } from "./ConsolidationOutcome";

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  input: { display: "none" },
});

type Phase =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "reading"; progress: ReadProgress }
  | { kind: "writing"; result: ConsolidationReport }
  | { kind: "done"; result: ConsolidationReport; written: ConsolidationWriteResult }
  | { kind: "error"; error: unknown; result?: ConsolidationReport };

export default function ConsolidatePanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const api = useWorkbookApi();
  const { refresh } = useLiveWorkbook();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "loading" || phase.kind === "reading" || phase.kind === "writing";

  const consolidate = async (files: ChosenFile[]) => {
    if (files.length === 0) return;
    setPhase({ kind: "loading" });
    let result: ConsolidationReport | undefined;
    try {
      // refused at once (a sheet of that name that is not a consolidation) before any file is read
      const output = await api.openConsolidation(lang);
      try {
        // flushSync: each "file i of n" reaches the page before the file is read, so that it is painted
        // even when a file fails at once (React would otherwise batch it with the next update).
        // Each file's rows go into the workbook as they come: the pane keeps none of them.
        result = await readAndConsolidate(
          files,
          lang,
          (progress) => flushSync(() => setPhase({ kind: "reading", progress })),
          (rows) => output.add(rows),
        );
        setPhase({ kind: "writing", result });
        const written = await output.finish(result);
        setPhase({ kind: "done", result, written });
      } catch (error) {
        // the rows written so far are taken out again; if that fails too, its error is the one shown
        await output.abandon(error);
      }
    } catch (error) {
      setPhase({ kind: "error", error, ...(result ? { result } : {}) });
    } finally {
      await refresh();
    }
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // cleared so that choosing the same files again is a new choice
    event.target.value = "";
    void consolidate(files);
  };

  return (
    <section
      className={styles.root}
      aria-labelledby="liat-consolidate-heading"
      aria-busy={busy}
      data-testid="consolidate-view"
    >
      <Title3 as="h2" id="liat-consolidate-heading" className={styles.h2}>
        {t("consolidate.heading")}
      </Title3>
      <Text as="p">{t("consolidate.intro")}</Text>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept={XLSX_TYPES}
        aria-label={t("consolidate.filesLabel")}
        tabIndex={-1}
        onChange={onChange}
        data-testid="consolidate-files"
      />
      <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
        {t("consolidate.choose")}
      </Button>
      <div aria-live="polite">
        {busy ? <Progress phase={phase} /> : null}
        {phase.kind === "error" ? <WorkbookError error={phase.error} title={t("consolidate.errorTitle")} /> : null}
      </div>
      {phase.kind === "done" ? (
        <ConsolidationOutcome
          result={phase.result}
          written={phase.written}
          onOpen={(sheet) => void api.openSheet(sheet)}
        />
      ) : null}
      {phase.kind === "error" && phase.result ? <ConsolidationOutcome result={phase.result} /> : null}
      <Text as="p" size={200}>
        {t("consolidate.sendAsIs")}
      </Text>
    </section>
  );
}

function Progress({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const label =
    phase.kind === "reading"
      ? t("consolidate.reading", {
          index: phase.progress.index,
          total: phase.progress.total,
          name: phase.progress.fileName,
        })
      : phase.kind === "writing"
        ? t("consolidate.writing")
        : t("consolidate.loadingReader");
  const value = phase.kind === "reading" ? (phase.progress.index - 1) / phase.progress.total : undefined;
  return (
    <Field label={label} data-testid="consolidate-progress">
      <ProgressBar value={value} max={1} thickness="large" />
    </Field>
  );
}
