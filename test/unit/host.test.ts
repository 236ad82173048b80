/** The in-memory Excel host: load/sync semantics, sync counting, formulas, custom functions, events, protection. */
import { createHost, installCustomFunctionsShim, type LiatHost } from "../../tooling/excel-host/excelHost";
import type { CustomFunctionsMetadata, HostRequestContext } from "../../tooling/excel-host/excelHost";

function run<T>(host: LiatHost, batch: (context: HostRequestContext) => Promise<T>): Promise<T> {
  return host.Excel.run(batch);
}

describe("load and sync", () => {
  it("throws PropertyNotLoaded when reading a property that was not loaded", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.values).toThrow(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      range.load("address");
      expect(() => range.address).toThrow(/not available/);
      await context.sync();
      expect(range.address).toBe("Sheet1!A1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("queues writes and applies them at sync, in order", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const range = sheet.getRange("A1:B2");
      range.values = [
        [1, 2],
        [3, "=SUM(A1:B1)"],
      ];
      const check = sheet.getRange("B2");
      check.load("values, formulas");
      expect(host.getCell("Sheet1", "A1").value).toBe("");
      await context.sync();
      expect(check.values).toEqual([[3]]);
      expect(check.formulas).toEqual([["=SUM(A1:B1)"]]);
      // the written values are readable from the proxy that wrote them
      expect(range.values[0]).toEqual([1, 2]);
    });
  });

  it("counts sync round trips exactly (Excel.run's final sync included, empty syncs not)", async () => {
    const host = createHost();
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      // no explicit sync: Excel.run syncs at the end
    });
    expect(host.syncCount).toBe(2);
    expect(host.syncCalls).toBe(3);
    host.resetSyncCount();
    expect(host.syncCount).toBe(0);
  });

  it("loads nested and collection properties in every argument form", async () => {
    const host = createHost({ sheets: ["A", "B"] });
    await run(host, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const range = sheets.getItem("A").getRange("A1");
      range.format.fill.color = "#FF0000";
      // eslint-disable-next-line office-addins/no-navigational-load -- loading navigation properties is what this test checks the host does
      range.load({ format: { fill: { color: true }, font: { bold: true } } });
      const other = sheets.getItem("B").getRange("C3").load(["address", "rowIndex", "columnIndex"]);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["A", "B"]);
      expect(range.format.fill.color).toBe("#FF0000");
      expect(range.format.font.bold).toBe(false);
      expect([other.address, other.rowIndex, other.columnIndex]).toEqual(["B!C3", 2, 2]);
    });
  });

  it("returns null objects that need a sync, and rejects getItem of a missing item with ItemNotFound", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(/not available/);
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1"); // names are case-insensitive
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    await expect(
      run(host, async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("stops at the first failing operation of a sync; the earlier ones are applied", async () => {
    const host = createHost();
    await expect(
      run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [[1]];
        sheet.getRange("A2:A3").values = [[1, 2]]; // wrong shape
        sheet.getRange("A4").values = [[4]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.getCell("Sheet1", "A1").value).toBe(1);
    expect(host.getCell("Sheet1", "A4").value).toBe("");
  });

  it("formats addresses with quoted sheet names as Excel does", async () => {
    const host = createHost({ sheets: ["1 Gouvernance", "Lists"] });
    await run(host, async (context) => {
      const a = context.workbook.worksheets.getItem("1 Gouvernance").getRange("A1:C3").load("address");
      const b = context.workbook.worksheets.getItem("Lists").getRange("B:B").load("address");
      const c = context.workbook.worksheets.getItem("Lists").getRangeByIndexes(1, 2, 3, 4).load("address");
      await context.sync();
      expect(a.address).toBe("'1 Gouvernance'!A1:C3");
      expect(b.address).toBe("Lists!B:B");
      expect(c.address).toBe("Lists!C2:F4");
    });
  });
});

describe("values and formulas", () => {
  it("evaluates native formulas and recalculates", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A4").values = [[10], [20], ["x"], [""]];
      sheet.getRange("B1:B3").formulas = [["=SUM(A1:A4)"], ["=AVERAGE(A1:A4)"], ['=COUNTIF(A1:A4,">15")']];
      await context.sync();
    });
    expect(host.getCell("Sheet1", "B1").value).toBe(30);
    expect(host.getCell("Sheet1", "B2").value).toBe(15);
    expect(host.getCell("Sheet1", "B3").value).toBe(1);
    host.setCellValueAsUser("Sheet1", "A4", "30");
    expect(host.getCell("Sheet1", "B1").value).toBe(60);
  });

  it("shows numbers under a format with sections as Excel does: each sign its own section and literals", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const r = sheet.getRange("A1:E1");
      r.numberFormat = [["+0.0;-0.0;0.0", "+0.0;-0.0;0.0", "+0.0;-0.0;0.0", "+0.0;-0.0;0.0", "0.0"]];
      r.values = [[12.54, -3, 0, 0.04, -2.5]];
      r.load("text");
      await context.sync();
      expect(r.text).toEqual([["+12.5", "-3.0", "0.0", "+0.0", "-2.5"]]);
    });
  });

  it('returns "" for blank cells and error values as strings', async () => {
    const host = createHost();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C1").values = [["=1/0", "#N/A", ""]];
      const r = sheet.getRange("A1:D1").load("values, valueTypes");
      await context.sync();
      expect(r.values).toEqual([["#DIV/0!", "#N/A", "", ""]]);
      expect(r.valueTypes).toEqual([["Error", "Error", "Empty", "Empty"]]);
    });
  });

  it("interprets written strings like typed input, except under the Text number format", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:D1").values = [["1.10", "1.1.1", "TRUE", "'=not a formula"]];
      const text = sheet.getRange("A2:C2");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [["=SUM(1,2)", "1.10", '=HYPERLINK("x")']];
      const r = sheet.getRange("A1:D2").load("values, formulas, valueTypes");
      await context.sync();
      expect(r.values[0]).toEqual([1.1, "1.1.1", true, "=not a formula"]);
      expect(r.values[1]).toEqual(["=SUM(1,2)", "1.10", '=HYPERLINK("x")', ""]);
      expect(r.valueTypes[1].slice(0, 3)).toEqual(["String", "String", "String"]);
      expect(r.formulas[1][0]).toBe("=SUM(1,2)");
    });
  });

  it("keeps formulas working when a referenced sheet is renamed", async () => {
    const host = createHost({ sheets: ["Cover", "1 Gouvernance"] });
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("1 Gouvernance").getRange("A1:A2").values = [[2], [3]];
      context.workbook.worksheets.getItem("Cover").getRange("A1").formulas = [["=SUM('1 Gouvernance'!A1:A2)"]];
      await context.sync();
      context.workbook.worksheets.getItem("1 Gouvernance").name = "1 Governance";
      const cover = context.workbook.worksheets.getItem("Cover").getRange("A1").load("values, formulas");
      await context.sync();
      expect(cover.values).toEqual([[5]]);
      expect(cover.formulas).toEqual([["=SUM('1 Governance'!A1:A2)"]]);
    });
    host.setCellValueAsUser("1 Governance", "A2", 10);
    expect(host.getCell("Cover", "A1").value).toBe(12);
  });

  it("inserts and deletes rows, shifting cells, formulas and tables", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").values = [[1], [2], [3]];
      sheet.getRange("B1").formulas = [["=SUM(A1:A3)"]];
      await context.sync();
      sheet.getRange("2:2").insert("Down");
      await context.sync();
      sheet.getRange("A2").values = [[100]];
      const r = sheet.getRange("A1:B4").load("values, formulas");
      await context.sync();
      expect(r.values.map((row) => row[0])).toEqual([1, 100, 2, 3]);
      expect(r.formulas[0][1]).toBe("=SUM(A1:A4)");
      expect(r.values[0][1]).toBe(106);
      sheet.getRange("A1:A2").delete("Up");
      const after = sheet.getRange("A1:A2").load("values");
      await context.sync();
      expect(after.values).toEqual([[2], [3]]);
    });
  });
});

