/** The text Excel shows for a value under a number format (the common formats only). */
import { serialToDate } from "../../src/core/dates";
import type { CellScalar } from "./cellValue";

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

/**
 * The section of a format with sections ("positive;negative;zero") that applies to a number, and the number it shows:
 * the negative section shows the absolute value (its own literals give the sign), as Excel does.
 */
function section(value: number, numberFormat: string): { fmt: string; value: number } {
  const parts = numberFormat.split(";");
  if (parts.length === 1) return { fmt: numberFormat, value };
  if (value < 0) return { fmt: parts[1]!, value: -value };
  if (value === 0 && parts.length > 2) return { fmt: parts[2]!, value };
  return { fmt: parts[0]!, value };
}

export function formatText(value: CellScalar, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (numberFormat.includes(";") && !numberFormat.includes('"') && /[#0]/.test(numberFormat)) {
    // Literal signs and characters around the digits ("+0.0;-0.0;0.0"): kept as they are, the number formatted in between.
    const part = section(value, numberFormat);
    const m = /^([^#0.,%]*)([#0.,]+%?)(.*)$/.exec(part.fmt.trim());
    if (m) return `${m[1]}${formatText(part.value, m[2]!)}${m[3]}`;
  }
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
