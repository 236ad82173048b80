/**
 * The task pane: a header with the interface language, a TabList of views (summary, issues, setup,
 * consolidation, progress), inside Fluent UI's provider with the Office theme, i18next and the workbook API.
 */
import {
  FluentProvider,
  makeStyles,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  type Theme,
} from "@fluentui/react-components";
import type { i18n as I18n } from "i18next";
import { lazy, Suspense, useEffect, useId, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { directionOf, isLang, LANGUAGES, type Lang } from "../core/language";
import { LiveAnnouncer } from "./LiveAnnouncer";
import { LiveWorkbookProvider, useLiveWorkbook } from "./liveWorkbook";
import { changePaneLanguage } from "./i18n/paneTexts";
import { saveUiLanguage } from "./i18n/uiLanguage";
import { useLang } from "./useLang";
import { useOfficeTheme } from "./useOfficeTheme";
import { visuallyHidden } from "./visuallyHidden";
// Only the summary is needed for the first render: the other views load on demand (smaller initial JavaScript).
const IssuesView = lazy(() => import("./views/IssuesView").then((m) => ({ default: m.IssuesView })));
const SetupView = lazy(() => import("./views/SetupView").then((m) => ({ default: m.SetupView })));
const ProgressView = lazy(() => import("./views/ProgressView").then((m) => ({ default: m.ProgressView })));
import { ConsolidateView } from "./consolidate/ConsolidateView";
import { SummaryView } from "./views/SummaryView";
import type { WorkbookApi } from "./workbookApi";
import { WorkbookApiContext } from "./workbookApiContext";

export const VIEWS = ["summary", "issues", "setup", "consolidate", "progress"] as const;
export type ViewId = (typeof VIEWS)[number];

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  langLabel: visuallyHidden,
  tabs: { backgroundColor: tokens.colorNeutralBackground1, paddingInline: tokens.spacingHorizontalXS },
  // at 320 px the tabs wrap to a second line instead of being cut off
  tabList: { flexWrap: "wrap" },
  panel: { padding: tokens.spacingHorizontalM, flexGrow: 1 },
});

export interface AppProps {
  api: WorkbookApi;
  i18n: I18n;
  /** A fixed theme (tests, screenshots); by default the Office theme, followed while the pane is open. */
  theme?: Theme;
  initialView?: ViewId;
}

export function App({ api, i18n, theme, initialView = "summary" }: AppProps) {
  const officeTheme = useOfficeTheme();
  const shown = theme ?? officeTheme;
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={shown} data-theme={shown === webDarkTheme ? "dark" : "light"}>
        <WorkbookApiContext.Provider value={api}>
          <LiveWorkbookProvider>
            <Shell initialView={initialView} />
          </LiveWorkbookProvider>
        </WorkbookApiContext.Provider>
      </FluentProvider>
    </I18nextProvider>
  );
}

function Shell({ initialView }: { initialView: ViewId }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const [view, setView] = useState<ViewId>(initialView);
  const { live } = useLiveWorkbook();
  const issueCount = live?.issues.length ?? 0;
  const ids = { lang: useId(), tab: useId(), panel: useId() };

  useEffect(() => {
    if (typeof document === "undefined") return;
    document.documentElement.lang = lang;
    document.documentElement.dir = directionOf(lang);
  }, [lang]);

  const switchLanguage = (next: Lang) => {
    saveUiLanguage(next);
    void changePaneLanguage(i18n, next);
  };

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>
          {t("app.title")} <Text size={200}>{t("app.subtitle")}</Text>
        </h1>
        <label htmlFor={ids.lang} className={styles.langLabel}>
          {t("app.language")}
        </label>
        <Select
          id={ids.lang}
          size="small"
          value={lang}
          onChange={(_, data) => isLang(data.value) && switchLanguage(data.value)}
          data-testid="ui-language"
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t("language:name", { lng: l })}
            </option>
          ))}
        </Select>
      </header>
      <nav aria-label={t("app.views")} className={styles.tabs}>
        <TabList
          className={styles.tabList}
          selectedValue={view}
          onTabSelect={(_, data) => setView(data.value as ViewId)}
          size="small"
        >
          {VIEWS.map((v) => (
            <Tab key={v} value={v} id={`${ids.tab}-${v}`} aria-controls={ids.panel} data-testid={`tab-${v}`}>
              {v === "issues" && issueCount > 0 ? t("tabs.issuesCount", { count: issueCount }) : t(`tabs.${v}`)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.panel}>
        <div id={ids.panel} role="tabpanel" aria-labelledby={`${ids.tab}-${view}`}>
          {view === "summary" ? <SummaryView onGoToSetup={() => setView("setup")} /> : null}
          <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
            {view === "issues" ? <IssuesView /> : null}
            {view === "setup" ? <SetupView /> : null}
            {view === "progress" ? <ProgressView /> : null}
          </Suspense>
          {view === "consolidate" ? <ConsolidateView /> : null}
        </div>
      </main>
      <LiveAnnouncer />
    </div>
  );
}
