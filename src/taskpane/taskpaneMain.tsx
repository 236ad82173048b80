/**
 * Task pane entry point: once Office is ready, renders the app in the interface language and Office theme; opened
 * outside Excel (office.js reports no host, or another application), it says that it needs Excel instead.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { FIRST_RENDER_MARK } from "./firstRenderMark";
import { createI18n } from "./i18n/i18n";
import { NeedsExcel } from "./NeedsExcel";
import { initialUiLanguage } from "./i18n/uiLanguage";
import { createExcelWorkbookApi } from "./workbookApi";

function FirstRender({ onRendered }: { onRendered: () => void }) {
  // a ref callback runs when the tree is committed to the DOM
  return <span hidden ref={(el) => void (el && onRendered())} />;
}

void Office.onReady((info) => {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = initialUiLanguage();
  document.documentElement.lang = lang;
  if (info.host !== Office.HostType.Excel) {
    createRoot(container).render(<NeedsExcel i18n={createI18n(lang)} />);
    return;
  }
  let marked = false;
  createRoot(container).render(
    <>
      <App api={createExcelWorkbookApi()} i18n={createI18n(lang)} />
      <FirstRender
        onRendered={() => {
          if (marked) return;
          marked = true;
          performance.mark(FIRST_RENDER_MARK);
        }}
      />
    </>,
  );
});
