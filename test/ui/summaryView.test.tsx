/** Summary view over the real workbook operations and the in-memory host. */

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { insertLiat } from "../../src/excel/workbookOperations";
import { domainSheetName } from "../../src/core/layout";
import { entryCell, installHost, renderPane, settle, typeInto } from "./paneHarness";

jest.setTimeout(30_000);

async function filledHost() {
  const host = installHost({ displayLanguage: "en-US" });
  await insertLiat({ lang: "en" });
  await host.idle();
  return host;
}

test("shows the overall score and one card per domain, then follows edits live", async () => {
  const host = await filledHost();
  renderPane({ lang: "en" });
  const overall = await screen.findByTestId("overall");
  expect(within(overall).getByTestId("overall-score").textContent).toBe("–");
  for (let d = 1; d <= 6; d++) expect(screen.getByTestId(`domain-${d}`)).toBeTruthy();
  const d1 = screen.getByTestId("domain-1");
  expect(within(d1).getByTestId("score").textContent).toBe("–");
  expect(within(d1).getByTestId("coverage").textContent).toMatch(/^Coverage: 0 \/ 16 assessed/);

  await typeInto(host, entryCell(1, 0, "status"), "In progress"); // 50
  await typeInto(host, entryCell(1, 1, "status"), "Not started"); // 0
  await typeInto(host, entryCell(1, 2, "status"), "Not applicable");
  await typeInto(host, entryCell(2, 0, "status"), "Sustained"); // 100

  await waitFor(() => expect(within(screen.getByTestId("domain-1")).getByTestId("score").textContent).toBe("25.0"));
  const card1 = screen.getByTestId("domain-1");
  expect(within(card1).getByTestId("rating").textContent).toBe("Emerging");
  expect(within(card1).getByTestId("coverage").textContent).toMatch(/^Coverage: 2 \/ 15 assessed \(13%\)/);
  const counts = within(card1).getByRole("list", { name: "Objectives by status" });
  const count = (status: string) => counts.querySelector(`[data-status="${status}"]`)?.textContent;
  expect(count("0")).toBe("Not started 1");
  expect(count("2")).toBe("In progress 1");
  expect(count("na")).toBe("Not applicable 1");
  expect(count("blank")).toBe("Blank 13");
  // only the statuses that occur are listed (no legend of zeros)
  expect(count("1")).toBeUndefined();
  expect(counts.querySelectorAll("li")).toHaveLength(4);
  expect(within(screen.getByTestId("domain-2")).getByTestId("score").textContent).toBe("100.0");
  // overall: mean of the domain scores that exist, (25 + 100) / 2, one decimal as on the cover
  expect(screen.getByTestId("overall-score").textContent).toBe("62.5");
  expect(screen.getByTestId("overall-rating").textContent).toBe("Established");
  // the chart compares the domains with the same numbers
  const chart = screen.getByTestId("score-chart");
  const bar = (key: string) => chart.querySelector(`[data-key="${key}"]`)!;
  expect(bar("d1").textContent).toBe("1. Governance: 25.0 / 10025.0");
  expect(bar("d1").querySelector('[data-testid="chart-value"]')?.textContent).toBe("25.0");
  expect(bar("d2").querySelector('[data-testid="chart-value"]')?.textContent).toBe("100.0");
  // the written number is drawing only: screen readers hear the label's text once, and nothing is focusable
  expect(bar("d1").querySelector('[data-testid="chart-value"]')?.getAttribute("aria-hidden")).toBe("true");
  expect(chart.querySelectorAll("[tabindex], button, a")).toHaveLength(0);
  // screen readers hear about the change
  expect(screen.getByTestId("live-announcer").textContent).toMatch(/overall score 62\.5/);
});

test("a domain with an open issue says so; a click on a domain card activates its sheet", async () => {
  const host = await filledHost();
  renderPane({ lang: "en" });
  await screen.findByTestId("overall");
  // "Planned" without a responsible service is an issue
  await typeInto(host, entryCell(3, 0, "status"), "Planned");
  await waitFor(() =>
    expect(within(screen.getByTestId("domain-3")).getByTestId("issues").textContent).toBe("1 open issue"),
  );
  expect(within(screen.getByTestId("domain-1")).getByTestId("issues").textContent).toBe("0 open issues");

  await userEvent.click(within(screen.getByTestId("domain-3")).getByTestId("coverage"));
  await settle(host);
  expect(host.getSnapshot().activeSheet).toBe(domainSheetName(3, "en"));

  // keyboard: the card's title button
  const open5 = screen.getByRole("button", { name: "Domain 5 Housing and urban planning" });
  expect(open5.getAttribute("aria-describedby")).toBeTruthy();
  expect(document.getElementById(open5.getAttribute("aria-describedby")!)?.textContent).toBe(
    "Opens this domain's sheet in the workbook.",
  );
  open5.focus();
  await userEvent.keyboard("{Enter}");
  await settle(host);
  expect(host.getSnapshot().activeSheet).toBe(domainSheetName(5, "en"));
});

test("the switch shows the same summary by Call to Local Action priority, with the crosswalk note", async () => {
  const host = await filledHost();
  renderPane({ lang: "en" });
  await screen.findByTestId("overall");
  await typeInto(host, entryCell(2, 0, "status"), "Sustained"); // 2.1 -> priorities 5 and 4
  await userEvent.click(screen.getByRole("switch", { name: "By Call to Local Action priority" }));
  expect(screen.getByTestId("crosswalk-note").textContent).toMatch(/drawn up by LIAT for Excel/);
  for (let p = 1; p <= 8; p++) expect(screen.getByTestId(`priority-${p}`)).toBeTruthy();
  expect(within(screen.getByTestId("priority-5")).getByTestId("score").textContent).toBe("100.0");
  expect(within(screen.getByTestId("priority-4")).getByTestId("score").textContent).toBe("100.0");
  expect(within(screen.getByTestId("priority-1")).getByTestId("score").textContent).toBe("–");
  expect(screen.getByText("Overall score by priority")).toBeTruthy();
  expect(screen.getByTestId("score-chart").querySelector('[data-key="p5"]')?.textContent).toMatch(
    /^5\. .*: 100\.0 \/ 100/,
  );
});

test("a workbook without LIAT sheets gets the first run: what LIAT is, three steps, focus on inserting", async () => {
  installHost({ displayLanguage: "en-US" });
  renderPane({ lang: "en" });
  const welcome = await screen.findByTestId("first-run");
  expect(within(welcome).getByRole("heading", { name: "Welcome to LIAT" })).toBeTruthy();
  expect(welcome.textContent).toMatch(/39 objectives in 6 policy domains/);
  expect(within(welcome).getByRole("list", { name: "Three steps" }).querySelectorAll("li")).toHaveLength(3);
  expect(within(welcome).getByRole("link", { name: /help/ }).getAttribute("href")).toBe("help.html#en");
  const insert = within(welcome).getByRole("button", { name: "Insert the LIAT sheets" });
  await waitFor(() => expect(document.activeElement).toBe(insert));
  await userEvent.click(within(welcome).getByRole("button", { name: /Choose the language/ }));
  expect(screen.getByRole("tab", { name: "Setup", selected: true })).toBeTruthy();
});

test("the first run's main button inserts every domain in the interface language", async () => {
  const host = installHost({ displayLanguage: "fr-FR" });
  renderPane({ lang: "fr" });
  await userEvent.click(await screen.findByRole("button", { name: "Insérer les feuilles LIAT" }));
  await screen.findByTestId("overall");
  expect(host.getSnapshot().sheets.map((s) => s.name)).toContain(domainSheetName(6, "fr"));
});
