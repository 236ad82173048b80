/**
 * The preview page (`npm start` on Linux): a simulated workbook (in-memory host) next to the real task pane,
 * which runs in an iframe and reaches the host through office-shim.js. `?lang=fr` (or es…) sets Office's display language.
 */
import { text } from "../../src/core/i18n/texts";
import { directionOf, isLang, LANGUAGES, localeOf, type Lang } from "../../src/core/language";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from "react";
import { createRoot } from "react-dom/client";
import { cellAddress, columnLetter } from "../../src/core/a1";
import { isInside, type Rect } from "../excel-host/rangeAddress";
import { conditionalLooks } from "../excel-host/conditionalLooks";
import { createHost, type LiatHost } from "../excel-host/createHost";
import type { CustomFunctionsMetadata } from "../excel-host/customFunctionPlugin";
import { DARK_THEME } from "../excel-host/officeGlobal";
import {
  STANDARD_COLUMN_WIDTH,
  STANDARD_ROW_HEIGHT,
  type SheetModel,
  type TableModel,
} from "../excel-host/hostWorkbook";

declare global {
  interface Window {
    __LIAT_HOST__?: LiatHost;
    __LIAT_FUNCTIONS_METADATA__?: CustomFunctionsMetadata[];
  }
}

const params = new URLSearchParams(window.location.search);
const asked = params.get("lang");
const lang: Lang = isLang(asked) ? asked : "en";
// the page speaks the language asked for: say so (screen readers, spelling, hyphenation) and take its direction
document.documentElement.lang = lang;
document.documentElement.dir = directionOf(lang);
const PREVIEW_KEYS = [
  "title",
  "note",
  "pane",
  "formula",
  "list",
  "ok",
  "ready",
  "rejected",
  "sheet",
  "tabs",
  "error",
  "protectedSheet",
  "lockedTitle",
  "locked",
] as const;
/** The page's own texts (texts `preview:*`), in the language asked for. */
const T = Object.fromEntries(PREVIEW_KEYS.map((key) => [key, text(lang, `preview:${key}`)])) as Record<
  (typeof PREVIEW_KEYS)[number],
  string
>;

// ?theme=dark gives the pane Office's dark theme (as Excel's "Black" Office theme does)
const theme = params.get("theme") === "dark" ? DARK_THEME : undefined;
const host = createHost({ sheets: [T.sheet], displayLanguage: localeOf(lang), theme });
window.__LIAT_HOST__ = host;
const model = host.model;

/** A counter that changes whenever the workbook changes (redraws are batched per animation frame). */
function useWorkbookVersion(): number {
  const version = useRef(0);
  const subscribe = useCallback((notify: () => void) => {
    let scheduled = false;
    return model.subscribe(() => {
      version.current++;
      if (scheduled) return;
      scheduled = true;
      // an animation frame batches redraws; the timer covers frames that a hidden or busy page does not get
      const redraw = () => {
        if (!scheduled) return;
        scheduled = false;
        notify();
      };
      requestAnimationFrame(redraw);
      setTimeout(redraw, 50);
    });
  }, []);
  return useSyncExternalStore(subscribe, () => version.current);
}

const POINT_TO_PX = 96 / 72;
/** Height of the column letters row and width of the row numbers column (preview.html's CSS). */
const HEADER_PX = 22;
const ROW_HEADER_PX = 44;

function tableAt(tables: TableModel[], row: number, col: number): TableModel | undefined {
  return tables.find((t) => isInside(t.rect, row, col));
}

function Alert(props: { title: string; message: string; onClose: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div
      className="alert"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="alert-title"
      aria-describedby="alert-message"
    >
      <div>
        <h2 id="alert-title">{props.title}</h2>
        <p id="alert-message">{props.message}</p>
        <button ref={button} onClick={props.onClose}>
          {T.ok}
        </button>
      </div>
    </div>
  );
}

