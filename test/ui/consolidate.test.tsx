/**
 * Consolidation view: choose several files (built in the test with the command line's writer), see the
 * progress "file i of n", the workbooks merged with city, period and rows, the files not merged
 * with the reason in the interface language, the consolidation sheet in the workbook, and a re-run
 * that replaces instead of duplicating.
 */

import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { I18nextProvider } from "react-i18next";
import { writeLiatWorkbook } from "../../src/cli/writeWorkbook";
import type { ConsolidationReport } from "../../src/core/consolidate";
import type { RawEntry } from "../../src/core/entrySchema";
import type { Lang } from "../../src/core/language";
import { domainSheetName } from "../../src/core/layout";
import type { LiatHost } from "../../tooling/excel-host/excelHost";
import { moveColumns, readOk, writePlainWorkbook } from "../unit/cliFixtures";
import { allValues, run } from "../unit/excelFixtures";
import { compoundFile } from "../unit/xlsxFixtures";
import { ConsolidationOutcome, SOURCES_SHOWN } from "../../src/taskpane/consolidate/ConsolidationOutcome";
import { createI18n } from "../../src/taskpane/i18n/i18n";
import { installHost, renderPane } from "./paneHarness";

jest.setTimeout(60_000);

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The file dialog's "All files": a file that is not .xlsx can be chosen too. */
const user = userEvent.setup({ applyAccept: false });

async function liat(lang: Lang, city: string, period: string, entries: Record<string, RawEntry>): Promise<Buffer> {
  return writeLiatWorkbook({ lang, city, period, entries });
}

/** Tunis's copy with its domain 2 sheet renamed and its columns in reverse order. */
async function renamedAndMoved(): Promise<Buffer> {
  const wb = await readOk(
    await liat("fr", "Tunis", "2024-2025", { "2.1": { status: "En cours", responsible: "Direction de l'emploi" } }),
    "t.xlsx",
  );
  const sheets = wb.sheets.map((s) => {
    if (s.name !== domainSheetName(2, "fr")) return s;
    const width = Math.max(...s.rows.map((r) => r.length));
    return {
      ...moveColumns(
        s,
        Array.from({ length: width }, (_, c) => width - 1 - c),
      ),
      name: "Emploi (copie)",
    };
  });
  return writePlainWorkbook(sheets);
}

let files: { lyon: Buffer; tunis: Buffer };
beforeAll(async () => {
  files = {
    lyon: await liat("en", "Lyon", "2025", {
      "1.1.1": { status: "Implemented", responsible: "Mayor's office", evidence: "https://lyon.fr/plan" },
    }),
    tunis: await renamedAndMoved(),
  };
});

function chosen(): File[] {
  return [
    new File([new Uint8Array(files.lyon)], "lyon.xlsx", { type: XLSX }),
    new File([new Uint8Array(files.tunis)], "tunis.xlsx", { type: XLSX }),
    new File(["just some notes"], "notes.txt", { type: "text/plain" }),
    // an encrypted workbook: a compound file holding EncryptionInfo and EncryptedPackage
    new File([new Uint8Array(compoundFile(["EncryptionInfo", "EncryptedPackage"]))], "locked.xlsx", { type: XLSX }),
  ];
}

/** Every label the progress bar shows while `run` runs. */
async function progressSeen(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const note = () => {
    const label = document.querySelector('[data-testid="consolidate-progress"] label')?.textContent;
    if (label && seen[seen.length - 1] !== label) seen.push(label);
  };
  const observer = new MutationObserver(note);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  try {
    await run();
  } finally {
    observer.disconnect();
  }
  return seen;
}

function consolidationRows(host: LiatHost): unknown[][] {
  const s = host.getSnapshot().sheets.find((x) => x.name === "Consolidation");
  if (!s) throw new Error("no Consolidation sheet");
  return s.values.slice(1).filter((r) => r.some((v) => v !== "" && v !== null));
}

