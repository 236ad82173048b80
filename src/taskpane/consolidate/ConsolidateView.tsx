/**
 * The Consolidation tab. Its panel (src/taskpane/consolidate/ConsolidatePanel.tsx: file choice, progress, results) is
 * loaded on demand with React.lazy, and ExcelJS only once files are chosen, so neither is part of
 * the task pane's initial JavaScript.
 */
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

const ConsolidatePanel = lazy(() => import(/* webpackChunkName: "consolidate" */ "./ConsolidatePanel"));

export function ConsolidateView() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
      <ConsolidatePanel />
    </Suspense>
  );
}
