import { z } from "zod/mini";
import { normalizeCurrency } from "./currencies";
import { isBlank, isErrorValue, type CellValue } from "./excelValues";
import { looksLikeDateText, MAX_DATE_SERIAL, serialToIsoDate } from "./dates";
import type { Lang, Localized } from "./language";
import { localizedMessage, quoteValue, type MessageKey, type MessageParams } from "./messages";
import { parseStatus, type ParsedStatus } from "./status";
import { parseTargetGroups, type TargetGroupId } from "./targetGroups";

/** The entry columns of an objective row, in sheet order. */
export const ENTRY_FIELDS = [
  "status",
  "responsible",
  "partners",
  "targetGroups",
  "start",
  "end",
  "budget",
  "currency",
  "beneficiaries",
  "evidence",
  "comments",
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

/** A message key and its parameters; turned into a localized message when an issue is built. */
class Problem {
  constructor(
    readonly key: MessageKey,
    readonly params?: MessageParams,
  ) {}
}

/** What reading one cell gives: its typed value (null when blank), or the problem with it (no wrapper per cell). */
type Read<T> = T | null | Problem;

const BLANK = null;

const bad = (key: MessageKey, params?: MessageParams): Problem => new Problem(key, params);
const ok = <T>(value: T): Read<T> => value;

/** How one cell of a field is read: its typed value (null when blank), or the problem with it. */
type FieldReader<T> = (value: CellValue) => Read<T>;

/** Every field first refuses Excel error values, then reads its own type; blank reads as null. */
function cell<T>(read: (value: string | number | boolean) => Read<T>): FieldReader<T> {
  return (value) => {
    if (isBlank(value)) return BLANK;
    if (isErrorValue(value)) return bad("excelError", { value });
    return read(value as string | number | boolean);
  };
}

function text(max: number) {
  return cell((value) => {
    if (typeof value === "boolean") return bad("textExpected", { value: value ? "TRUE" : "FALSE" });
    const s = String(value);
    if (s.length > max) return bad("textTooLong", { length: s.length, max });
    return ok(s);
  });
}

const date = cell((value) => {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > MAX_DATE_SERIAL) return bad("dateInvalid", { value });
    return ok(Math.floor(value));
  }
  if (typeof value === "string" && looksLikeDateText(value)) return bad("dateAsText", { value: quoteValue(value) });
  return bad("dateInvalid", { value: quoteValue(value) });
});

