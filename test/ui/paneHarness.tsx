/** Test harness: the real task pane over src/excel over the in-memory Excel host (installed on globalThis). */
import { act, render, type RenderResult } from "@testing-library/react";
import { objectivesOfDomain } from "../../src/core/catalogue";
import type { DomainId } from "../../src/core/catalogueTypes";
import type { Lang } from "../../src/core/language";
import { columnIndex, columnLetter, domainSheetName, FIRST_DATA_ROW, type ColumnKey } from "../../src/core/layout";
import { createHost, type HostOptions, type LiatHost } from "../../tooling/excel-host/excelHost";
import { App, type ViewId } from "../../src/taskpane/App";
import { createI18n } from "../../src/taskpane/i18n/i18n";
import { createExcelWorkbookApi } from "../../src/taskpane/workbookApi";

// jest's jsdom environment does not expose Node's structuredClone, which the in-memory host uses.
if (typeof globalThis.structuredClone !== "function") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where structuredClone is missing
  const v8 = require("node:v8") as typeof import("node:v8");
  globalThis.structuredClone = ((value: unknown) => v8.deserialize(v8.serialize(value))) as typeof structuredClone;
}

export function installHost(options: HostOptions = {}): LiatHost {
  const host = createHost(options);
  host.install(globalThis);
  return host;
}

export function renderPane(options: { lang?: Lang; view?: ViewId } = {}): RenderResult {
  return render(
    <App api={createExcelWorkbookApi()} i18n={createI18n(options.lang ?? "en")} initialView={options.view} />,
  );
}

/** Sheet and address of an entry cell of the n-th objective (0-based) of a domain, as inserted. */
export function entryCell(domain: DomainId, n: number, column: ColumnKey, lang: Lang = "en") {
  const objective = objectivesOfDomain(domain)[n];
  if (!objective) throw new Error(`domain ${domain} has no objective #${n}`);
  return {
    sheet: domainSheetName(domain, lang),
    address: `${columnLetter(columnIndex(column))}${FIRST_DATA_ROW + n}`,
    code: objective.code,
  };
}

/** Types a value as a user would, checks that Excel accepted it, and waits for the pane to catch up. */
export async function typeInto(
  host: LiatHost,
  cell: { sheet: string; address: string },
  value: unknown,
): Promise<void> {
  const result = host.setCellValueAsUser(cell.sheet, cell.address, value);
  if (!result.ok) throw new Error(`edit refused: ${result.message}`);
  await settle(host);
}

/** Lets the host's event handlers (the live validator) and React finish. */
export async function settle(host: LiatHost): Promise<void> {
  await act(async () => {
    await host.idle();
    await new Promise((r) => setTimeout(r, 0));
    await host.idle();
  });
}
