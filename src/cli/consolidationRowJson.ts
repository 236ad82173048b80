/**
 * One consolidation row (src/core/consolidate.ts) as JSON text, exactly as `JSON.stringify(row)` writes it, but
 * cheaper on a large merge: the parts every row repeats (its source, its issues' messages in every language, its
 * sheet's name) are made once and reused, and written to a file as bytes encoded once. A row or an issue of any other shape
 * than the consolidation's own (keys in another order, a value of another type) is written by JSON.stringify.
 */
import type { ConsolidationRow } from "../core/consolidate";
import type { WorkbookIssue } from "../core/workbookIssue";

/** A row's keys in the order the consolidation makes them (src/core/consolidate.ts, rowChecker). */
const ROW_KEYS = [
  "code",
  "counted",
  "domain",
  "sheet",
  "rowIndex",
  "address",
  "values",
  "cells",
  "points",
  "issues",
  "source",
] as const;

/** An issue's keys in the order the checks make them (src/core/tableChecks.ts, makeIssue). */
const ISSUE_KEYS = ["id", "sheet", "address", "code", "field", "key", "severity", "message"] as const;

/** True for a plain object (no class, so no toJSON) whose own keys are exactly `keys`, in that order. */
function hasKeys(o: object, keys: readonly string[]): boolean {
  if (Object.getPrototypeOf(o) !== Object.prototype) return false;
  let i = 0;
  for (const k in o) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/** A string, number, boolean or null as JSON; undefined for any other value (the caller falls back). */
function scalar(v: unknown): string | undefined {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return v ? "true" : "false";
    default:
      return v === null ? "null" : undefined;
  }
}

/**
 * JSON of a frozen value written on many rows (a source, a message in every language): made once, kept while the
 * value lives, and its UTF-8 bytes too once it is written a second time to a file, so that each later row copies
 * them instead of encoding them (a message naming a row's own value is written once: it is not kept as bytes).
 */
export interface SharedJson {
  readonly text: string;
  /** Times written (counted by the sink). */
  uses: number;
  bytes?: Buffer;
}
const sharedMemo = new WeakMap<object, SharedJson>();
function sharedJson(value: object): SharedJson {
  let json = sharedMemo.get(value);
  if (json === undefined) sharedMemo.set(value, (json = { text: JSON.stringify(value), uses: 0 }));
  return json;
}

/** Where a row's JSON goes: plain text, and the shared JSON of frozen values. */
export interface RowJsonSink {
  text(text: string): void;
  shared(json: SharedJson): void;
}

/** `value` as JSON to `out`: shared when it is frozen (the same object on many rows), else made here. */
function frozenJson(value: unknown, out: RowJsonSink): void {
  if (typeof value === "object" && value !== null && Object.isFrozen(value)) out.shared(sharedJson(value));
  else out.text(JSON.stringify(value));
}

/** Strings that repeat on every row (sheet, code, field, key, severity) as JSON, quoted once. Bounded. */
const quotedMemo = new Map<string, string>();
function quoted(text: string): string {
  let json = quotedMemo.get(text);
  if (json === undefined) {
    json = JSON.stringify(text);
    if (quotedMemo.size >= 1_000) quotedMemo.clear();
    quotedMemo.set(text, json);
  }
  return json;
}

/** An issue of the checks' own shape as JSON to `out`; false (nothing written) for any other value. */
function issueJson(issue: WorkbookIssue, out: RowJsonSink): boolean {
  if (typeof issue !== "object" || issue === null || !hasKeys(issue, ISSUE_KEYS)) return false;
  const { id, sheet, address, code, field, key, severity } = issue;
  if (
    typeof id !== "string" ||
    typeof sheet !== "string" ||
    typeof address !== "string" ||
    typeof code !== "string" ||
    typeof field !== "string" ||
    typeof key !== "string" ||
    typeof severity !== "string"
  )
    return false;
  out.text(
    `{"id":${JSON.stringify(id)},"sheet":${quoted(sheet)},"address":${JSON.stringify(address)},"code":${quoted(code)}` +
      `,"field":${quoted(field)},"key":${quoted(key)},"severity":${quoted(severity)},"message":`,
  );
  frozenJson(issue.message, out);
  out.text("}");
  return true;
}

/** `row` to `out`, as JSON.stringify(row) writes it. */
export function writeRowJson(row: ConsolidationRow, out: RowJsonSink): void {
  if (!hasKeys(row, ROW_KEYS) || !Array.isArray(row.issues)) return out.text(JSON.stringify(row));
  const code = scalar(row.code);
  const counted = scalar(row.counted);
  const domain = scalar(row.domain);
  const sheet = typeof row.sheet === "string" ? quoted(row.sheet) : undefined;
  const rowIndex = scalar(row.rowIndex);
  const address = scalar(row.address);
  const points = scalar(row.points);
  if (
    code === undefined ||
    counted === undefined ||
    domain === undefined ||
    sheet === undefined ||
    rowIndex === undefined ||
    address === undefined ||
    points === undefined
  )
    return out.text(JSON.stringify(row));
  out.text(
    `{"code":${code},"counted":${counted},"domain":${domain},"sheet":${sheet},"rowIndex":${rowIndex}` +
      `,"address":${address},"values":${JSON.stringify(row.values)},"cells":${JSON.stringify(row.cells)}` +
      `,"points":${points},"issues":[`,
  );
  for (let i = 0; i < row.issues.length; i++) {
    const issue = row.issues[i]!;
    if (i > 0) out.text(",");
    if (!issueJson(issue, out)) out.text(JSON.stringify(issue));
  }
  out.text('],"source":');
  frozenJson(row.source, out);
  out.text("}");
}
