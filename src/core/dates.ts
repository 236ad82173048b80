/**
 * Dates as Excel stores them, the one module for the whole project: serial day numbers in the 1900
 * date system (the time of day as the fraction), ISO dates and date-times, the 1904 date system,
 * JavaScript dates. The reader, the checks, the writers, the add-in and the in-memory host convert here.
 */

/** Largest serial Excel accepts as a date (9999-12-31). */
export const MAX_DATE_SERIAL = 2958465;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A serial day number (1900 date system, as Excel stores dates) to an ISO date "YYYY-MM-DD". */
export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO date "YYYY-MM-DD" to its Excel serial day number, or null when it is not a real date. */
export function isoDateToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS);
}

/**
 * An ISO 8601 date or date-time as an ISO date cell holds it (`t="d"`: "2025-03-01",
 * "2025-03-01T14:30:05.125", a zone suffix ignored: Excel keeps the time as shown) to its serial in
 * the 1900 date system, to the millisecond; null when it is not a real date.
 */
export function isoDateTimeToSerial(iso: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(
      iso.trim(),
    );
  if (!m) return null;
  const day = isoDateToSerial(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === null) return null;
  const [h, min, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 24 || min > 59 || sec > 59) return null;
  const ms = Math.round(Number(`0.${m[7] ?? "0"}`) * 1000);
  const timeMs = ((h * 60 + min) * 60 + sec) * 1000 + ms;
  return timeMs === 0 ? day : day + timeMs / DAY_MS;
}

/** Days between the 1900 and the 1904 date systems: a 1904 workbook's serial plus this is the 1900 serial. */
export const DATE_1904_OFFSET = 1462;

/** A serial (1900 date system, time as the fraction) to the JavaScript Date it stands for, in UTC, to the millisecond. */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

/** A JavaScript Date (as ExcelJS reads date cells, in UTC) to an Excel serial day number. */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** Text that a person probably meant as a date: 2024-03-01, 01/03/2024, 1.3.2024, 1-3-24. */
export function looksLikeDateText(value: string): boolean {
  return /^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\s*$/.test(value);
}
