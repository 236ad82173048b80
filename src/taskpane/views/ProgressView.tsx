/**
 * Progress: close the reporting period (recorded in the workbook's history table, next period
 * started), and compare the current statuses with a recorded period or with last period's file:
 * per domain and overall, the two scores, coverage and the change; the objectives that went up,
 * went down, became assessed or stopped being assessed; a chart of the change per domain.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { compareStatuses, type Comparison, type ComparedStatus, type ObjectiveMove } from "../../core/compare";
import { checkWorkbook, unreadableMessage } from "../../core/consolidate";
import { serialToIsoDate } from "../../core/dates";
import { nextPeriodLabel } from "../../core/history";
import type { StatusEntry } from "../../core/summary";
import type { PeriodsRead } from "../../excel/periods";
import { fileBytes, loadReader } from "../consolidate/readFiles";
import { formatPercent, formatScore } from "../format";
import { useLiveWorkbook } from "../liveWorkbook";
import { useLang } from "../useLang";
import { useWorkbookApi } from "../workbookApiContext";
import { ChangeChart } from "./ChangeChart";
import { WorkbookError } from "./WorkbookError";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300 },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: "right", whiteSpace: "nowrap" },
  name: { padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: "left" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground2 },
});

type Baseline = { label: string; entries: StatusEntry[] };

export function ProgressView() {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const api = useWorkbookApi();
  const [data, setData] = useState<PeriodsRead | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [next, setNext] = useState("");
  const [clear, setClear] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [closeError, setCloseError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<{ label: string; closedOn: number | null } | null>(null);
  const [source, setSource] = useState<"history" | "file">("history");
  /** The recorded period the user picked; by default the last one closed. */
  const [picked, setPicked] = useState<number | null>(null);
  const [fileBaseline, setFileBaseline] = useState<Baseline | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const read = await api.readPeriods();
      setData(read);
      setNext((n) => n || nextPeriodLabel(read.period));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [api]);
  // Read again after every change the live validation reports (statuses edited, sheets inserted).
  const { live, refresh } = useLiveWorkbook();
  useEffect(() => void load(), [load, live]);

  const close = async (replace: boolean) => {
    setBusy(true);
    setDone(null);
    setCloseError(null);
    try {
      const r = await api.closePeriod({ nextLabel: next, clearStatuses: clear, replace });
      if (!r.closed) setConfirm(r.needsConfirmation);
      else {
        setConfirm(null);
        setDone(t("progress.closed", { label: r.label, count: r.recorded, next: next.trim() }));
        setNext("");
        await refresh();
        await load();
        setNext((n) => n || nextPeriodLabel(next.trim()));
      }
    } catch (e) {
      setCloseError(e);
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    setFileError(null);
    setFileBaseline(null);
    if (!file) return;
    const { readXlsxBytes } = await loadReader();
    const read = await readXlsxBytes(await fileBytes(file), file.name);
    const checked = read.ok ? checkWorkbook(read.workbook) : null;
    if (checked === null) {
      const reason = unreadableMessage(read.ok ? "noLiatTable" : read.reason)[lang];
      setFileError(t("progress.fileUnreadable", { file: file.name, reason }));
      return;
    }
    setFileBaseline({
      label: checked.settings.period || file.name,
      entries: checked.rows.filter((r) => r.counted).map((r) => ({ code: r.code, status: r.values.status })),
    });
  };

  const baseline: Baseline | null = useMemo(() => {
    if (source === "file") return fileBaseline;
    const p = data?.periods.find((x) => x.seq === picked) ?? data?.periods.at(-1);
    return p ? { label: p.label, entries: p.entries } : null;
  }, [source, fileBaseline, data, picked]);
  const comparison: Comparison | null = useMemo(
    () => (baseline && data ? compareStatuses(baseline.entries, data.current) : null),
    [baseline, data],
  );

  if (error) return <WorkbookError error={error} />;
  if (!data) return <Spinner label={t("app.loading")} />;

  const score = (v: number | null) => (v === null ? t("progress.notAssessed") : formatScore(v, lang));
  const signed = (v: number | null) =>
    v === null ? t("progress.notAssessed") : `${v > 0 ? "+" : v < 0 ? "−" : ""}${formatScore(Math.abs(v), lang)}`;
  const pct = (v: number | null) => (v === null ? t("progress.notAssessed") : formatPercent(v, lang));
  const statusText = (s: ComparedStatus) =>
    s === null ? t("progress.blank") : s === "na" ? t("status.na") : t(`status.${s}`);
  const moves = (key: "up" | "down" | "became" | "stopped", list: ObjectiveMove[]) => (
    <div key={key} data-testid={`moves-${key}`}>
      <Text weight="semibold">{t(`progress.${key}`, { count: list.length })}</Text>
      {list.length > 0 ? (
        <ul className={styles.list}>
          {list.map((m) => (
            <li key={m.code}>{t("progress.move", { code: m.code, old: statusText(m.old), new: statusText(m.new) })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="progress-close">
        <h2 id="progress-close" className={styles.h2}>
          {t("progress.closeHeading")}
        </h2>
        <Text>{data.period ? t("progress.currentPeriod", { period: data.period }) : t("progress.noPeriod")}</Text>
        <Field label={t("progress.nextLabel")}>
          <Input value={next} onChange={(_, d) => setNext(d.value)} data-testid="next-period" />
        </Field>
        <Field label={t("progress.statusesChoice")}>
          <RadioGroup value={clear ? "clear" : "keep"} onChange={(_, d) => setClear(d.value === "clear")}>
            <Radio value="keep" label={t("progress.keep")} />
            <Radio value="clear" label={t("progress.clear")} />
          </RadioGroup>
        </Field>
        <div>
          <Button
            appearance="primary"
            disabled={busy || !data.hasLiat || data.period.trim() === "" || next.trim() === ""}
            onClick={() => void close(false)}
          >
            {busy ? t("progress.closing") : t("progress.close")}
          </Button>
        </div>
        {confirm ? (
          <MessageBar intent="warning" layout="multiline" data-testid="confirm-replace">
            <MessageBarBody>
              {t("progress.alreadyClosed", {
                label: confirm.label,
                date: confirm.closedOn === null ? "?" : serialToIsoDate(confirm.closedOn),
              })}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void close(true)} disabled={busy}>
                {t("progress.replace")}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setConfirm(null)}>
                {t("progress.cancel")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {closeError ? <WorkbookError error={closeError} /> : null}
        {done ? (
          <MessageBar intent="success" layout="multiline" data-testid="period-closed">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Caption1 className={styles.note}>{t("progress.trendNote")}</Caption1>
      </section>

      <section className={styles.section} aria-labelledby="progress-compare">
        <h2 id="progress-compare" className={styles.h2}>
          {t("progress.compareHeading")}
        </h2>
        <Field label={t("progress.source")}>
          <RadioGroup value={source} onChange={(_, d) => setSource(d.value as "history" | "file")} layout="horizontal">
            <Radio value="history" label={t("progress.fromHistory")} />
            <Radio value="file" label={t("progress.fromFile")} />
          </RadioGroup>
        </Field>
        {source === "history" ? (
          data.periods.length === 0 ? (
            <Text>{t("progress.noHistory")}</Text>
          ) : (
            <Field label={t("progress.period")}>
              <Select
                value={String(data.periods.find((p) => p.seq === picked)?.seq ?? data.periods.at(-1)!.seq)}
                onChange={(_, d) => setPicked(Number(d.value))}
                data-testid="baseline-period"
              >
                {data.periods.map((p) => (
                  <option key={p.seq} value={p.seq}>
                    {p.label}
                  </option>
                ))}
              </Select>
            </Field>
          )
        ) : (
          <Field label={t("progress.chooseFile")} validationMessage={fileError ?? undefined}>
            <input
              type="file"
              accept=".xlsx"
              data-testid="baseline-file"
              onChange={(e) => void chooseFile(e.target.files?.[0])}
            />
          </Field>
        )}
        {comparison && baseline ? (
          <>
            <h3 className={styles.h3}>
              {t("progress.comparing", { old: baseline.label, new: data.period || t("progress.now") })}
            </h3>
            <table className={styles.table} data-testid="progress-table">
              <thead>
                <tr>
                  <th className={styles.name}>{t("progress.domain")}</th>
                  <th className={styles.cell}>{t("progress.before")}</th>
                  <th className={styles.cell}>{t("progress.after")}</th>
                  <th className={styles.cell}>{t("progress.change")}</th>
                  <th className={styles.cell}>{t("progress.coverage")}</th>
                </tr>
              </thead>
              <tbody>
                {[
                  ...comparison.domains.map((d) => ({
                    key: String(d.domain),
                    name: `${d.domain} ${t(`domain.${d.domain}.short`)}`,
                    g: d,
                  })),
                  { key: "overall", name: t("progress.overall"), g: comparison.overall },
                ].map(({ key, name, g }) => (
                  <tr key={key} data-key={key}>
                    <th scope="row" className={styles.name}>
                      {name}
                    </th>
                    <td className={styles.cell}>{score(g.old.score)}</td>
                    <td className={styles.cell}>{score(g.new.score)}</td>
                    <td className={styles.cell}>{signed(g.change)}</td>
                    <td className={styles.cell}>
                      {pct(g.old.coverage)} → {pct(g.new.coverage)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ChangeChart
              title={t("progress.chartTitle")}
              culture={lang}
              rows={comparison.domains.map((d) => ({
                key: String(d.domain),
                label: `${d.domain} ${t(`domain.${d.domain}.short`)}`,
                change: d.change,
              }))}
            />
            {moves("up", comparison.up)}
            {moves("down", comparison.down)}
            {moves("became", comparison.becameAssessed)}
            {moves("stopped", comparison.stoppedAssessed)}
          </>
        ) : null}
      </section>
    </div>
  );
}