test("consolidates the chosen files: progress, sources merged, unreadable files with the reason, the sheet", async () => {
  const host = installHost({ displayLanguage: "en-US" });
  renderPane({ lang: "en", view: "consolidate" });
  const input = await screen.findByTestId("consolidate-files");
  expect(screen.getByRole("button", { name: "Choose workbooks to consolidate" })).toBeTruthy();

  const seen = await progressSeen(async () => {
    await user.upload(input, chosen());
    await screen.findByTestId("consolidate-outcome", {}, { timeout: 30_000 });
  });
  expect(seen).toEqual(
    expect.arrayContaining([
      "Reading file 1 of 4: lyon.xlsx",
      "Reading file 2 of 4: tunis.xlsx",
      "Reading file 3 of 4: notes.txt",
      "Reading file 4 of 4: locked.xlsx",
    ]),
  );
  expect(seen.indexOf("Reading file 1 of 4: lyon.xlsx")).toBeLessThan(seen.indexOf("Reading file 4 of 4: locked.xlsx"));
  expect(screen.queryByTestId("consolidate-progress")).toBeNull();

  expect(screen.getByTestId("consolidate-outcome").textContent).toContain(
    "2 workbooks merged: 78 rows on the sheet Consolidation.",
  );
  const sources = within(screen.getByTestId("consolidate-sources")).getAllByRole("row").slice(1);
  expect(
    sources.map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ),
  ).toEqual([
    ["lyon.xlsx", "Lyon", "2025", "39", expect.stringMatching(/^\d+ errors?, \d+ warnings?$/)],
    ["tunis.xlsx", "Tunis", "2024-2025", "39", expect.stringMatching(/^\d+ errors?, \d+ warnings?$/)],
  ]);
  // two cities with one period each: nothing to read across periods
  expect(screen.queryByTestId("consolidate-cities")).toBeNull();
  const unreadable = screen.getByTestId("consolidate-unreadable");
  expect(unreadable.textContent).toContain("2 files not merged");
  const items = within(unreadable)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(items).toEqual([
    "notes.txt — This is not an Excel workbook (.xlsx): ask for the LIAT workbook saved as .xlsx.",
    "locked.xlsx — The workbook is password-protected (encrypted): open it, remove the password (File > Info > Protect Workbook) and save it.",
  ]);

  // accessible (contrast needs real styles: checked nowhere here)
  const axeResult = await axe.run(screen.getByTestId("consolidate-view"), {
    rules: { "color-contrast": { enabled: false } },
  });
  expect(axeResult.violations.map((v) => v.id)).toEqual([]);

  // the workbook: one row per source and objective, the moved columns read by their header
  const rows = consolidationRows(host);
  expect(rows).toHaveLength(78);
  const tunis21 = rows.find((r) => r[0] === "tunis.xlsx" && r[5] === "2.1")!;
  expect(tunis21.slice(0, 4)).toEqual(["tunis.xlsx", "Tunis", "2024-2025", "Emploi (copie)"]);
  expect(tunis21).toContain("En cours");
  expect(tunis21).toContain("Direction de l'emploi");
  // which header cell was read as which column, as liat merge writes it: the moved columns by their header
  const columnsRead = host
    .getSnapshot()
    .sheets.find((s) => s.name === "Columns read")!
    .values.slice(1)
    .filter((r) => r[0] === "tunis.xlsx" && r[1] === "Emploi (copie)");
  expect(columnsRead.map((r) => [r[3], r[4]])).toContainEqual(["Statut", "Status"]);
  expect(columnsRead[0]![2]).toBe("A4");
  const unread = host.getSnapshot().sheets.find((s) => s.name === "Unreadable files")!;
  expect(unread.values.slice(1).map((r) => r[0])).toEqual(["notes.txt", "locked.xlsx"]);

  // the button takes the user to the sheet
  await userEvent.click(screen.getByRole("button", { name: "Open the sheet Consolidation" }));
  await waitFor(() => expect(host.getSnapshot().activeSheet).toBe("Consolidation"));
  expect(host.getSnapshot().selection).toMatch(/A1$/);

  // the reasons follow the interface language
  await userEvent.selectOptions(screen.getByTestId("ui-language"), "fr");
  await waitFor(() =>
    expect(screen.getByTestId("consolidate-unreadable").textContent).toContain(
      "notes.txt — Ce n'est pas un classeur Excel (.xlsx) : demandez le classeur LIAT enregistré au format .xlsx.",
    ),
  );
  expect(screen.getByTestId("consolidate-unreadable").textContent).toContain("2 fichiers non repris");

  // the same files again: replaced, not duplicated
  await user.upload(screen.getByTestId("consolidate-files"), chosen());
  await waitFor(
    () =>
      expect(screen.getByTestId("consolidate-outcome").textContent).toContain(
        "78 lignes antérieures des mêmes fichiers ont été remplacées.",
      ),
    { timeout: 30_000 },
  );
  expect(consolidationRows(host)).toHaveLength(78);
  expect(
    host
      .getSnapshot()
      .sheets.find((s) => s.name === "Fichiers non lus")!
      .values.slice(1)
      .map((r) => r[0]),
  ).toEqual(["notes.txt", "locked.xlsx"]);
});

test("a sheet named Consolidation that is not one: refused before any file is read, the workbook unchanged", async () => {
  const host = installHost({ displayLanguage: "en-US", sheets: ["Sheet1", "Consolidation"] });
  await run(host, (wb) => {
    wb.worksheets.getItem("Consolidation").getRange("A1:B2").values = [
      ["My own notes", ""],
      ["keep", "me"],
    ];
  });
  const before = allValues(host);
  renderPane({ lang: "en", view: "consolidate" });
  const seen = await progressSeen(async () => {
    await user.upload(await screen.findByTestId("consolidate-files"), chosen());
    await screen.findByText(
      /A sheet named "Consolidation" already exists and is not a LIAT sheet/,
      {},
      { timeout: 30_000 },
    );
  });
  expect(seen.filter((label) => label.startsWith("Reading file"))).toEqual([]);
  expect(screen.queryByTestId("consolidate-outcome")).toBeNull();
  expect(allValues(host)).toEqual(before);
});

