/**
 * Reading the irregular reference strings of the LIAT table (seed 000) into normalized references to
 * the Global Compact on Refugees (GCR) and the Global Compact for Migration (GCM).
 *
 * What the source writes, and how it is read:
 * - pieces are separated by ";" or "<br>";
 * - GCM: "Obj 3:19e", "15:31h" (objective:paragraph item), "Obj 5" (objective only), "Obj 16 f)"
 *   (objective and item), "GCM 15 f)", "MCG 19" ("MCG" is the source's spelling of GCM);
 * - GCR: "Programme A<br>23,32" (part A of the programme of action, paragraphs 23 and 32),
 *   "Section 3.2 du CCR, Paragraphe 42", "RMC, Par 71".
 * In the GCM, objective n is paragraph n + 16 (objectives 1-23 are paragraphs 17-39). A paragraph
 * that the source omits is derived from the objective (paragraphInferred). Whenever a reading is
 * an interpretation (a typo, a bare number that could be an objective or a paragraph, a paragraph
 * that does not match its objective, an unknown acronym), the reference is flagged uncertain with a
 * note, and the numbers are kept as the source wrote them rather than silently corrected.
 */
import type { Compact, Reference } from "./catalogueTypes";

/** GCM objectives are numbered 1 to 23; objective n is paragraph n + 16. */
export const GCM_OBJECTIVE_COUNT = 23;
export const GCM_PARAGRAPH_OFFSET = 16;

/** Acronyms met in reference strings, and the compact each one is read as. */
const ACRONYMS: Readonly<Record<string, { compact: Compact; note?: string; uncertain?: true }>> = {
  GCM: { compact: "GCM" },
  PMM: { compact: "GCM" },
  MCG: { compact: "GCM", note: '"MCG" read as GCM' },
  GCR: { compact: "GCR" },
  PMR: { compact: "GCR" },
  CCR: { compact: "GCR", note: '"CCR" read as the GCR' },
  RMC: {
    compact: "GCR",
    uncertain: true,
    note: '"RMC" is not an acronym of either compact; read as the GCR because it is in the GCR column',
  },
};

const ACRONYM_ALTERNATION = Object.keys(ACRONYMS).join("|");
const ACRONYM_RE = new RegExp(`\\b(${ACRONYM_ALTERNATION})\\b`, "gi");
const LEADING_ACRONYM_RE = new RegExp(`^(${ACRONYM_ALTERNATION})\\b[\\s,.:]*`, "i");
const OBJ_RE = /^(?:obj(?:ectif|ective)?s?)\.?\s*/i;

