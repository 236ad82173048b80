import fc from "fast-check";
import {
  validateEntry,
  ENTRY_FIELDS,
  checkMessage,
  entrySchema,
  isBlankEntry,
  type RawEntry,
} from "../../src/core/entrySchema";
import { isoDateToSerial } from "../../src/core/dates";

const keys = (raw: RawEntry) => validateEntry(raw).issues.map((i) => `${i.field}:${i.key}`);
const d = (iso: string) => isoDateToSerial(iso)!;

describe("entry schema", () => {
  it("a blank row is fine: not assessed", () => {
    expect(keys({})).toEqual([]);
    expect(keys({ status: "", comments: "  " })).toEqual([]);
  });
  it("a complete row is valid and typed", () => {
    const { entry, issues } = validateEntry({
      status: "Mis en œuvre",
      responsible: "Service social",
      partners: "ONG X",
      targetGroups: "réfugiés; host community",
      start: d("2024-01-01"),
      end: d("2024-12-31"),
      budget: 12000.5,
      currency: "eur",
      beneficiaries: 340,
      evidence: "https://example.org/rapport.pdf",
      comments: "",
    });
    expect(issues).toEqual([]);
    expect(entry.status).toEqual({ kind: "level", level: 3, points: 75 });
    expect(entry.targetGroups).toEqual(["refugees", "host"]);
    expect(entry.currency).toBe("EUR");
    expect(entry.budget).toBe(12000.5);
  });
  it("status is required once any other entry cell is filled", () => {
    expect(keys({ partners: "x" })).toEqual(["status:statusRequired"]);
  });
  it("responsible from Planned up, evidence from Implemented up", () => {
    expect(keys({ status: "Not started" })).toEqual([]);
    expect(keys({ status: "Planned" })).toEqual(["responsible:responsibleRequired"]);
    expect(keys({ status: "Sustained", responsible: "X" })).toEqual(["evidence:evidenceRequired"]);
    expect(keys({ status: "N/A" })).toEqual([]);
  });
  it("unknown status lists the allowed labels in both languages", () => {
    const { issues } = validateEntry({ status: "Done" });
    expect(issues[0]!.key).toBe("statusInvalid");
    expect(issues[0]!.message.fr).toContain("Pérennisé");
    expect(issues[0]!.message.en).toContain("Sustained");
  });
  it("responsible at most 255 characters; 32,767-character comments are fine", () => {
    expect(keys({ status: "Planned", responsible: "x".repeat(256) })).toEqual(["responsible:textTooLong"]);
    expect(keys({ status: "Not started", comments: "y".repeat(32767) })).toEqual([]);
    expect(keys({ status: "Not started", comments: "y".repeat(32768) })).toEqual(["comments:textTooLong"]);
  });
  it("dates: serial numbers are dates, text is flagged, End not before Start", () => {
    expect(keys({ status: 0, start: d("2024-03-01"), end: d("2024-02-01") })).toEqual(["end:endBeforeStart"]);
    expect(keys({ status: 0, start: "2024-03-01" })).toEqual(["start:dateAsText"]);
    expect(keys({ status: 0, start: "31/03/2024" })).toEqual(["start:dateAsText"]);
    expect(keys({ status: 0, start: "soon" })).toEqual(["start:dateInvalid"]);
    expect(keys({ status: 0, start: -5 })).toEqual(["start:dateInvalid"]);
    expect(keys({ status: 0, start: true })).toEqual(["start:dateInvalid"]);
    const msg = validateEntry({ status: 0, start: d("2024-03-01"), end: d("2024-02-01") }).issues[0]!.message.en;
    expect(msg).toContain("2024-02-01");
    expect(msg).toContain("2024-03-01");
  });
  it("budget needs a currency; numbers as text are flagged", () => {
    expect(keys({ status: 0, budget: 100 })).toEqual(["currency:currencyRequired"]);
    expect(keys({ status: 0, budget: -1, currency: "EUR" })).toEqual(["budget:numberNegative"]);
    expect(keys({ status: 0, budget: "1 000", currency: "EUR" })).toEqual(["budget:numberAsText"]);
    expect(keys({ status: 0, budget: 5, currency: "EURO" })).toEqual(["currency:currencyInvalid"]);
    expect(keys({ status: 0, beneficiaries: 2.5 })).toEqual(["beneficiaries:wholeNumberExpected"]);
    expect(keys({ status: 0, beneficiaries: -3 })).toEqual(["beneficiaries:wholeNumberExpected"]);
  });
  it("row rules still apply when another cell is invalid", () => {
    expect(keys({ status: "Planned", budget: 5, beneficiaries: "many" })).toEqual([
      "responsible:responsibleRequired",
      "currency:currencyRequired",
      "beneficiaries:numberExpected",
    ]);
    expect(keys({ budget: "x" })).toEqual(["status:statusRequired", "budget:numberExpected"]);
  });
  it("target groups: each item known, in either language", () => {
    expect(keys({ status: 0, targetGroups: "migrants;refugees; sans-papiers" })).toEqual([]);
    expect(keys({ status: 0, targetGroups: "migrants; aliens" })).toEqual(["targetGroups:targetGroupUnknown"]);
  });
  it("Excel error values are flagged in every column", () => {
    for (const f of ENTRY_FIELDS) {
      const raw: RawEntry = { status: "Not started", [f]: "#DIV/0!" };
      expect(validateEntry(raw).issues.some((i) => i.field === f && i.key === "excelError")).toBe(true);
    }
  });
  it("markup and formula-looking text are plain text, links must be safe", () => {
    expect(keys({ status: 0, comments: "<script>alert(1)</script>", partners: '=HYPERLINK("x")' })).toEqual([]);
    expect(keys({ status: "Implemented", responsible: "X", evidence: "javascript:alert(1)" })).toEqual([
      "evidence:evidenceLink",
    ]);
    // after the spaces the native check folds, in any case; a scheme with a space in it is no scheme
    for (const evidence of [" \u00a0\t\nJavaScript:x", "\u202fDATA:text/html,x", "  file:///c"])
      expect(keys({ status: "Implemented", responsible: "X", evidence })).toEqual(["evidence:evidenceLink"]);
    for (const evidence of ["java script:x", "\u2003javascript:x", "https://example.org", "x javascript:y"])
      expect(keys({ status: "Implemented", responsible: "X", evidence })).toEqual([]);
  });
  it("never changes its input", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...ENTRY_FIELDS),
          fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)),
        ),
        (raw) => {
          const copy = JSON.parse(JSON.stringify(raw));
          validateEntry(raw as RawEntry);
          expect(JSON.parse(JSON.stringify(raw))).toEqual(copy);
        },
      ),
    );
  });
  it("never throws and gives a message in both languages for every issue", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...ENTRY_FIELDS),
          fc.oneof(
            fc.string().filter((s) => !s.includes("{")),
            fc.double(),
            fc.integer(),
            fc.boolean(),
            fc.constant(null),
          ),
        ),
        (raw) => {
          for (const i of validateEntry(raw as RawEntry).issues) {
            expect(i.message.fr.length).toBeGreaterThan(0);
            expect(i.message.en.length).toBeGreaterThan(0);
            expect(i.message.fr).not.toMatch(/\{\w+\}/);
          }
        },
      ),
    );
  });
  it("validates a row as the zod schema does: the same entry and the same issues, in the same order", () => {
    const issuesOf = (r: ReturnType<typeof validateEntry>) =>
      r.issues.map((i) => ({ field: i.field, key: i.key, severity: i.severity, message: i.message }));
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...ENTRY_FIELDS),
          fc.oneof(
            fc.string(),
            fc.constantFrom("Planned", "En cours", "#N/A", "EUR", "javascript:x", "2024-01-01", "1 000", "Migrants"),
            fc.double(),
            fc.integer({ min: -10, max: 60_000 }),
            fc.boolean(),
            fc.constant(null),
          ),
        ),
        (raw) => {
          const cells = Object.fromEntries(ENTRY_FIELDS.map((f) => [f, (raw as RawEntry)[f] ?? null]));
          // a blank row is fine without reading it (validateEntry), so only rows holding something compare
          fc.pre(!isBlankEntry(raw as RawEntry));
          const fast = validateEntry(raw as RawEntry);
          const schema = entrySchema.parse(cells);
          expect(fast.entry).toEqual(schema.entry);
          expect(issuesOf(fast)).toEqual(issuesOf(schema));
        },
      ),
      { numRuns: 500 },
    );
  });
  it("checkMessage joins messages in one language", () => {
    expect(checkMessage({ status: "Planned" }, "fr")).toContain("service responsable");
    expect(checkMessage({ status: "Not started" }, "en")).toBe("");
  });
});
