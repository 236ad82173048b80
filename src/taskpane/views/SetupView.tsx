/**
 * Setup: workbook language, city, reporting period, which domains; insert the sheets, insert the
 * missing domains, upgrade an older workbook, save the settings. Shows a spinner while working and
 * a MessageBar with the outcome (a protected workbook or a failure says so plainly).
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DomainId } from "../../core/catalogueTypes";
import { DOMAINS } from "../../core/domains";
import { isLang, LANGUAGES, type Lang } from "../../core/language";
import { COVER_SHEET } from "../../core/layout";
import type { InsertResult, WorkbookStatus } from "../../excel/types";
import { useLiveWorkbook } from "../liveWorkbook";
import { useLang } from "../useLang";
import { useWorkbookApi } from "../workbookApiContext";
import { CheckExcel } from "./CheckExcel";
import { WorkbookError } from "./WorkbookError";

const ALL_DOMAINS: DomainId[] = DOMAINS.map((d) => d.id);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400 },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "stretch" },
  contents: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  facts: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(0, auto) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    "& dt": { fontWeight: tokens.fontWeightSemibold },
    "& dd": { margin: 0, overflowWrap: "break-word" },
  },
});

type Outcome = { kind: "inserted"; result: InsertResult } | { kind: "saved" } | { kind: "error"; error: unknown };

export function SetupView() {
  const { t } = useTranslation();
  const uiLang = useLang();
  const styles = useStyles();
  const api = useWorkbookApi();
  const { status, refresh } = useLiveWorkbook();
  const legendId = useId();

  // a workbook without LIAT sheets has no settings yet: the workbook language starts as the interface's
  const settings = status?.hasLiat ? status.settings : null;
  const [lang, setLang] = useState<Lang>(settings?.lang ?? uiLang);
  const [city, setCity] = useState(settings?.city ?? "");
  const [period, setPeriod] = useState(settings?.period ?? "");
  const [domains, setDomains] = useState<DomainId[]>(ALL_DOMAINS);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // When the workbook's settings become known (or change after an operation), show them.
  useEffect(() => {
    if (!settings) return;
    setLang(settings.lang);
    setCity(settings.city);
    setPeriod(settings.period);
  }, [settings?.lang, settings?.city, settings?.period]); // eslint-disable-line react-hooks/exhaustive-deps -- the form follows the saved values, not each new settings object

  const run = async (operation: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await operation());
    } catch (error) {
      setOutcome({ kind: "error", error });
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  // a LIAT workbook keeps its language: missing domains and upgrades are written in it, never in another
  const insert = (only: DomainId[]) =>
    run(async () => ({
      kind: "inserted",
      result: await api.insert({ lang: settings?.lang ?? lang, city, period, domains: only }),
    }));
  const save = () =>
    run(async () => {
      await api.saveSettings({ city, period });
      return { kind: "saved" };
    });

  const missing = status?.missingDomains ?? [];
  const hasLiat = status?.hasLiat ?? false;
  const allChecked = domains.length === ALL_DOMAINS.length;
  const toggle = (id: DomainId, checked: boolean) =>
    setDomains((current) => ALL_DOMAINS.filter((d) => (d === id ? checked : current.includes(d))));

  return (
    <section className={styles.root} aria-labelledby="liat-setup-heading" aria-busy={busy}>
      <Title3 as="h2" id="liat-setup-heading" className={styles.h2}>
        {t("setup.heading")}
      </Title3>
      {hasLiat && status ? <WorkbookContents status={status} /> : null}
      {status?.upgradable ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("setup.upgradeHint", { from: status.schemaVersion ?? "?" })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {hasLiat && settings ? (
        <Field
          label={t("setup.workbookLanguage")}
          hint={t("setup.languageFixed", { language: t("language:name", { lng: settings.lang }) })}
        >
          <Text data-testid="workbook-language">{t("language:name", { lng: settings.lang })}</Text>
        </Field>
      ) : (
        <Field label={t("setup.workbookLanguage")} hint={t("setup.workbookLanguageHint")}>
          <Select value={lang} onChange={(_, data) => isLang(data.value) && setLang(data.value)} disabled={busy}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t("language:name", { lng: l })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t("setup.city")}>
        <Input value={city} onChange={(_, data) => setCity(data.value)} disabled={busy} maxLength={255} />
      </Field>
      <Field label={t("setup.period")}>
        <Input
          value={period}
          onChange={(_, data) => setPeriod(data.value)}
          disabled={busy}
          placeholder={t("setup.periodPlaceholder")}
          maxLength={255}
        />
      </Field>
      {hasLiat ? null : (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend} id={legendId}>
            {t("setup.domains")}
          </legend>
          <Checkbox
            label={t("setup.domainsAll")}
            checked={allChecked ? true : domains.length === 0 ? false : "mixed"}
            onChange={(_, data) => setDomains(data.checked === true ? ALL_DOMAINS : [])}
            disabled={busy}
          />
          {DOMAINS.map((d) => (
            <Checkbox
              key={d.id}
              label={`${d.id}. ${t(`domain.${d.id}.name`)}`}
              checked={domains.includes(d.id)}
              onChange={(_, data) => toggle(d.id, data.checked === true)}
              disabled={busy}
            />
          ))}
        </fieldset>
      )}
      <div className={styles.actions}>
        {hasLiat ? (
          <>
            <Button appearance="primary" disabled={busy} onClick={save}>
              {t("setup.save")}
            </Button>
            {missing.length > 0 ? (
              <Button disabled={busy} onClick={() => insert(missing)}>
                {t("setup.insertMissing", { count: missing.length })}
              </Button>
            ) : null}
            {status?.upgradable ? (
              <Button disabled={busy} onClick={() => insert(status.presentDomains)}>
                {t("setup.upgrade")}
              </Button>
            ) : null}
          </>
        ) : (
          <>
            <Button appearance="primary" disabled={busy || domains.length === 0} onClick={() => insert(domains)}>
              {t("setup.insert")}
            </Button>
            {domains.length === 0 ? <Text size={200}>{t("setup.noDomain")}</Text> : null}
          </>
        )}
      </div>
      <div aria-live="polite">
        {busy ? <Spinner size="small" label={t("setup.working")} /> : null}
        {outcome ? <OutcomeMessage outcome={outcome} /> : null}
      </div>
      <CheckExcel />
    </section>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.kind === "error") return <WorkbookError error={outcome.error} title={t("setup.errorTitle")} />;
  const lines: string[] = [];
  if (outcome.kind === "saved") lines.push(t("setup.saved"));
  else {
    const { created, kept, upgradedFrom } = outcome.result;
    // the sheets people see: the hidden helper sheets (lists, names starting "LIAT_") are not counted
    const shown = created.filter((name) => !name.startsWith(`${COVER_SHEET}_`));
    const domainSheets = shown.filter((name) => name !== COVER_SHEET).length;
    if (upgradedFrom !== undefined) lines.push(t("setup.upgraded", { from: upgradedFrom }));
    if (shown.length === 0) lines.push(t("setup.insertedNone"));
    else if (shown.includes(COVER_SHEET)) lines.push(t("setup.insertedWithCover", { count: domainSheets }));
    else lines.push(t("setup.inserted", { count: domainSheets }));
    if (kept.length > 0) lines.push(t("setup.kept", { sheets: kept.join(", ") }));
  }
  return (
    <MessageBar intent="success" layout="multiline" data-testid="setup-outcome">
      <MessageBarBody>
        <MessageBarTitle>{t("setup.successTitle")}</MessageBarTitle>
        {lines.join(" ")}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What a LIAT workbook holds, in plain words: language, city, period, the domains present and missing. */