/** Splits a cell into its pieces: on ";" and "<br>", markup removed, blanks dropped. */
export function splitReferenceText(raw: string): string[] {
  return raw
    .split(/<br\s*\/?>|;|\r?\n/i)
    .map((piece) =>
      piece
        .replace(/<[^>]*>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((piece) => piece.length > 0);
}

/** The source's cell text as one line: "<br>" (with any ";" next to it) becomes "; ". */
export function flattenReferenceCell(raw: string): string {
  return splitReferenceText(raw).join("; ");
}

function gcmLabel(objective: number | undefined, paragraph: number | undefined, item: string | undefined): string {
  const it = item ?? "";
  if (objective !== undefined && paragraph !== undefined) return `GCM ${objective} ¶${paragraph}${it}`;
  if (objective !== undefined) return `GCM ${objective}${it ? ` ${it})` : ""}`;
  if (paragraph !== undefined) return `GCM ¶${paragraph}${it}`;
  return "GCM";
}

function gcrLabel(section: string | undefined, paragraph: number | undefined): string {
  if (paragraph !== undefined) return `GCR ¶${paragraph}`;
  if (section !== undefined) return /^[A-Z]$/.test(section) ? `GCR programme ${section}` : `GCR section ${section}`;
  return "GCR";
}

function build(
  fields: Omit<Reference, "uncertain" | "note" | "label"> & { label: string },
  notes: string[],
  uncertain: boolean,
): Reference {
  const ref: Reference = { ...fields, uncertain };
  for (const key of Object.keys(ref) as (keyof Reference)[]) {
    if (ref[key] === undefined) delete ref[key];
  }
  if (uncertain && notes.length > 0) ref.note = notes.join("; ");
  return ref;
}

function unreadable(compact: Compact, piece: string): Reference {
  return {
    compact,
    label: `${compact} ${piece}`,
    uncertain: true,
    note: `could not be read as a ${compact} reference; kept as written`,
    raw: piece,
  };
}

/** Notes and flags about the acronym a piece names, checked against the column's compact. */
function acronymRemarks(compact: Compact, piece: string): { notes: string[]; uncertain: boolean } {
  const notes: string[] = [];
  let uncertain = false;
  for (const match of piece.matchAll(ACRONYM_RE)) {
    const acronym = (match[1] as string).toUpperCase();
    const info = ACRONYMS[acronym];
    if (info === undefined) continue;
    if (info.compact !== compact) {
      notes.push(`"${match[1]}" names the ${info.compact} in the ${compact} column; read as the ${compact}`);
      uncertain = true;
    } else if (info.note !== undefined) {
      notes.push(info.note);
      if (info.uncertain) uncertain = true;
    }
  }
  return { notes, uncertain };
}

interface GcmContext {
  /** The previous piece named an objective explicitly ("Obj 20"), so a bare number may continue it. */
  afterExplicitObjective: boolean;
}

function parseGcmPiece(piece: string, ctx: GcmContext): Reference {
  const remarks = acronymRemarks("GCM", piece);
  const notes = [...remarks.notes];
  let uncertain = remarks.uncertain;
  let text = piece.replace(LEADING_ACRONYM_RE, "");
  const explicitObjective = OBJ_RE.test(text);
  text = text.replace(OBJ_RE, "").trim();

  // objective:paragraph item, e.g. "3:19e", "17-:33f", "3 ¶19e", "1 (¶17d)"
  const full = /^(\d{1,2})\s*(-\s*)?(?::|\(?\s*¶)\s*(\d{1,2})\s*([a-z])?\s*\)?$/i.exec(text);
  if (full) {
    const objective = Number(full[1]);
    const paragraph = Number(full[3]);
    const item = full[4]?.toLowerCase();
    if (full[2] !== undefined) {
      uncertain = true;
      const consistent = paragraph === objective + GCM_PARAGRAPH_OFFSET;
      notes.push(
        `stray hyphen in "${piece}" read as ":" (objective ${objective}, ¶${paragraph}${item ?? ""})` +
          (consistent ? `; ${objective} + 16 = ${paragraph} is consistent` : ""),
      );
    }
    if (objective < 1 || objective > GCM_OBJECTIVE_COUNT) {
      uncertain = true;
      notes.push(`the GCM has no objective ${objective} (objectives are 1-23)`);
    } else if (paragraph !== objective + GCM_PARAGRAPH_OFFSET) {
      uncertain = true;
      notes.push(
        `paragraph ${paragraph} does not match objective ${objective} (expected ¶${objective + GCM_PARAGRAPH_OFFSET}); kept as written`,
      );
    }
    ctx.afterExplicitObjective = explicitObjective;
    return build(
      { compact: "GCM", objective, paragraph, item, label: gcmLabel(objective, paragraph, item), raw: piece },
      notes,
      uncertain,
    );
  }

  // paragraph only, e.g. "¶33f"
  const para = /^[¶§]\s*(\d{1,2})\s*([a-z])?\s*\)?$/i.exec(text);
  if (para) {
    const paragraph = Number(para[1]);
    const item = para[2]?.toLowerCase();
    const derived = paragraph - GCM_PARAGRAPH_OFFSET;
    const objective = derived >= 1 && derived <= GCM_OBJECTIVE_COUNT ? derived : undefined;
    ctx.afterExplicitObjective = false;
    return build(
      { compact: "GCM", objective, paragraph, item, label: gcmLabel(objective, paragraph, item), raw: piece },
      notes,
      uncertain,
    );
  }

  // a number, maybe with an item letter: "5", "16 f)", "15 f)", "19"
  const num = /^(\d{1,2})\s*(?:([a-z])\s*\)?)?$/i.exec(text);
  if (num) {
    const n = Number(num[1]);
    const item = num[2]?.toLowerCase();
    const carried = !explicitObjective && ctx.afterExplicitObjective;
    ctx.afterExplicitObjective = explicitObjective || carried;
    if (!explicitObjective && !carried && n > GCM_OBJECTIVE_COUNT) {
      // Too large for an objective: a paragraph.
      const derived = n - GCM_PARAGRAPH_OFFSET;
      const objective = derived >= 1 && derived <= GCM_OBJECTIVE_COUNT ? derived : undefined;
      notes.push(`"${piece}" is too large for an objective; read as paragraph ${n}`);
      return build(
        { compact: "GCM", objective, paragraph: n, item, label: gcmLabel(objective, n, item), raw: piece },
        notes,
        true,
      );
    }
    if (n < 1 || n > GCM_OBJECTIVE_COUNT) {
      return unreadable("GCM", piece);
    }
    const paragraph = n + GCM_PARAGRAPH_OFFSET;
    if (carried) {
      uncertain = true;
      notes.push(`bare "${n}" after an "Obj" reference read as objective ${n} (¶${paragraph}), not paragraph ${n}`);
    } else if (!explicitObjective) {
      uncertain = true;
      notes.push(
        `"${piece}" could be objective ${n} or paragraph ${n}; read as objective ${n}, paragraph ${paragraph} derived`,
      );
    }
    return build(
      {
        compact: "GCM",
        objective: n,
        paragraph,
        item,
        paragraphInferred: true,
        label: gcmLabel(n, paragraph, item),
        raw: piece,
      },
      notes,
      uncertain,
    );
  }

  ctx.afterExplicitObjective = false;
  return unreadable("GCM", piece);
}