describe("named items, data validation, conditional formats, custom properties", () => {
  it("maps named items to formulas and resolves list validation sources", async () => {
    const host = createHost({ sheets: ["Data", "Lists"] });
    await run(host, async (context) => {
      const lists = context.workbook.worksheets.getItem("Lists");
      lists.getRange("A1:A3").values = [["Status"], ["Planned"], ["Done"]];
      context.workbook.names.add("LIAT_Status", "=Lists!$A$2:$A$3");
      const data = context.workbook.worksheets.getItem("Data");
      data.getRange("B1").formulas = [["=COUNTA(LIAT_Status)"]];
      data.getRange("A1:A5").dataValidation.rule = { list: { inCellDropDown: true, source: "=LIAT_Status" } };
      data.getRange("A1:A5").dataValidation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "Status",
        message: "Pick a status",
      };
      data.getRange("C1").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      const dv = data.getRange("A2").dataValidation.load("rule, type, errorAlert");
      const name = context.workbook.names.getItemOrNullObject("liat_status").load("name, formula, type");
      await context.sync();
      expect(dv.rule.list).toEqual({ inCellDropDown: true, source: "=LIAT_Status" });
      expect(dv.type).toBe("List");
      expect(dv.errorAlert.message).toBe("Pick a status");
      expect(name.isNullObject).toBe(false);
      expect(name.formula).toBe("=Lists!$A$2:$A$3");
      expect(name.type).toBe("Range");
    });
    expect(host.getCell("Data", "B1").value).toBe(2);
    const sheet = host.model.sheetByName("Data");
    expect(host.model.listValues(sheet, "=LIAT_Status")).toEqual(["Planned", "Done"]);
    expect(host.setCellValueAsUser("Data", "A3", "Nope")).toMatchObject({ ok: false, message: "Pick a status" });
    expect(host.setCellValueAsUser("Data", "A3", "done")).toEqual({ ok: true });
    expect(host.setCellValueAsUser("Data", "C1", "-1").ok).toBe(false);
  });

  it("stores conditional formats and custom document properties", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10");
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=A1=""';
      cf.custom.format.fill.color = "#FFC7CE";
      const count = range.conditionalFormats.getCount();
      context.workbook.properties.custom.add("LIAT.schemaVersion", "1");
      await context.sync();
      expect(count.value).toBe(1);
      const prop = context.workbook.properties.custom.getItemOrNullObject("LIAT.schemaVersion").load("value");
      const none = context.workbook.properties.custom.getItemOrNullObject("other");
      await context.sync();
      expect(prop.value).toBe("1");
      expect(none.isNullObject).toBe(true);
    });
    const sheet = host.model.sheetByName("Sheet1");
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.conditionalFormats[0].format.fillColor).toBe("#FFC7CE");
  });
});

