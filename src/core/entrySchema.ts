import { z } from "zod";
import { normalizeCurrency } from "./currencies";
import { isBlank, isErrorValue, looksLikeDateText, MAX_DATE_SERIAL, serialToIsoDate, type CellValue } from "./excelValues";
import type { Lang, Localized } from "./language";
import { localizedMessage, quoteValue, type MessageKey, type MessageParams } from "./messages";
import { parseStatus, statusLabels, type ParsedStatus } from "./status";
import { parseTargetGroups, targetGroupLabels, type TargetGroupId } from "./targetGroups";

/** The entry columns of an objective row, in sheet order. */
export const ENTRY_FIELDS = [
  "status", "responsible", "partners", "targetGroups", "start", "end",
  "budget", "currency", "beneficiaries", "evidence", "comments",
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** An objective row's entry cells as read from a sheet. */
export type RawEntry = Partial<Record<EntryField, CellValue>>;

/** An entry once every cell has been read into its type; null where the cell is blank or invalid. */
export interface Entry {
  status: ParsedStatus;
  responsible: string | null;
  partners: string | null;
  targetGroups: TargetGroupId[];
  /** Excel serial day numbers. */
  start: number | null;
  end: number | null;
  budget: number | null;
  currency: string | null;
  beneficiaries: number | null;
  evidence: string | null;
  comments: string | null;
}

export type Severity = "error" | "warning";

export interface EntryIssue {
  field: EntryField;
  key: MessageKey;
  severity: Severity;
  message: Localized;
}

/** Longest text Excel holds in one cell. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_RESPONSIBLE = 255;

/** Carries a message key and its parameters through zod; turned into a localized message later. */
interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

const allowedStatuses = (): string => `${statusLabels("fr").join(", ")} / ${statusLabels("en").join(", ")}`;
const allowedGroups = (): string => `${targetGroupLabels("fr").join("; ")} / ${targetGroupLabels("en").join("; ")}`;

function fail(ctx: z.RefinementCtx, key: MessageKey, params?: MessageParams): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message: key, params: { key, params } satisfies Problem });
  return z.NEVER;
}

/** Every field first refuses Excel error values, then reads its own type; blank reads as null. */
function cell<T>(read: (value: string | number | boolean, ctx: z.RefinementCtx) => T) {
  return z.any().transform((value, ctx): T | null => {
    if (isBlank(value)) return null;
    if (isErrorValue(value)) return fail(ctx, "excelError", { value });
    return read(value as string | number | boolean, ctx);
  });
}

function text(max: number) {
  return cell((value, ctx) => {
    if (typeof value === "boolean") return fail(ctx, "textExpected", { value: value ? "TRUE" : "FALSE" });
    const s = String(value);
    if (s.length > max) return fail(ctx, "textTooLong", { length: s.length, max });
    return s;
  });
}

const date = cell((value, ctx) => {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > MAX_DATE_SERIAL) return fail(ctx, "dateInvalid", { value });
    return Math.floor(value);
  }
  if (typeof value === "string" && looksLikeDateText(value)) return fail(ctx, "dateAsText", { value: quoteValue(value) });
  return fail(ctx, "dateInvalid", { value: quoteValue(value) });
});

function number(whole: boolean) {
  return cell((value, ctx) => {
    if (typeof value === "string") {
      const looksNumeric = /^\s*[-+]?[\d\s  .,']+\s*$/.test(value);
      return fail(ctx, looksNumeric ? "numberAsText" : "numberExpected", { value: quoteValue(value) });
    }
    if (typeof value !== "number" || !Number.isFinite(value)) return fail(ctx, "numberExpected", { value: quoteValue(value) });
    if (value < 0) return fail(ctx, whole ? "wholeNumberExpected" : "numberNegative", { value });
    if (whole && !Number.isInteger(value)) return fail(ctx, "wholeNumberExpected", { value });
    return value;
  });
}

const status = z.any().transform((value, ctx): ParsedStatus => {
  if (isErrorValue(value)) return fail(ctx, "excelError", { value });
  const parsed = parseStatus(value);
  if (parsed.kind === "invalid") return fail(ctx, "statusInvalid", { value: quoteValue(value), allowed: allowedStatuses() });
  return parsed;
});

const targetGroups = cell((value, ctx): TargetGroupId[] => {
  const { groups, unknown } = parseTargetGroups(String(value));
  if (unknown.length > 0) return fail(ctx, "targetGroupUnknown", { value: quoteValue(unknown.join("; ")), allowed: allowedGroups() });
  return groups;
});

const currency = cell((value, ctx) => {
  const code = typeof value === "string" ? normalizeCurrency(value) : null;
  if (code === null) return fail(ctx, "currencyInvalid", { value: quoteValue(value) });
  return code;
});

const evidence = cell((value, ctx) => {
  if (typeof value === "boolean") return fail(ctx, "textExpected", { value: value ? "TRUE" : "FALSE" });
  const s = String(value);
  if (s.length > MAX_CELL_TEXT) return fail(ctx, "textTooLong", { length: s.length, max: MAX_CELL_TEXT });
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]?.toLowerCase();
  if (scheme !== undefined && ["javascript", "data", "vbscript", "file"].includes(scheme)) {
    return fail(ctx, "evidenceLink", { value: quoteValue(s) });
  }
  return s;
});