function number(whole: boolean) {
  return cell((value) => {
    if (typeof value === "string") {
      const looksNumeric = /^\s*[-+]?[\d\s\u00a0\u202f.,']+\s*$/.test(value);
      return bad(looksNumeric ? "numberAsText" : "numberExpected", { value: quoteValue(value) });
    }
    if (typeof value !== "number" || !Number.isFinite(value))
      return bad("numberExpected", { value: quoteValue(value) });
    if (value < 0) return bad(whole ? "wholeNumberExpected" : "numberNegative", { value });
    if (whole && !Number.isInteger(value)) return bad("wholeNumberExpected", { value });
    return ok(value);
  });
}

const status: FieldReader<ParsedStatus> = (value) => {
  if (isErrorValue(value)) return bad("excelError", { value });
  const parsed = parseStatus(value);
  if (parsed.kind === "invalid") return bad("statusInvalid", { value: quoteValue(value) });
  return ok(parsed);
};

const targetGroups = cell((value): Read<TargetGroupId[]> => {
  const { groups, unknown } = parseTargetGroups(String(value));
  if (unknown.length > 0) return bad("targetGroupUnknown", { value: quoteValue(unknown.join("; ")) });
  return ok(groups);
});

const currency = cell((value) => {
  const code = typeof value === "string" ? normalizeCurrency(value) : null;
  return code === null ? bad("currencyInvalid", { value: quoteValue(value) }) : ok(code);
});

/** A link's scheme ("javascript" of "javascript:..."), where the text starts (sticky: from lastIndex). */
const SCHEME = /([a-z][a-z0-9+.-]*):/iy;

/** How many of the text's first characters are spaces the native check folds. */
function leadingSpaces(text: string): number {
  let i = 0;
  while (i < text.length && isBlank(text.charAt(i))) i++;
  return i;
}

const evidence = cell((value) => {
  if (typeof value === "boolean") return bad("textExpected", { value: value ? "TRUE" : "FALSE" });
  const s = String(value);
  if (s.length > MAX_CELL_TEXT) return bad("textTooLong", { length: s.length, max: MAX_CELL_TEXT });
  // Leading spaces as the native check folds them (src/core/spaces.ts): a scheme holds no space, so it is read
  // from the first other character.
  SCHEME.lastIndex = leadingSpaces(s);
  const scheme = SCHEME.exec(s)?.[1]?.toLowerCase();
  if (scheme !== undefined && ["javascript", "data", "vbscript", "file"].includes(scheme))
    return bad("evidenceLink", { value: quoteValue(s) });
  return ok(s);
});

/**
 * The fields whose cell could not be read, one bit a field (bit i: ENTRY_FIELDS[i]): a row's set of them without
 * making a Set per row.
 */
type Unreadable = number;

/** Each field's place in ENTRY_FIELDS (its bit in Unreadable, its reading in Reads). */
const FIELD_INDEX = Object.fromEntries(ENTRY_FIELDS.map((f, i) => [f, i])) as { readonly [F in EntryField]: number };

/** False for a field whose cell could not be read (its rules are not applied). */
const readable = (unreadable: Unreadable, f: EntryField) => (unreadable & (1 << FIELD_INDEX[f])) === 0;

/**
 * The rules that tie cells of a row together (README, "What is checked"), over the cells that could be read: each
 * rule broken is added to `issues`.
 */
function applyRowRules(e: Entry, unreadable: Unreadable, issues: EntryIssue[]): void {
  const level = e.status.kind === "level" ? e.status.level : -1;
  if (e.status.kind === "blank" && readable(unreadable, "status")) issues.push(new Issue("status", "statusRequired"));
  if (level >= 1 && e.responsible === null && readable(unreadable, "responsible"))
    issues.push(new Issue("responsible", "responsibleRequired"));
  if (level >= 3 && e.evidence === null && readable(unreadable, "evidence"))
    issues.push(new Issue("evidence", "evidenceRequired"));
  if (e.start !== null && e.end !== null && e.end < e.start) {
    issues.push(new Issue("end", "endBeforeStart", { start: serialToIsoDate(e.start), end: serialToIsoDate(e.end) }));
  }
  if (e.budget !== null && e.currency === null && readable(unreadable, "budget") && readable(unreadable, "currency")) {
    issues.push(new Issue("currency", "currencyRequired"));
  }
}

/** How each entry field's cell is read. */
const FIELD_READERS: { readonly [F in EntryField]: FieldReader<unknown> } = {
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
};

/** Each field's reader, in ENTRY_FIELDS order. */
const READERS: readonly FieldReader<unknown>[] = ENTRY_FIELDS.map((f) => FIELD_READERS[f]);

/** Each field's reading of a row, in ENTRY_FIELDS order. */
type Reads = readonly Read<unknown>[];

/** A cell's typed value; null when blank or unreadable. */
function valueOf<T>(read: Read<unknown>): T | null {
  return read instanceof Problem ? null : (read as T | null);
}

/** The typed entry and every issue of a row, from each field's reading: the problems, then the rules of the row. */
function entryOf(reads: Reads): { entry: Entry; issues: EntryIssue[] } {
  const issues: EntryIssue[] = [];
  let unreadable: Unreadable = 0;
  for (let i = 0; i < reads.length; i++) {
    const r = reads[i];
    if (r instanceof Problem) {
      unreadable |= 1 << i;
      issues.push(new Issue(ENTRY_FIELDS[i]!, r.key, r.params));
    }
  }
  const at = FIELD_INDEX;
  const entry: Entry = {
    status: valueOf<ParsedStatus>(reads[at.status]) ?? { kind: "blank" },
    responsible: valueOf(reads[at.responsible]),
    partners: valueOf(reads[at.partners]),
    targetGroups: valueOf<TargetGroupId[]>(reads[at.targetGroups]) ?? [],
    start: valueOf(reads[at.start]),
    end: valueOf(reads[at.end]),
    budget: valueOf(reads[at.budget]),
    currency: valueOf(reads[at.currency]),
    beneficiaries: valueOf(reads[at.beneficiaries]),
    evidence: valueOf(reads[at.evidence]),
    comments: valueOf(reads[at.comments]),
  };
  applyRowRules(entry, unreadable, issues);
  if (issues.length > 1) issues.sort((a, b) => at[a.field] - at[b.field]);
  return { entry, issues };
}

/** A field's reader as a zod schema: any value in, its reading out. */
const fieldSchema = <T>(read: FieldReader<T>) =>
  z.pipe(
    z.any(),
    z.transform((value: CellValue) => read(value)),
  );

/**
 * The entry schema, for an entry from outside (any values): each cell read into its type (a cell that cannot
 * be read carries its problem instead of stopping the row), then the rules that tie the cells of a row
 * together. Parsing gives the typed entry and every issue, with messages in every supported language, in one
 * pass. Rows already read from a grid (typed cell values) go through validateEntry, which applies the same
 * readers and rules without the schema's per-row machinery.
 */
export const entrySchema = z.pipe(
  z.object(
    Object.fromEntries(ENTRY_FIELDS.map((f) => [f, fieldSchema(FIELD_READERS[f])])) as {
      [F in EntryField]: ReturnType<typeof fieldSchema<unknown>>;
    },
  ),
  z.transform((reads) => entryOf(ENTRY_FIELDS.map((f) => (reads as { [F in EntryField]: Read<unknown> })[f]))),
);

/**
 * An issue whose message is formatted when first read: validating a large workbook costs no
 * string work for issues nobody looks at. JSON carries the message (toJSON); code that copies an
 * issue reads `message` explicitly.
 */
class Issue implements EntryIssue {
  readonly severity: Severity = "error";
  #params: MessageParams | undefined;
  #message: Localized | undefined;
  constructor(
    readonly field: EntryField,
    readonly key: MessageKey,
    params?: MessageParams,
  ) {
    this.#params = params;
  }
  get message(): Localized {
    return (this.#message ??= localizedMessage(this.key, this.#params));
  }
  toJSON(): { field: EntryField; key: MessageKey; severity: Severity; message: Localized } {
    return { field: this.field, key: this.key, severity: this.severity, message: this.message };
  }
}

/** What a blank row reads as; shared by every blank row, so frozen. */
const BLANK_ENTRY: Entry = Object.freeze({
  status: Object.freeze({ kind: "blank" as const }),
  responsible: null,
  partners: null,
  targetGroups: Object.freeze([]) as unknown as TargetGroupId[],
  start: null,
  end: null,
  budget: null,
  currency: null,
  beneficiaries: null,
  evidence: null,
  comments: null,
});

/** True when no entry cell of the row holds anything. */
export function isBlankEntry(raw: RawEntry): boolean {
  for (const f of ENTRY_FIELDS) if (!isBlank(raw[f])) return false;
  return true;
}

/**
 * Validates one objective row. A blank row is fine (not assessed). Returns the typed entry (blank
 * or unreadable cells as null) and every issue, each with a message in every supported language.
 * Never changes the input.
 */
export function validateEntry(raw: RawEntry): { entry: Entry; issues: EntryIssue[] } {
  if (isBlankEntry(raw)) return { entry: BLANK_ENTRY, issues: [] };
  const reads = new Array<Read<unknown>>(READERS.length);
  for (let i = 0; i < READERS.length; i++) reads[i] = READERS[i]!(raw[ENTRY_FIELDS[i]!] ?? null);
  return entryOf(reads);
}

/** Every issue's message of a row in one language, joined; "" when the row is valid (what LIAT.CHECK shows). */
export function checkMessage(raw: RawEntry, lang: Lang): string {
  const { issues } = validateEntry(raw);
  if (issues.length === 0) return "";
  return issues.map((i) => i.message[lang]).join(" ");
}
