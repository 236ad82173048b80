/** The text Excel shows for a value under a number format (the common formats only). */
import type { CellScalar } from "./cellValue";

function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9))
    return n
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace("E+", "E+");
  return String(Number(n.toPrecision(10)));
}

function dateText(serial: number, format: string): string {
  const d = serialToDate(serial);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return format
    .replace(/yyyy/gi, String(y))
    .replace(/yy/gi, pad(y % 100))
    .replace(/mm/gi, pad(m))
    .replace(/(^|[^a-z])m([^a-z]|$)/gi, `$1${m}$2`)
    .replace(/dd/gi, pad(day))
    .replace(/(^|[^a-z])d([^a-z]|$)/gi, `$1${day}$2`);
}

export function formatText(value: CellScalar, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = numberFormat.trim();
  if (fmt === "" || fmt === "General" || fmt === "@") return generalNumber(value);
  if (/^[^"]*[yd]/i.test(fmt) && !/[#0]/.test(fmt)) return dateText(value, fmt.replace(/;@$/, ""));
  const percent = fmt.endsWith("%");
  const body = percent ? fmt.slice(0, -1) : fmt;
  const decimals = /\.(0+)/.exec(body)?.[1].length ?? 0;
  const grouped = body.includes(",");
  const n = percent ? value * 100 : value;
  let text = grouped
    ? n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : n.toFixed(decimals);
  if (percent) text += "%";
  return text;
}