/** The entry schema: each cell read into its type, then the rules that tie cells of a row together. */
export const entrySchema = z
  .object({
    status,
    responsible: text(MAX_RESPONSIBLE),
    partners: text(MAX_CELL_TEXT),
    targetGroups,
    start: date,
    end: date,
    budget: number(false),
    currency,
    beneficiaries: number(true),
    evidence,
    comments: text(MAX_CELL_TEXT),
  })
  .superRefine((e, ctx) => {
    for (const r of crossRules({ ...e, targetGroups: e.targetGroups ?? [] })) {
      ctx.addIssue({ code: "custom", path: [r.field], message: r.key, params: { key: r.key, params: r.params } satisfies Problem });
    }
  });

/** The rules that tie cells of a row together (DESIGN.md, entry columns). */
function crossRules(e: Entry): (Problem & { field: EntryField })[] {
  const out: (Problem & { field: EntryField })[] = [];
  const level = e.status.kind === "level" ? e.status.level : -1;
  if (e.status.kind === "blank") out.push({ field: "status", key: "statusRequired" });
  if (level >= 1 && e.responsible === null) out.push({ field: "responsible", key: "responsibleRequired" });
  if (level >= 3 && e.evidence === null) out.push({ field: "evidence", key: "evidenceRequired" });
  if (e.start !== null && e.end !== null && e.end < e.start) {
    out.push({ field: "end", key: "endBeforeStart", params: { start: serialToIsoDate(e.start), end: serialToIsoDate(e.end) } });
  }
  if (e.budget !== null && e.currency === null) out.push({ field: "currency", key: "currencyRequired" });
  return out;
}

const BLANK_ENTRY: Entry = {
  status: { kind: "blank" }, responsible: null, partners: null, targetGroups: [], start: null, end: null,
  budget: null, currency: null, beneficiaries: null, evidence: null, comments: null,
};

/** True when no entry cell of the row holds anything. */
export function isBlankEntry(raw: RawEntry): boolean {
  for (const f of ENTRY_FIELDS) if (!isBlank(raw[f])) return false;
  return true;
}

/**
 * Validates one objective row. A blank row is fine (not assessed). Returns the typed entry (blank
 * or invalid cells as null) and every issue, each with a message in French and English.
 * Never changes the input.
 */
export function validateEntry(raw: RawEntry): { entry: Entry; issues: EntryIssue[] } {
  if (isBlankEntry(raw)) return { entry: BLANK_ENTRY, issues: [] };
  const cells: Record<EntryField, CellValue> = {} as Record<EntryField, CellValue>;
  for (const f of ENTRY_FIELDS) cells[f] = raw[f] ?? null;
  const result = entrySchema.safeParse(cells);
  if (result.success) {
    const e = result.data;
    return { entry: { ...e, targetGroups: e.targetGroups ?? [] }, issues: [] };
  }
  const issues: EntryIssue[] = [];
  const badFields = new Set<EntryField>();
  for (const issue of result.error.issues) {
    const field = issue.path[0] as EntryField;
    const problem = (issue as { params?: { key?: MessageKey; params?: MessageParams } }).params;
    if (!problem?.key) throw new Error(`Unexpected validation issue on ${String(field)}: ${issue.message}`);
    badFields.add(field);
    issues.push({ field, key: problem.key, severity: "error", message: localizedMessage(problem.key, problem.params) });
  }
  // Cross-field rules do not run when a cell is unreadable; read the rest leniently for the typed entry.
  const entry: Entry = { ...BLANK_ENTRY };
  for (const f of ENTRY_FIELDS) {
    if (badFields.has(f)) continue;
    const one = entrySchema.shape[f].safeParse(cells[f]);
    if (one.success) (entry as unknown as Record<string, unknown>)[f] = one.data ?? (f === "targetGroups" ? [] : null);
  }
  // zod skips the row rules once a cell is unreadable: apply them to the cells that could be read.
  // A rule about a cell that is itself unreadable adds nothing (the cell already has its issue).
  for (const r of crossRules(entry)) {
    if (badFields.has(r.field)) continue;
    if (r.key === "statusRequired" && badFields.size === 0) continue;
    if (r.key === "currencyRequired" && badFields.has("budget")) continue;
    if (r.key === "responsibleRequired" && badFields.has("status")) continue;
    if (issues.some((i) => i.field === r.field && i.key === r.key)) continue;
    issues.push({ field: r.field, key: r.key, severity: "error", message: localizedMessage(r.key, r.params) });
  }
  return { entry, issues: issues.sort((a, b) => ENTRY_FIELDS.indexOf(a.field) - ENTRY_FIELDS.indexOf(b.field)) };
}

/** The first issue's message in a language, or "" when the row is valid (what LIAT.CHECK shows). */
export function checkMessage(raw: RawEntry, lang: Lang): string {
  const { issues } = validateEntry(raw);
  if (issues.length === 0) return "";
  return issues.map((i) => i.message[lang]).join(" ");
}
