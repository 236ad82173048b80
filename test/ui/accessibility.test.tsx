/**
 * axe-core on every view of the pane, filled workbook behind it, in both languages. color-contrast is
 * off: jsdom does not compute styles (Griffel's CSS) or layout, so axe cannot judge contrast here.
 */

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { insertLiat } from "../../src/excel/workbookOperations";
import { entryCell, installHost, renderPane, typeInto } from "./paneHarness";

// Five views, two languages, axe on each, and an insert that writes every native check formula: minutes on a
// loaded machine.
jest.setTimeout(180_000);

async function violations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`);
}

test.each(["en", "fr"] as const)("no axe violations in any view (%s)", async (lang) => {
  const host = installHost({ displayLanguage: lang });
  await insertLiat({ lang });
  await typeInto(host, entryCell(1, 0, "status", lang), lang === "fr" ? "Planifié" : "Planned"); // one issue
  await typeInto(host, entryCell(2, 0, "status", lang), lang === "fr" ? "En cours" : "In progress");
  const { container } = renderPane({ lang });
  await screen.findByTestId("overall");
  await waitFor(() => expect(screen.getByTestId("overall-score").textContent).not.toBe("–"));

  expect(await violations(container)).toEqual([]);
  await userEvent.click(screen.getByRole("switch"));
  expect(await violations(container)).toEqual([]);

  const tabs = screen.getAllByRole("tab");
  expect(tabs).toHaveLength(5);
  for (const tab of tabs.slice(1)) {
    await userEvent.click(tab);
    expect(tab.getAttribute("aria-selected")).toBe("true");
    // views other than the summary load on demand: wait for the view's heading
    await waitFor(() => expect(screen.getByRole("tabpanel").querySelector("h2")).not.toBeNull());
    expect(await violations(container)).toEqual([]);
  }
});

test("the views are reachable with the keyboard", async () => {
  installHost({ displayLanguage: "en-US" });
  await insertLiat({ lang: "en" });
  renderPane({ lang: "en" });
  await screen.findByTestId("overall");
  // (Tab and arrow-key moves between tabs are tabster's focus handling, which needs a real browser:
  // checked in the browser test.) Enter and Space on a focused tab open its view.
  screen.getByRole("tab", { name: "Issues" }).focus();
  await userEvent.keyboard("{Enter}");
  expect(await screen.findByRole("heading", { name: "Validation issues" })).toBeTruthy();
  expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe(
    screen.getByRole("tab", { name: "Issues" }).id,
  );
  screen.getByRole("tab", { name: "Setup" }).focus();
  await userEvent.keyboard(" ");
  expect(await screen.findByRole("heading", { name: "Set up the workbook" })).toBeTruthy();
});