test("in French, a file that is not a workbook alone: nothing merged, the reason said", async () => {
  installHost({ displayLanguage: "fr-FR" });
  renderPane({ lang: "fr", view: "consolidate" });
  expect(await screen.findByRole("button", { name: "Choisir les classeurs à consolider" })).toBeTruthy();
  await userEvent.upload(screen.getByTestId("consolidate-files"), [
    new File([new Uint8Array(0)], "vide.xlsx", { type: XLSX }),
  ]);
  const outcome = await screen.findByTestId("consolidate-outcome", {}, { timeout: 30_000 });
  expect(outcome.textContent).toContain("Aucun classeur n'a pu être consolidé.");
  expect(screen.getByTestId("consolidate-unreadable").textContent).toContain(
    "vide.xlsx — Fichier vide (0 octet) : demandez à l'expéditeur de le renvoyer.",
  );
  expect(screen.queryByTestId("consolidate-sources")).toBeNull();
});

test("in French, one city's two periods are read as one city: each period's score and the change since the previous one", async () => {
  installHost({ displayLanguage: "fr-FR" });
  renderPane({ lang: "fr", view: "consolidate" });
  const entries = (status: string): Record<string, RawEntry> => ({
    "1.1.1": { status, responsible: "DGS", evidence: "https://lyon.fr" },
  });
  await userEvent.upload(await screen.findByTestId("consolidate-files"), [
    new File([new Uint8Array(await liat("en", "LYON ", "2025", entries("Implemented")))], "lyon-2025.xlsx", {
      type: XLSX,
    }),
    new File([new Uint8Array(await liat("fr", "Lyon", "2024", entries("Planifié")))], "lyon-2024.xlsx", { type: XLSX }),
  ]);
  await screen.findByTestId("consolidate-outcome", {}, { timeout: 30_000 });
  const section = screen.getByTestId("consolidate-cities");
  expect(within(section).getByRole("heading").textContent).toBe("Par ville, période après période");
  const rows = within(section)
    .getAllByRole("row")
    .slice(1)
    .map((r) => [
      r.getAttribute("data-city"),
      r.getAttribute("data-period"),
      within(r).getByTestId("city-overall").textContent,
    ]);
  expect(rows).toEqual([
    ["LYON", "2024", "25,0"],
    ["LYON", "2025", "75,0 (+50,0)"],
  ]);
  expect(section.textContent).toContain("LYON202425,01: 25,0 · 2: —");
  expect(section.textContent).toContain("LYON202575,0 (+50,0)1: 75,0 (+50,0) · 2: —");
});

test.each([
  ["en", "en-US", "Consolidation"],
  ["fr", "fr-FR", "Consolidation"],
  ["es", "es-ES", "Consolidación"],
] as const)("in %s, the view's heading is the tab's name", async (lang, displayLanguage, name) => {
  installHost({ displayLanguage });
  renderPane({ lang, view: "consolidate" });
  await screen.findByTestId("consolidate-files");
  const heading = document.getElementById("liat-consolidate-heading");
  expect(heading?.textContent).toBe(name);
  expect(screen.getByRole("tab", { selected: true }).textContent).toBe(name);
});

test("thousands of workbooks merged: the pane lists the first ones and says where every other one is", async () => {
  const source = (i: number): ConsolidationReport["sources"][number] => ({
    source: { key: `k${i}`, fileName: `ville-${i}.xlsx`, city: `Ville ${i}`, period: "2025" },
    summary: { domains: [], overall: { score: null, coverage: null } },
    rows: 39,
    errors: 0,
    warnings: 1,
  });
  const report: ConsolidationReport = {
    sources: Array.from({ length: SOURCES_SHOWN + 2 }, (_, i) => source(i)),
    notMerged: [],
    notMergedCount: 0,
    unreadable: [],
  };
  render(
    <I18nextProvider i18n={createI18n("fr")}>
      <FluentProvider theme={webLightTheme}>
        <ConsolidationOutcome result={report} />
      </FluentProvider>
    </I18nextProvider>,
  );
  const listed = within(screen.getByTestId("consolidate-sources")).getAllByRole("row");
  // the header row, then the first SOURCES_SHOWN workbooks
  expect(listed).toHaveLength(SOURCES_SHOWN + 1);
  expect(listed.at(-1)!.getAttribute("data-file")).toBe(`ville-${SOURCES_SHOWN - 1}.xlsx`);
  expect(screen.getByTestId("consolidate-more-sources").textContent).toBe(
    "…et 2 autres classeurs, sur la feuille Synthèse par source avec tous les autres.",
  );
});