function WorkbookContents({ status }: { status: WorkbookStatus }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { settings } = status;
  const none = t("setup.notSet");
  const names = (ids: DomainId[]) => ids.map((id) => `${id}. ${t(`domain.${id}.short`)}`).join(", ");
  return (
    <div className={styles.contents} data-testid="workbook-contents">
      <Text as="p" weight="semibold">
        {t("setup.holds")}
      </Text>
      <dl className={styles.facts}>
        <dt>{t("setup.workbookLanguage")}</dt>
        <dd>{t("language:name", { lng: settings.lang })}</dd>
        <dt>{t("setup.city")}</dt>
        <dd>{settings.city || none}</dd>
        <dt>{t("setup.period")}</dt>
        <dd>{settings.period || none}</dd>
        <dt>{t("setup.domainsPresent")}</dt>
        <dd data-testid="domains-present">
          {t("setup.presentCount", { count: status.presentDomains.length, total: ALL_DOMAINS.length })}
          {status.presentDomains.length > 0 ? ` (${names(status.presentDomains)})` : ""}
        </dd>
        {status.missingDomains.length > 0 ? (
          <>
            <dt>{t("setup.domainsMissing")}</dt>
            <dd data-testid="domains-missing">{names(status.missingDomains)}</dd>
          </>
        ) : null}
      </dl>
      <Text as="p" size={200}>
        {status.missingDomains.length > 0 || status.upgradable ? t("setup.canStill") : t("setup.complete")}
      </Text>
    </div>
  );
}