function Grid(props: {
  sheet: SheetModel;
  /** The workbook version (useWorkbookVersion): conditional formats are evaluated again whenever it changes. */
  version: number;
  selection: Rect | undefined;
  onSelect: (row: number, col: number) => void;
  onEdit: () => void;
  /** A list validation on the active cell: its dropdown is drawn in the cell, as in Excel. */
  list?: { values: string[]; value: string; onChange: (value: string) => void };
}) {
  const { sheet, selection } = props;
  const used = model.usedRect(sheet, false);
  const rows = Math.max(40, (used?.r1 ?? 0) + 12, (selection?.r1 ?? 0) + 5);
  const cols = Math.max(12, (used?.c1 ?? 0) + 3, (selection?.c1 ?? 0) + 2);
  const rect: Rect = { r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 };
  const values = model.values(sheet, rect);
  const texts = model.texts(sheet, rect);
  const layers = model.layersFor(sheet, rect);
  // conditional formats of the drawn block (only cells under a rule are evaluated), drawn over the cells' own format;
  // evaluated again on every workbook change, not on renders that change nothing in the workbook (formula bar typing)
  const looks = useMemo(
    () => conditionalLooks(model, sheet, { r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 }, (r) => sheet.hiddenRows.has(r)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model is mutable: props.version (its change count) is what says it changed
    [props.version, sheet, rows, cols],
  );
  const tables = model.tables.filter((t) => t.sheetId === sheet.id);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selection) return;
    const cell = scroller.current?.querySelector<HTMLElement>(
      `[data-address="${cellAddress(selection.r0, selection.c0)}"]`,
    );
    cell?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selection, sheet.id]);

  const widths = Array.from(
    { length: cols },
    (_, c) => (sheet.columnWidths.get(c) ?? STANDARD_COLUMN_WIDTH) * POINT_TO_PX,
  );
  // fixed table layout only holds with a table width: the columns then keep the workbook's widths, whatever the text
  const tableWidth = ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0);
  // frozen rows (Freeze Panes) stay in view: each is sticky below the column letters and the frozen rows above it
  const frozenTops: number[] = [];
  for (let r = 0, top = HEADER_PX; r < Math.min(sheet.freezeRows, rows); r++) {
    frozenTops.push(top);
    if (!sheet.hiddenRows.has(r)) top += (sheet.rowHeights.get(r) ?? STANDARD_ROW_HEIGHT) * POINT_TO_PX;
  }
  const header = (
    <tr>
      <th className="row-header corner" />
      {Array.from({ length: cols }, (_, c) => {
        const width = widths[c]!;
        return (
          <th
            key={c}
            scope="col"
            className={selection && c >= selection.c0 && c <= selection.c1 ? "active-header" : undefined}
            style={{ width, minWidth: width }}
          >
            {columnLetter(c)}
          </th>
        );
      })}
    </tr>
  );

  // the list's dropdown sits over the active cell's right edge, as in Excel (outside the cell, so that the cell's text
  // stays the cell's text)
  const [listBox, setListBox] = useState<{ top: number; left: number; height: number } | null>(null);
  const listAt = props.list && selection ? cellAddress(selection.r0, selection.c0) : null;
  useLayoutEffect(() => {
    const box = scroller.current;
    const td = listAt ? box?.querySelector<HTMLElement>(`[data-address="${listAt}"]`) : null;
    if (!box || !td) return setListBox(null);
    const outer = box.getBoundingClientRect();
    const cell = td.getBoundingClientRect();
    setListBox({
      top: cell.top - outer.top + box.scrollTop,
      left: cell.right - outer.left + box.scrollLeft - 22,
      height: cell.height,
    });
  }, [listAt, sheet.id, props.version]);

  return (
    <div className="grid-scroll" ref={scroller}>
      {props.list && listBox ? (
        <select
          aria-label={T.list}
          id="list-select"
          className="cell-list"
          style={{ top: listBox.top, left: listBox.left, height: listBox.height }}
          value={props.list.values.includes(props.list.value) ? props.list.value : ""}
          onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => props.list!.onChange(e.target.value)}
        >
          <option value="" />
          {props.list.values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : null}
      <table className="grid" role="grid" aria-label={sheet.name} style={{ width: tableWidth }}>
        <thead>{header}</thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) =>
            sheet.hiddenRows.has(r) ? null : (
              <tr
                key={r}
                className={r < frozenTops.length ? "frozen" : undefined}
                data-frozen-top={r < frozenTops.length ? frozenTops[r] : undefined}
                style={
                  sheet.rowHeights.has(r)
                    ? { height: (sheet.rowHeights.get(r) ?? STANDARD_ROW_HEIGHT) * POINT_TO_PX }
                    : undefined
                }
              >
                <th
                  scope="row"
                  style={r < frozenTops.length ? { top: frozenTops[r], zIndex: 3 } : undefined}
                  className={`row-header${selection && r >= selection.r0 && r <= selection.r1 ? " active-header" : ""}`}
                >
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const f = model.formatAt(sheet, r, c, layers);
                  const value = values[r][c];
                  const table = tableAt(tables, r, c);
                  const isHeader = table !== undefined && table.showHeaders && r === table.rect.r0;
                  const band =
                    table !== undefined && !isHeader && table.showBandedRows && (r - table.rect.r0) % 2 === 1;
                  const errorMessage =
                    typeof value === "string" && value.startsWith("#") ? model.errorMessage(sheet, r, c) : undefined;
                  const isError = errorMessage !== undefined;
                  const selected = selection !== undefined && r === selection.r0 && c === selection.c0;
                  const inSelection = selection !== undefined && isInside(selection, r, c);
                  const classes = [
                    typeof value === "number" && f.horizontalAlignment === "General" ? "number" : "",
                    f.wrapText ? "wrap" : "",
                    isError ? "error" : "",
                    selected ? "selected" : "",
                    inSelection && !selected ? "in-selection" : "",
                    selected && model.validationAt(sheet, r, c)?.rule.list ? "list" : "",
                  ].filter(Boolean);
                  const look = looks[r][c];
                  const fill = look?.fill ?? f.fillColor;
                  const background = fill ?? (isHeader ? "#217346" : band ? "#E8F3EC" : undefined);
                  const color =
                    look?.font ?? (isHeader && !fill ? "#FFFFFF" : f.fontColor !== "#000000" ? f.fontColor : undefined);
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-address={cellAddress(r, c)}
                      aria-selected={selected}
                      className={classes.join(" ") || undefined}
                      title={isError ? errorMessage || T.error : undefined}
                      onMouseDown={() => props.onSelect(r, c)}
                      onDoubleClick={props.onEdit}
                      style={{
                        ...(r < frozenTops.length
                          ? { position: "sticky", top: frozenTops[r], zIndex: 1, background: background ?? "#fff" }
                          : {}),
                        background: r < frozenTops.length ? (background ?? "#fff") : background,
                        color,
                        fontWeight: (look?.bold ?? f.bold) || isHeader ? 600 : undefined,
                        fontStyle: (look?.italic ?? f.italic) ? "italic" : undefined,
                        textAlign:
                          f.horizontalAlignment !== "General"
                            ? (f.horizontalAlignment.toLowerCase() as "left")
                            : undefined,
                      }}
                    >
                      {texts[r][c]}
                    </td>
                  );
                })}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function App() {
  const version = useWorkbookVersion();
  const [editText, setEditText] = useState<string | null>(null);
  const [alert, setAlert] = useState<{ title: string; message: string } | null>(null);
  const [status, setStatus] = useState(T.ready);
  const input = useRef<HTMLInputElement>(null);
  const tabList = useRef<HTMLElement>(null);

  const sheet = model.activeSheet();
  const selection = model.selection && model.selection.sheetId === sheet.id ? model.selection.rect : undefined;
  const address = selection ? cellAddress(selection.r0, selection.c0) : "";
  const activeCell = selection ? { ...selection, r1: selection.r0, c1: selection.c0 } : undefined;
  const cellFormula = activeCell ? String(model.formulas(sheet, activeCell)[0][0]) : "";
  const validation = selection ? model.validationAt(sheet, selection.r0, selection.c0) : undefined;
  const inputMessage =
    validation?.prompt.showPrompt && (validation.prompt.title || validation.prompt.message)
      ? validation.prompt
      : undefined;
  const listSource = validation?.rule.list ? String((validation.rule.list as { source: string }).source) : undefined;
  const listValues = useMemo(
    () => (listSource ? model.listValues(sheet, listSource).map(String) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model is mutable: a new formula in the cell is what says the list may have changed
    [listSource, sheet, cellFormula],
  );
  const activeValue = activeCell && listValues.length > 0 ? String(model.values(sheet, activeCell)[0][0]) : undefined;
  const visibleSheets = model.sheets.filter((s) => s.visibility === "Visible");

  useEffect(() => {
    tabList.current
      ?.querySelector<HTMLElement>('[aria-selected="true"]')
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [sheet.id, visibleSheets.length]);

  // F6, as in Excel, moves the focus to the task pane (and Shift+F6 back to the grid's formula bar)
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "F6") return;
      event.preventDefault();
      if (event.shiftKey) input.current?.focus();
      else focusPane();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const select = (row: number, col: number) => {
    setEditText(null);
    host.selectAsUser(sheet.name, cellAddress(row, col));
  };

  const commit = (text: string, move: number) => {
    if (!selection) return;
    // typed as in Excel in the page's language: "12 000,50" and "01/09/2025" in French
    const result = host.setCellValueAsUser(sheet.name, address, text, localeOf(lang));
    setEditText(null);
    if (!result.ok) {
      // Excel words its locked-cell alert in the user's language; a validation alert is the workbook's own text
      setAlert(
        result.reason === "locked"
          ? { title: T.lockedTitle, message: T.locked }
          : { title: result.title ?? T.rejected, message: result.message ?? "" },
      );
      setStatus(`${T.rejected}: ${address}`);
      return;
    }
    setStatus(`${address} ← ${text}`);
    if (move !== 0) host.selectAsUser(sheet.name, cellAddress(Math.max(0, selection.r0 + move), selection.c0));
  };

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editText !== null || alert || !selection || event.target === input.current) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      select(Math.max(0, selection.r0 + move[0]), Math.max(0, selection.c0 + move[1]));
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      commit("", 0);
    } else if (event.key === "F2") {
      event.preventDefault();
      setEditText(cellFormula);
      input.current?.focus();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      setEditText(event.key);
      input.current?.focus();
    }
  };

  return (
    <>
      <header className="titlebar">
        <h1>{T.title}</h1>
        <span className="note">{T.note}</span>
        <span style={{ marginLeft: "auto" }}>
          {LANGUAGES.map((l, i) => (
            <span key={l}>
              {i > 0 && " · "}
              <a href={`?lang=${l}`} lang={l}>
                {text(l, "language:name")}
              </a>
            </span>
          ))}
        </span>
      </header>
      <div className="main">
        <section
          className="workbook"
          aria-label={(model.settings.get("workbook.name") as string | undefined) ?? "Book1"}
          tabIndex={0}
          onKeyDown={onGridKey}
          id="workbook"
        >
          <div className="formula-bar">
            <span className="name-box" aria-label="Name box" id="name-box">
              {address}
            </span>
            <span className="fx" aria-hidden="true">
              fx
            </span>
            <input
              id="formula-input"
              ref={input}
              aria-label={T.formula}
              value={editText ?? cellFormula}
              onFocus={() => setEditText((current) => current ?? cellFormula)}
              onChange={(e) => setEditText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  commit(editText ?? cellFormula, 1);
                  document.getElementById("workbook")?.focus();
                } else if (e.key === "Escape") {
                  setEditText(null);
                  document.getElementById("workbook")?.focus();
                }
              }}
            />
          </div>
          <Grid
            sheet={sheet}
            version={version}
            selection={selection}
            onSelect={select}
            list={
              listValues.length > 0
                ? { values: listValues, value: activeValue ?? "", onChange: (v) => commit(v, 0) }
                : undefined
            }
            onEdit={() => {
              setEditText(cellFormula);
              input.current?.focus();
            }}
          />
          {inputMessage ? (
            <div className="input-message" role="note" data-testid="input-message">
              {inputMessage.title ? <strong>{inputMessage.title}</strong> : null}
              <span>{inputMessage.message}</span>
            </div>
          ) : null}
          <nav className="tabs" role="tablist" aria-label={T.tabs} ref={tabList}>
            {visibleSheets.map((s) => (
              <button
                key={s.id}
                role="tab"
                aria-selected={s.id === sheet.id}
                style={s.tabColor ? { boxShadow: `inset 0 -3px 0 ${s.tabColor}` } : undefined}
                onClick={() => {
                  setEditText(null);
                  model.activate(s);
                }}
              >
                {s.name}
                {s.protection.protected && (
                  <svg
                    className="lock"
                    role="img"
                    aria-label={T.protectedSheet}
                    viewBox="0 0 10 12"
                    width="9"
                    height="11"
                  >
                    <title>{T.protectedSheet}</title>
                    <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.3" />
                    <rect x="1" y="5" width="8" height="6.5" rx="1" fill="currentColor" />
                  </svg>
                )}
              </button>
            ))}
          </nav>
          <div className="status" role="status">
            {status}
          </div>
        </section>
        <aside className="pane" aria-label={T.pane}>
          <div className="pane-title">{T.pane}</div>
          <PaneFrame />
        </aside>
      </div>
      {alert && <Alert title={alert.title} message={alert.message} onClose={() => setAlert(null)} />}
    </>
  );
}

/** The task pane page, loaded once the custom functions' metadata is known (its functions register themselves). */
function PaneFrame() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const files = ["functions.json", ...(lang === "en" ? [] : [`functions.${lang}.json`])];
    Promise.all(
      files.map((file) =>
        fetch(file)
          .then((r) => (r.ok ? (r.json() as Promise<CustomFunctionsMetadata>) : undefined))
          .catch(() => undefined),
      ),
    ).then((all) => {
      window.__LIAT_FUNCTIONS_METADATA__ = all.filter((m): m is CustomFunctionsMetadata => m !== undefined);
      setReady(true);
    });
  }, []);
  return ready ? <iframe title="LIAT" src="taskpane.html" id="taskpane" /> : null;
}

const container = document.getElementById("preview-root");
if (container) createRoot(container).render(<App />);

/** Moves the focus into the task pane: its frame, then the first thing that takes focus there. */
function focusPane(): void {
  const frame = document.getElementById("taskpane") as HTMLIFrameElement | null;
  frame?.focus();
  const doc = frame?.contentDocument;
  const first = doc?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"], button, select, input, a[href]');
  first?.focus();
}
