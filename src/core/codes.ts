/**
 * LIAT objective codes: "1.1.1", "2.1". The source writes them with commas ("1,1,1"), which a
 * French-locale Excel would read as a number, so the product stores them as text with dots and
 * sorts them naturally ("1.10.1" after "1.9.1").
 */
import type { DomainId } from "./catalogueTypes";

/** Separators accepted between the levels of a code: dot, comma (the source), semicolon. */
const CODE_PATTERN = /^\d{1,3}(?:\s*[.,;]\s*\d{1,3}){1,2}$/;

/** The numeric levels of a code, or null when the text is not a code (2 or 3 positive levels). */
export function codeParts(raw: string | number): number[] | null {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return null;
    raw = String(raw);
  }
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  if (!CODE_PATTERN.test(text)) return null;
  const parts = text.split(/\s*[.,;]\s*/).map((p) => Number.parseInt(p, 10));
  if (parts.some((n) => !Number.isInteger(n) || n < 1)) return null;
  return parts;
}

/**
 * Canonical form of a code: "1,1,1", " 1.1.1 ", "1;1;1" and "01.1.1" all give "1.1.1".
 * Returns null for anything that is not a code of two or three positive levels.
 */
export function normalizeCode(raw: string | number): string | null {
  if (typeof raw !== "string") {
    const parts = codeParts(raw);
    return parts === null ? null : parts.join(".");
  }
  let code = CANONICAL.get(raw);
  if (code === undefined) {
    const parts = codeParts(raw);
    code = parts === null ? null : parts.join(".");
    if (CANONICAL.size >= MEMO_SIZE) CANONICAL.clear();
    CANONICAL.set(raw, code);
  }
  return code;
}

/**
 * Texts already read as codes, with their canonical form (null: not a code): a table repeats its few codes
 * and reads each row's code several times (reader, checks, catalogue). Bounded.
 */
const CANONICAL = new Map<string, string | null>();
const MEMO_SIZE = 10_000;

/**
 * Natural order of codes: level by level, numerically ("1.9.1" < "1.10.1" < "1.11.2" < "2.1"),
 * a code before its own sub-levels ("2.1" < "2.1.1"). Texts that are not codes come after all
 * codes, in code-unit order. Codes written differently but equal ("1,1" and "1.1") compare equal.
 */
export function compareCodes(a: string, b: string): number {
  const pa = codeParts(a);
  const pb = codeParts(b);
  if (pa === null || pb === null) {
    if (pa !== null) return -1;
    if (pb !== null) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const d = (pa[i] as number) - (pb[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return pa.length === pb.length ? 0 : pa.length < pb.length ? -1 : 1;
}

/** A new array of the codes in natural order (the input is not changed; ties keep their order). */
export function sortCodes<T extends string>(codes: readonly T[]): T[] {
  return [...codes].sort(compareCodes);
}

/** The policy domain (1-6) a code belongs to, or null when it is not a code of domains 1-6. */
export function codeToDomain(code: string | number): DomainId | null {
  const canonical = normalizeCode(code);
  if (canonical === null) return null;
  // The canonical form starts with the first level's digits, up to its first dot.
  const d = Number(canonical.slice(0, canonical.indexOf(".")));
  return d >= 1 && d <= 6 ? (d as DomainId) : null;
}
