/**
 * Task pane entry point: once Office is ready, renders the app in the interface language and Office theme; opened
 * outside Excel (office.js reports no host, or another application), it says that it needs Excel instead.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { FIRST_RENDER_MARK } from "./firstRenderMark";
import { createI18n } from "./i18n/i18n";
import { loadPaneTexts, preloadPaneTexts } from "./i18n/paneTexts";
import { NeedsExcel } from "./NeedsExcel";
import { initialUiLanguage } from "./i18n/uiLanguage";
import { createExcelWorkbookApi } from "./workbookApi";

function FirstRender({ onRendered }: { onRendered: () => void }) {
  // a ref callback runs when the tree is committed to the DOM
  return <span hidden ref={(el) => void (el && onRendered())} />;
}

// The language is known for sure once Office is ready (its display language); the likely one (the saved
// choice, else the browser's) has its texts fetched meanwhile.
preloadPaneTexts(initialUiLanguage()).catch(() => undefined); // a failure is reported when the texts are needed

void Office.onReady(async (info) => {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = initialUiLanguage();
  document.documentElement.lang = lang;
  const i18n = createI18n(lang);
  // without its texts (the server cannot be reached) the pane still opens, showing the texts' keys
  await loadPaneTexts(i18n, lang).catch((error: unknown) =>
    console.error("LIAT: the pane's texts did not load", error),
  );
  if (info.host !== Office.HostType.Excel) {
    createRoot(container).render(<NeedsExcel i18n={i18n} />);
    return;
  }
  let marked = false;
  createRoot(container).render(
    <>
      <App api={createExcelWorkbookApi()} i18n={i18n} />
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
