/** Issues view: grouped by sheet, click or Enter selects the cell, follows edits live. */

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { insertLiat } from "../../src/excel/workbookOperations";
import { entryCell, installHost, renderPane, settle, typeInto } from "./paneHarness";

jest.setTimeout(30_000);

test("lists the issues by sheet, selects the cell on click and on Enter, and follows edits", async () => {
  const host = installHost({ displayLanguage: "en-US" });
  await insertLiat({ lang: "en" });
  renderPane({ lang: "en", view: "issues" });
  expect(await screen.findByText("No issues: every entry is valid.")).toBeTruthy();

  const planned = entryCell(1, 0, "status");
  const responsible = entryCell(1, 0, "responsible");
  const implemented = entryCell(4, 1, "status");
  const evidence = entryCell(4, 1, "evidence");
  await typeInto(host, planned, "Planned");
  await typeInto(host, implemented, "Implemented");
  await typeInto(host, entryCell(4, 1, "responsible"), "Health department");

  await waitFor(() => expect(screen.getByTestId("issues-total").textContent).toBe("2 issues"));
  const groups = screen.getAllByTestId("issue-group");
  expect(groups.map((g) => g.querySelector("h3")?.textContent)).toEqual([
    `Sheet ${planned.sheet}`,
    `Sheet ${implemented.sheet}`,
  ]);

  const first = within(groups[0]!).getByRole("button");
  expect(first.textContent).toContain(`Cell ${responsible.address}`);
  expect(first.textContent).toContain('Enter the responsible service (required from "Planned" up).');
  await userEvent.click(first);
  await settle(host);
  expect(host.getSnapshot().selection).toMatch(new RegExp(`${responsible.address}$`));
  expect(host.getSnapshot().activeSheet).toBe(responsible.sheet);

  const second = within(groups[1]!).getByRole("button");
  expect(second.textContent).toContain(`Cell ${evidence.address}`);
  second.focus();
  await userEvent.keyboard("{Enter}");
  await settle(host);
  expect(host.getSnapshot().selection).toMatch(new RegExp(`${evidence.address}$`));
  expect(host.getSnapshot().activeSheet).toBe(evidence.sheet);

  // fixing the row makes its issue go away, the other stays
  await typeInto(host, responsible, "Mayor's office");
  await waitFor(() => expect(screen.getByTestId("issues-total").textContent).toBe("1 issue"));
  expect(screen.getAllByTestId("issue-group")).toHaveLength(1);
  expect(screen.getByRole("button", { name: new RegExp(`Cell ${evidence.address}`) })).toBeTruthy();
});

test("messages follow the interface language, not the workbook's", async () => {
  const host = installHost({ displayLanguage: "fr-FR" });
  await insertLiat({ lang: "en" });
  renderPane({ lang: "fr", view: "issues" });
  await screen.findByText("Aucun problème : toutes les saisies sont valides.");
  await typeInto(host, entryCell(2, 0, "status"), "Planned");
  await waitFor(() => expect(screen.getByTestId("issues-total").textContent).toBe("1 problème"));
  expect(screen.getByText("Indiquez le service responsable (obligatoire à partir de « Planifié »).")).toBeTruthy();
});