describe("protection", () => {
  it("refuses writes to locked cells of a protected sheet, allows unlocked ones", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B:B").format.protection.locked = false;
      sheet.protection.protect({ allowFormatCells: false });
      sheet.getRange("B2").values = [["ok"]];
      await context.sync();
    });
    await expect(
      run(host, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["no"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.getCell("Sheet1", "B2").value).toBe("ok");
    expect(host.setCellValueAsUser("Sheet1", "A1", "x").ok).toBe(false);
    expect(host.setCellValueAsUser("Sheet1", "B1", "x").ok).toBe(true);
    await run(host, async (context) => {
      const p = context.workbook.worksheets.getItem("Sheet1").protection;
      p.unprotect();
      p.load("protected");
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["now"]];
      await context.sync();
      expect(p.protected).toBe(false);
    });
    expect(host.getCell("Sheet1", "A2").value).toBe("now");
  });
});

describe("tables", () => {
  it("adds a table, adds rows (growing it) and returns header and body ranges", async () => {
    const host = createHost({ sheets: ["1 Gouvernance"] });
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("1 Gouvernance");
      sheet.getRange("A1:C2").values = [
        ["Code", "Status", "Score"],
        ["1.1.1", "Planned", 25],
      ];
      const table = sheet.tables.add("A1:C2", true);
      table.name = "LIAT_D1";
      table.rows.add(undefined, [
        ["1.1.2", "Done", 75],
        ["1.1.3", "", 0],
      ]);
      const header = table.getHeaderRowRange().load("values, address");
      const body = table.getDataBodyRange().load("address, values");
      const rows = table.rows.load("count");
      const columns = table.columns.load("items/name");
      await context.sync();
      expect(header.values).toEqual([["Code", "Status", "Score"]]);
      expect(body.address).toBe("'1 Gouvernance'!A2:C4");
      expect(rows.count).toBe(3);
      expect(columns.items.map((c) => c.name)).toEqual(["Code", "Status", "Score"]);
      const byName = context.workbook.tables.getItem("LIAT_D1").getRange().load("address");
      const scoreBody = table.columns.getItem("Score").getDataBodyRange().load("values");
      await context.sync();
      expect(byName.address).toBe("'1 Gouvernance'!A1:C4");
      expect(scoreBody.values).toEqual([[25], [75], [0]]);
    });
  });
});