interface GcrContext {
  /** A section or programme part named by a piece that gave no paragraph ("Programme A"). */
  section?: string;
  /** Raw text of that piece, kept in the references it introduces. */
  sectionRaw?: string;
  /** Whether a later piece has used the pending section. */
  sectionUsed: boolean;
}

type GcrPiece = { kind: "refs"; refs: Reference[] } | { kind: "section"; section: string };

function parseGcrPiece(piece: string, ctx: GcrContext): GcrPiece {
  const remarks = acronymRemarks("GCR", piece);
  let rest = piece.replace(ACRONYM_RE, " ");

  let section: string | undefined;
  const sectionMatch = /\bsection\s+(\d+(?:\.\d+)*)/i.exec(rest);
  const programmeMatch = /\bprogramme(?:\s+d['’]action)?(?:\s+partie)?\s+([A-Z])\b/i.exec(rest);
  if (sectionMatch) {
    section = sectionMatch[1];
    rest = rest.replace(sectionMatch[0], " ");
  } else if (programmeMatch) {
    section = (programmeMatch[1] as string).toUpperCase();
    rest = rest.replace(programmeMatch[0], " ");
  }

  rest = rest
    .replace(/\b(?:paragraphes?|paragraphs?|para?s?)\b\.?/gi, " ")
    .replace(/[¶§]/g, " ")
    .replace(/\b(?:du|de|la|le|of|the|et|and)\b/gi, " ");
  const numbers = [...rest.matchAll(/\d+/g)].map((m) => Number(m[0]));
  const leftover = rest.replace(/\d+/g, " ").replace(/[\s,.:()'’-]+/g, "");
  if (leftover.length > 0 || (numbers.length === 0 && section === undefined)) {
    return { kind: "refs", refs: [unreadable("GCR", piece)] };
  }
  if (numbers.length === 0) return { kind: "section", section: section as string };

  let raw = piece;
  if (section === undefined && ctx.section !== undefined) {
    section = ctx.section;
    raw = `${ctx.sectionRaw}; ${piece}`;
    ctx.sectionUsed = true;
  }
  return {
    kind: "refs",
    refs: numbers.map((paragraph) =>
      build(
        { compact: "GCR", paragraph, section, label: gcrLabel(section, paragraph), raw },
        [...remarks.notes],
        remarks.uncertain,
      ),
    ),
  };
}

/** A reference to a section alone, for a section piece that no paragraph followed. */
function sectionOnly(ctx: GcrContext): Reference[] {
  if (ctx.section === undefined || ctx.sectionUsed) return [];
  const remarks = acronymRemarks("GCR", ctx.sectionRaw ?? "");
  return [
    build(
      { compact: "GCR", section: ctx.section, label: gcrLabel(ctx.section, undefined), raw: ctx.sectionRaw },
      remarks.notes,
      remarks.uncertain,
    ),
  ];
}

/**
 * Reads one reference cell of the LIAT table. `compact` is the column the cell comes from.
 * Returns the references in source order; an empty cell gives []. Pieces that cannot be read are
 * kept as uncertain references whose label is the source text, so nothing is lost.
 */
export function parseReferences(compact: Compact, raw: string): Reference[] {
  if (typeof raw !== "string") return [];
  const pieces = splitReferenceText(raw);
  const refs: Reference[] = [];
  if (compact === "GCM") {
    const ctx: GcmContext = { afterExplicitObjective: false };
    for (const piece of pieces) refs.push(parseGcmPiece(piece, ctx));
    return refs;
  }
  const ctx: GcrContext = { sectionUsed: false };
  for (const piece of pieces) {
    const result = parseGcrPiece(piece, ctx);
    if (result.kind === "section") {
      refs.push(...sectionOnly(ctx));
      ctx.section = result.section;
      ctx.sectionRaw = piece;
      ctx.sectionUsed = false;
    } else {
      refs.push(...result.refs);
    }
  }
  refs.push(...sectionOnly(ctx));
  return refs;
}

/**
 * References as one line of text.
 * - default: the labels joined by "; " ("GCM 3 ¶19e; GCM 10 ¶26j");
 * - compact: consecutive references to the same compact share its name ("GCM 3 ¶19e, 10 ¶26j").
 */
export function formatReferences(refs: readonly Reference[], compact = false): string {
  if (!compact) return refs.map((r) => r.label).join("; ");
  const groups: string[] = [];
  let current: Compact | undefined;
  let parts: string[] = [];
  const flush = (): void => {
    if (current !== undefined && parts.length > 0) groups.push(`${current} ${parts.join(", ")}`);
    parts = [];
  };
  for (const ref of refs) {
    if (ref.compact !== current) {
      flush();
      current = ref.compact;
    }
    const prefix = `${ref.compact} `;
    parts.push(ref.label.startsWith(prefix) ? ref.label.slice(prefix.length) : ref.label);
  }
  flush();
  return groups.join("; ");
}
