/** The one A1 module and the one date module (src/core/a1.ts, src/core/dates.ts): each way and back. */
import fc from "fast-check";
import {
  cellAddress,
  columnIndex,
  columnLetter,
  MAX_COLUMNS,
  MAX_ROWS,
  MAX_SHEET_NAME,
  parseCellAddress,
  sheetPartName,
} from "../../src/core/a1";
import {
  DATE_1904_OFFSET,
  dateToSerial,
  isoDateTimeToSerial,
  isoDateToSerial,
  serialToDate,
  serialToIsoDate,
} from "../../src/core/dates";

describe("A1 addresses", () => {
  it("reads back every cell address it writes, with or without $ and in any case", () => {
    fc.assert(
      fc.property(fc.nat(MAX_ROWS - 1), fc.nat(MAX_COLUMNS - 1), (row, column) => {
        const a = cellAddress(row, column);
        expect(parseCellAddress(a)).toEqual({ row, column });
        expect(parseCellAddress(`$${columnLetter(column)}$${row + 1}`)).toEqual({ row, column });
        expect(parseCellAddress(a.toLowerCase())).toEqual({ row, column });
        expect(columnIndex(columnLetter(column))).toBe(column);
      }),
    );
  });

  it("refuses what is not one cell's address", () => {
    for (const bad of ["", "A", "5", "A0", "A1:B2", "1A", "A1B", "A-1", "Feuil1!A1", "A 1"])
      expect(parseCellAddress(bad)).toBeNull();
    expect(parseCellAddress("XFD1048576")).toEqual({ row: MAX_ROWS - 1, column: MAX_COLUMNS - 1 });
    expect(columnIndex("ABCD")).toBe(-1);
    expect(columnIndex("xfd")).toBe(MAX_COLUMNS - 1);
  });

  it("names a sheet's further parts as Excel takes them: the name, then (2), (3)…, cut to fit 31 characters", () => {
    expect(sheetPartName("Columns read", 1)).toBe("Columns read");
    expect(sheetPartName("Columns read", 2)).toBe("Columns read (2)");
    const long = "Cellules non fusionnées (liste)";
    expect(long).toHaveLength(MAX_SHEET_NAME);
    expect(sheetPartName(long, 12)).toBe("Cellules non fusionnées (l (12)");
    expect(sheetPartName(long, 12)).toHaveLength(MAX_SHEET_NAME);
  });
});

describe("dates", () => {
  it("converts serials, ISO dates and JavaScript dates both ways, to the millisecond", () => {
    expect(isoDateToSerial("2025-03-01")).toBe(45717);
    expect(serialToIsoDate(45717)).toBe("2025-03-01");
    expect(isoDateTimeToSerial("2025-03-01T12:00:00.500")).toBe(45717 + (12 * 3600 * 1000 + 500) / 86_400_000);
    expect(serialToDate(45717.5).toISOString()).toBe("2025-03-01T12:00:00.000Z");
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-03-01"), max: new Date("9999-12-31"), noInvalidDate: true }), (d) => {
        expect(serialToDate(dateToSerial(d)).getTime()).toBe(d.getTime());
        const iso = d.toISOString().slice(0, 10);
        expect(serialToIsoDate(isoDateToSerial(iso)!)).toBe(iso);
      }),
    );
  });

  it("places the 1904 date system 1,462 days after the 1900 one", () => {
    // 1904-01-01 is serial 0 in a 1904 workbook and 1462 in the 1900 system
    expect(isoDateToSerial("1904-01-01")).toBe(DATE_1904_OFFSET);
  });
});