describe("events", () => {
  it("fires onChanged for API writes and user edits", async () => {
    const host = createHost();
    const seen: Record<string, unknown>[] = [];
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
        seen.push({
          address: args.address,
          changeType: args.changeType,
          source: args.source,
          trigger: args.triggerSource,
          details: args.details,
        });
      });
      await context.sync();
      sheet.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      await context.sync();
    });
    host.setCellValueAsUser("Sheet1", "C3", "hello");
    await host.idle();
    expect(seen).toEqual([
      { address: "A1:B2", changeType: "RangeEdited", source: "Local", trigger: "ThisLocalAddin", details: undefined },
      {
        address: "C3",
        changeType: "RangeEdited",
        source: "Local",
        trigger: "Unknown",
        details: { valueAfter: "hello", valueBefore: "", valueTypeAfter: "String", valueTypeBefore: "Empty" },
      },
    ]);
  });

  it("lets a handler read the changed range with getRange(context)", async () => {
    const host = createHost();
    const values: unknown[] = [];
    await run(host, async (context) => {
      context.workbook.worksheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
        await host.Excel.run(async (ctx) => {
          const range = (args.getRange as unknown as (c: unknown) => { load(p: string): { values: unknown[][] } })(
            ctx,
          ).load("values");
          await ctx.sync();
          values.push(range.values);
        });
      });
    });
    host.setCellValueAsUser("Sheet1", "B2", 42);
    await host.idle();
    expect(values).toEqual([[[42]]]);
  });

  it("selects ranges (switching the active sheet) and reports the selection", async () => {
    const host = createHost({ sheets: ["A", "B"] });
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("B").getRange("C5").select();
      const selected = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(selected.address).toBe("B!C5");
      expect(active.name).toBe("B");
    });
  });
});

describe("custom functions", () => {
  const metadata: CustomFunctionsMetadata = {
    functions: [
      {
        id: "MEAN",
        name: "MEAN",
        parameters: [
          { name: "values", type: "any", dimensionality: "matrix" },
          { name: "weight", type: "number", optional: true },
        ],
      },
      { id: "FAIL", name: "FAIL", parameters: [{ name: "code", type: "string" }] },
      { id: "SHOW", name: "SHOW", parameters: [{ name: "values", type: "string", dimensionality: "matrix" }] },
    ],
  };
  const calls: unknown[][] = [];
  const fns = {
    MEAN(values: unknown[][], weight: number | null) {
      calls.push([values, weight]);
      const nums = values.flat().filter((v): v is number => typeof v === "number");
      return (nums.reduce((a, b) => a + b, 0) / nums.length) * (weight ?? 1);
    },
    FAIL(code: string) {
      throw new CustomFunctions.Error(code as CustomFunctions.ErrorCode, `failed with ${code}`);
    },
    SHOW(values: string[][]) {
      return JSON.stringify(values);
    },
  };

  beforeAll(() => installCustomFunctionsShim(globalThis));

  it("computes =LIAT.*(...) with the registered functions and recalculates when an input changes", async () => {
    const host = createHost();
    expect(host.registerCustomFunctions(fns, metadata)).toEqual({
      registered: ["LIAT.MEAN", "LIAT.FAIL", "LIAT.SHOW"],
      missing: [],
    });
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A2").values = [[10], [20]];
      sheet.getRange("B1:B2").formulas = [["=LIAT.MEAN(A1:A2)"], ["=liat.mean(A1:A2, 2)"]];
      await context.sync();
    });
    expect(host.getCell("Sheet1", "B1").value).toBe(15);
    expect(host.getCell("Sheet1", "B2").value).toBe(30);
    expect(calls[0]).toEqual([[[10], [20]], null]);
    host.setCellValueAsUser("Sheet1", "A2", "40");
    expect(host.getCell("Sheet1", "B1").value).toBe(25);
  });

  it('passes empty cells as Excel desktop does (0 for type any, "" for strings)', async () => {
    const host = createHost();
    host.registerCustomFunctions(fns, metadata);
    host.setCellValueAsUser("Sheet1", "A1", "x");
    host.setCellValueAsUser("Sheet1", "B1", "=LIAT.SHOW(A1:A2)");
    expect(host.getCell("Sheet1", "B1").value).toBe('[["x"],[""]]');
    calls.length = 0;
    host.setCellValueAsUser("Sheet1", "C1", "=LIAT.MEAN(A1:A2)");
    expect(calls[0][0]).toEqual([["x"], [0]]);
    const web = createHost({ emptyAnyArgument: null });
    web.registerCustomFunctions(fns, metadata);
    calls.length = 0;
    web.setCellValueAsUser("Sheet1", "C1", "=LIAT.MEAN(A1:A2)");
    expect(calls[0][0]).toEqual([[null], [null]]);
  });

  it("turns a thrown CustomFunctions.Error into the matching cell error, with its message", () => {
    const host = createHost();
    host.registerCustomFunctions(fns, metadata);
    const codes: [string, string][] = [
      ["invalidValue", "#VALUE!"],
      ["notAvailable", "#N/A"],
      ["invalidNumber", "#NUM!"],
      ["divisionByZero", "#DIV/0!"],
      ["invalidName", "#NAME?"],
      ["nullReference", "#NULL!"],
    ];
    codes.forEach(([name, shown], i) => {
      const code = CustomFunctions.ErrorCode[name as keyof typeof CustomFunctions.ErrorCode];
      host.setCellValueAsUser("Sheet1", `A${i + 1}`, `=LIAT.FAIL("${code}")`);
      expect(host.getCell("Sheet1", `A${i + 1}`)).toMatchObject({ value: shown, errorMessage: `failed with ${shown}` });
    });
  });

  it("registers functions handed to CustomFunctions.associate once their metadata is known", () => {
    const host = createHost();
    const global: { CustomFunctions?: typeof CustomFunctions } = {};
    host.install(global);
    global.CustomFunctions!.associate("MEAN", fns.MEAN);
    host.setCellValueAsUser("Sheet1", "A1", "=LIAT.MEAN(5)");
    expect(host.getCell("Sheet1", "A1").value).toBe("#NAME?");
    expect(host.applyMetadata(metadata).registered).toEqual(["LIAT.MEAN"]);
    expect(host.getCell("Sheet1", "A1").value).toBe(5);
  });
});

