/** Progress view: close a period in the pane, change statuses, compare with the recorded period; replacing asks first. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest hoists jest.mock above the imports: its factory loads the stub with require
jest.mock("../../src/taskpane/views/ChangeChartImpl", () => require("./changeChartStub"));

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { COVER, HISTORY_SHEET } from "../../src/core/layout";
import { readHistory } from "../../src/core/history";
import { insertLiat } from "../../src/excel/workbookOperations";
import { entryCell, installHost, renderPane, typeInto } from "./paneHarness";

jest.setTimeout(60_000);

test("closes a period, then shows what moved since it", async () => {
  const host = installHost({ displayLanguage: "en-US" });
  await insertLiat({ lang: "en", city: "Lyon", period: "2024" });
  await typeInto(host, entryCell(1, 0, "status"), "Planned");
  await typeInto(host, entryCell(1, 1, "status"), "In progress");
  renderPane({ lang: "en", view: "progress" });

  expect(await screen.findByText("Period in progress: 2024")).toBeTruthy();
  const next = screen.getByTestId("next-period") as HTMLInputElement;
  await waitFor(() => expect(next.value).toBe("2025"));
  expect(screen.getByText("No period has been closed in this workbook yet.")).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "Close the period" }));
  expect((await screen.findByTestId("period-closed")).textContent).toBe(
    "Period 2024 recorded (39 objectives); 2025 has started.",
  );
  expect(host.getCell("LIAT", `B${COVER.periodRow}`).value).toBe("2025");
  const history = readHistory(host.getSnapshot().sheets.find((s) => s.name === HISTORY_SHEET)!.values)!;
  expect(history.periods.map((p) => p.label)).toEqual(["2024"]);

  // The next period: one objective went up, one became assessed.
  await typeInto(host, entryCell(1, 0, "status"), "Implemented");
  await typeInto(host, entryCell(2, 0, "status"), "Not started");
  const table = await screen.findByTestId("progress-table");
  await waitFor(() => expect(within(table).getByText("1 Governance").closest("tr")!.textContent).toContain("+25"));
  const row = within(table).getByText("1 Governance").closest("tr")!;
  // (25 + 50) / 2 = 37.5 before, (75 + 50) / 2 = 62.5 now.
  expect([...row.querySelectorAll("td")].map((c) => c.textContent)).toEqual(["37.5", "62.5", "+25.0", "13% → 13%"]);
  expect(screen.getByTestId("moves-up").textContent).toContain("1.1.1: Planned → Implemented");
  expect(screen.getByTestId("moves-became").textContent).toContain("2.1: not assessed → Not started");
  expect(screen.getByTestId("moves-down").textContent).toBe("0 objectives went down");
  expect(within(screen.getByTestId("change-chart")).getByText(/1 Governance: 25/)).toBeTruthy();

  // Closing a period already recorded asks before replacing it.
  await userEvent.click(screen.getByRole("button", { name: "Close the period" }));
  expect((await screen.findByTestId("period-closed")).textContent).toContain("Period 2025 recorded");
  await typeInto(host, { sheet: "LIAT", address: `B${COVER.periodRow}` }, "2025");
  await waitFor(() => expect(screen.getByText("Period in progress: 2025")).toBeTruthy());
  await userEvent.click(screen.getByRole("button", { name: "Close the period" }));
  const confirm = await screen.findByTestId("confirm-replace");
  expect(confirm.textContent).toMatch(/^Period 2025 is already recorded \(closed on \d{4}-\d{2}-\d{2}\)/);
  const recorded = () =>
    readHistory(host.getSnapshot().sheets.find((s) => s.name === HISTORY_SHEET)!.values)!.periods.map((p) => p.label);
  expect(recorded()).toEqual(["2024", "2025"]);
  await userEvent.click(within(confirm).getByRole("button", { name: "Replace it" }));
  await waitFor(() => expect(screen.queryByTestId("confirm-replace")).toBeNull());
  expect((await screen.findByTestId("period-closed")).textContent).toContain("Period 2025 recorded");
  expect(recorded()).toEqual(["2024", "2025"]);
});