describe("Office shim", () => {
  it("resolves onReady with Excel and exposes language and theme", async () => {
    const host = createHost({ displayLanguage: "fr-FR" });
    await expect(host.Office.onReady()).resolves.toEqual({ host: "Excel", platform: "PC" });
    expect(host.Office.context.displayLanguage).toBe("fr-FR");
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(host.Office.context.officeTheme.bodyBackgroundColor).toBe("#FFFFFF");
  });
});

describe("no kinder than Excel (what typing the proxies against Office revealed)", () => {
  it("refuses a vertical alignment Excel does not have", async () => {
    const host = createHost();
    await expect(
      run(host, async (context) => {
        const format = context.workbook.worksheets.getItem("Sheet1").getRange("A1").format;
        format.verticalAlignment = "Middle" as Excel.VerticalAlignment;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("reads a conditional format's look only after a load, and its custom part only on a custom format", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
      const custom = range.conditionalFormats.add("Custom");
      custom.custom.rule.formula = "=A1>1";
      custom.custom.format.fill.color = "#FFC7CE";
      const formats = range.conditionalFormats.load("items/stopIfTrue");
      await context.sync();
      const stored = formats.items[0]!.custom;
      expect(() => stored.format.fill.color).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => stored.rule.formula).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      stored.rule.load("formula");
      stored.format.fill.load("color");
      await context.sync();
      expect(stored.rule.formula).toBe("=A1>1");
      expect(stored.format.fill.color).toBe("#FFC7CE");
    });
    await expect(
      run(host, async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
        const cellValue = range.conditionalFormats.add("CellValue");
        cellValue.custom.rule.formula = "=A1>1";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("has no load() on freeze panes, as Excel's WorksheetFreezePanes has none", async () => {
    const host = createHost();
    await run(host, async (context) => {
      const panes = context.workbook.worksheets.getItem("Sheet1").freezePanes;
      expect(() => panes.load()).toThrow(TypeError);
      panes.freezeRows(2);
      await context.sync();
    });
    expect(host.model.sheetByName("Sheet1").freezeRows).toBe(2);
  });

  it("clears with ResetContents only where ExcelApi 1.18 is", async () => {
    const clearOn = (profile: "microsoft365" | "office2021") =>
      run(createHost({ profile }), async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        range.values = [["x"]];
        range.clear("ResetContents");
        const after = range.load("values");
        await context.sync();
        return after.values;
      }).catch((error: { code: string }) => error.code);
    expect(await clearOn("microsoft365")).toEqual([[""]]);
    expect(await clearOn("office2021")).toBe("InvalidArgument");
  });
});
