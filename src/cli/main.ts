/**
 * The LIAT command line: `liat init`, `liat check`, `liat summary`, `liat merge`. Over src/core
 * (layout, validation, scoring, consolidation) and ExcelJS (src/cli/readWorkbook, writeWorkbook).
 */
import { existsSync, rmSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { compareStatuses, type ObjectiveMove } from "../core/compare";
import { checkWorkbook, Consolidator, unreadableMessage, type CheckedWorkbook } from "../core/consolidate";
import { DOMAINS } from "../core/domains";
import { isLang, langFromLocale, type Lang } from "../core/language";
import type { MessageParams } from "../core/messages";
import { RATING_BANDS, ratingLabel } from "../core/rating";
import { NOT_APPLICABLE_LABEL, STATUS_SCALE } from "../core/status";
import type { UnreadableReason } from "../core/workbookReader";
import { readWorkbookFile } from "./readWorkbook";
import { t } from "./text";
import { openConsolidationOutput, type FailedOutput } from "./consolidationWriterThread";
import { ConsolidationJsonWriter, type ConsolidationOutput } from "./writeConsolidation";
import { roundScore } from "../core/scoreDisplay";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes: 0 fine, 1 the checked workbook has errors, 2 usage error or unreadable file. */
const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

const nodeIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});

class UsageError extends Error {}

/** Language from the environment (LC_ALL, LC_MESSAGES, LANG), else English. */
const envLang = (env: Io["env"]): Lang => langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);

/** Language from --lang, else from the environment. */
function pickLang(option: string | undefined, env: Io["env"]): Lang {
  if (option === undefined) return envLang(env);
  if (!isLang(option)) throw new UsageError(t("badLang", envLang(env), { value: option }));
  return option;
}

/** Options every command takes. */
const COMMON = { lang: { type: "string" }, help: { type: "boolean", short: "h" } } as const;
/** Options of the commands that write a file. */
const OUTPUT = { output: { type: "string", short: "o" }, force: { type: "boolean" } } as const;

const pct = (v: number | null, lang: Lang) => (v === null ? "" : t("percentValue", lang, { value: v }));
// the one display rule for scores (src/core/scoreDisplay.ts): rounded as the cover's "0.0", one decimal
const num = (v: number | null, lang: Lang) => (v === null ? "" : t("scoreValue", lang, { value: roundScore(v) }));
const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s + " ".repeat(n - s.length));

function unreadableText(file: string, reason: UnreadableReason, lang: Lang, params?: MessageParams): string {
  return t("cannotRead", lang, { file, reason: unreadableMessage(reason, params)[lang] });
}

/** Refuses to write over an existing file without --force. */
function checkOutput(path: string, shown: string, force: boolean | undefined, lang: Lang): void {
  if (existsSync(path) && !force) throw new UsageError(t("outputExists", lang, { value: shown }));
}

async function writeOutput(path: string, shown: string, data: string | Uint8Array, lang: Lang): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    throw new UsageError(t("cannotWrite", lang, { file: shown, reason: e instanceof Error ? e.message : String(e) }));
  }
}

async function cmdInit(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, ...OUTPUT, city: { type: "string" }, period: { type: "string" } },
    allowPositionals: false,
  });
  const lang = pickLang(values.lang, io.env);
  if (values.help) return help(io, t("initHelp", lang));
  const out = values.output ?? "LIAT.xlsx";
  const path = resolve(io.cwd, out);
  checkOutput(path, out, values.force, lang);
  // ExcelJS is loaded only by the command that needs it: the others start without it.
  const { writeLiatWorkbook } = await import("./writeWorkbook");
  const bytes = await writeLiatWorkbook({ lang, city: values.city, period: values.period });
  await writeOutput(path, out, bytes, lang);
  io.stdout(`${t("written", lang, { value: out })}\n`);
  return EXIT.ok;
}

/** What check and summary share: one file, read and checked, or the exit code to return now. */
async function checkedFile(args: string[], io: Io, helpKey: "checkHelp" | "summaryHelp") {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, json: { type: "boolean" } },
    allowPositionals: true,
  });
  const lang = pickLang(values.lang, io.env);
  if (values.help) return help(io, t(helpKey, lang));
  if (positionals.length !== 1) throw new UsageError(t("oneFile", lang));
  const file = positionals[0]!;
  const read = await readWorkbookFile(resolve(io.cwd, file), file);
  const checked = read.ok ? checkWorkbook(read.workbook) : null;
  if (checked === null) {
    io.stderr(
      `${unreadableText(file, read.ok ? "noLiatTable" : read.reason, lang, read.ok ? undefined : read.params)}\n`,
    );
    return EXIT.usage;
  }
  return { file, checked, lang, json: values.json === true };
}

/** The last line of check and summary: no issues, or how many errors and warnings. */
function countsLine(checked: CheckedWorkbook, lang: Lang): string {
  return checked.issues.length === 0
    ? t("noIssues", lang)
    : t("counts", lang, {
        errors: t("errors", lang, { count: checked.errors }),
        warnings: t("warnings", lang, { count: checked.warnings }),
      });
}

async function cmdCheck(args: string[], io: Io): Promise<number> {
  const c = await checkedFile(args, io, "checkHelp");
  if (typeof c === "number") return c;
  const { file, checked, lang } = c;
  if (c.json) {
    io.stdout(
      `${JSON.stringify(
        {
          file,
          city: checked.settings.city,
          period: checked.settings.period,
          errors: checked.errors,
          warnings: checked.warnings,
          issues: checked.issues.map((i) => ({
            sheet: i.sheet,
            address: i.address,
            code: i.code,
            field: i.field,
            key: i.key,
            severity: i.severity,
            message: i.message[lang],
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    for (const i of checked.issues) {
      io.stdout(`${i.sheet}!${i.address}\t${t(i.severity, lang)}\t${i.code}\t${i.message[lang]}\n`);
    }
    io.stdout(`${countsLine(checked, lang)}\n`);
  }
  return checked.errors > 0 ? EXIT.errors : EXIT.ok;
}

async function cmdSummary(args: string[], io: Io): Promise<number> {
  const c = await checkedFile(args, io, "summaryHelp");
  if (typeof c === "number") return c;
  const { file, checked, lang } = c;
  const s = checked.summary;
  if (c.json) {
    io.stdout(
      `${JSON.stringify(
        {
          file,
          city: checked.settings.city,
          period: checked.settings.period,
          lang: checked.settings.lang,
          schemaVersion: checked.settings.schemaVersion,
          errors: checked.errors,
          warnings: checked.warnings,
          summary: s,
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const none = t("none", lang);
  const names = s.domains.map((d) => `${d.domain} ${DOMAINS.find((x) => x.id === d.domain)!.name[lang]}`);
  const w = Math.max(t("summaryHeader", lang).length, ...names.map((x) => x.length)) + 2;
  // Column widths fit the labels of the language (a score is at most 6 characters, e.g. "100,0").
  const ws = Math.max(t("score", lang).length, 6) + 2;
  const wr = Math.max(t("rating", lang).length, ...RATING_BANDS.map((b) => b.label[lang].length)) + 2;
  const line = (
    label: string,
    g: { score: number | null; assessed: number; applicable: number; coverage: number | null },
  ) =>
    `${pad(label, w)}${pad(num(g.score, lang), ws)}${pad(ratingLabel(g.score, lang), wr)}${g.assessed}/${g.applicable} ${pct(g.coverage, lang)}`;
  const lines = [
    t("fileLine", lang, { file, city: checked.settings.city || none, period: checked.settings.period || none }),
    "",
    `${pad(t("summaryHeader", lang), w)}${pad(t("score", lang), ws)}${pad(t("rating", lang), wr)}${t("coverage", lang)}`,
    ...s.domains.map((d, i) => line(names[i]!, d)),
    line(t("overall", lang), s.overall),
    "",
    countsLine(checked, lang),
  ];
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** A status in a comparison: its label in the message language, "not assessed" for blank. */
function statusText(s: ObjectiveMove["old"], lang: Lang): string {
  return s === null ? t("notAssessed", lang) : s === "na" ? NOT_APPLICABLE_LABEL[lang] : STATUS_SCALE[s]!.label[lang];
}

const signed = (v: number | null, lang: Lang) => (v === null ? "" : `${v > 0 ? "+" : ""}${num(v, lang)}`);

async function cmdCompare(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, json: { type: "boolean" } },
    allowPositionals: true,
  });
  const lang = pickLang(values.lang, io.env);
  if (values.help) return help(io, t("compareHelp", lang));
  if (positionals.length !== 2) throw new UsageError(t("twoFiles", lang));
  const sides: CheckedWorkbook[] = [];
  for (const file of positionals) {
    const read = await readWorkbookFile(resolve(io.cwd, file), file);
    const checked = read.ok ? checkWorkbook(read.workbook) : null;
    if (checked === null) {
      io.stderr(`${unreadableText(file, read.ok ? "noLiatTable" : read.reason, lang)}\n`);
      return EXIT.usage;
    }
    sides.push(checked);
  }
  const [before, after] = sides as [CheckedWorkbook, CheckedWorkbook];
  const entries = (c: CheckedWorkbook) =>
    c.rows.filter((r) => r.counted).map((r) => ({ code: r.code, status: r.values.status }));
  const c = compareStatuses(entries(before), entries(after));
  const file = (w: CheckedWorkbook, shown: string) => ({
    file: shown,
    city: w.settings.city,
    period: w.settings.period,
    lang: w.settings.lang,
  });
  if (values.json) {
    const out = { old: file(before, positionals[0]!), new: file(after, positionals[1]!), ...c };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const none = t("none", lang);
  const names = c.domains.map((d) => `${d.domain} ${DOMAINS.find((x) => x.id === d.domain)!.name[lang]}`);
  const w = Math.max(t("summaryHeader", lang).length, ...names.map((x) => x.length)) + 2;
  const line = (label: string, g: (typeof c)["overall"]) =>
    `${pad(label, w)}${pad(num(g.old.score, lang), 8)}${pad(num(g.new.score, lang), 8)}${pad(signed(g.change, lang), 10)}${pct(g.old.coverage, lang) || none} → ${pct(g.new.coverage, lang) || none}`;
  const moves = (key: "wentUp" | "wentDown" | "becameAssessed" | "stoppedAssessed", list: ObjectiveMove[]) => [
    t(key, lang, { count: list.length }),
    ...list.map((m) => `  ${m.code}\t${statusText(m.old, lang)} → ${statusText(m.new, lang)}`),
  ];
  const lines = [
    t("oldLine", lang, {
      file: positionals[0]!,
      city: before.settings.city || none,
      period: before.settings.period || none,
    }),
    t("newLine", lang, {
      file: positionals[1]!,
      city: after.settings.city || none,
      period: after.settings.period || none,
    }),
    "",
    `${pad(t("summaryHeader", lang), w)}${pad(t("before", lang), 8)}${pad(t("after", lang), 8)}${pad(t("change", lang), 10)}${t("coverage", lang)}`,
    ...c.domains.map((d, i) => line(names[i]!, d)),
    line(t("overall", lang), c.overall),
    "",
    ...moves("wentUp", c.up),
    ...moves("wentDown", c.down),
    ...moves("becameAssessed", c.becameAssessed),
    ...moves("stoppedAssessed", c.stoppedAssessed),
  ];
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** Every how many files merge reports progress (and at the end), when there are at least as many. */
const PROGRESS_EVERY = 25;

/** Files a directory given to merge holds that are taken as inputs (the reader says why any cannot be read). */
const WORKBOOK_FILE = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods)$/i;

/** A file the merge reads: its path and the name shown for it. */
interface Input {
  shown: string;
  path: string;
}

/**
 * The inputs of merge: each argument is a file, a directory (its workbook files, sorted, sub-directories
 * included) or `@list.txt` (a file listing one input per line, relative to the current directory;
 * blank lines and lines starting with # are skipped), so that thousands of files never meet the
 * shell's argument limit.
 */
async function mergeInputs(args: readonly string[], io: Io, lang: Lang): Promise<Input[]> {
  const out: Input[] = [];
  const add = async (shown: string) => {
    const path = resolve(io.cwd, shown);
    let isDirectory = false;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      // missing: listed as not found by the reader
    }
    if (!isDirectory) return void out.push({ shown, path });
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && WORKBOOK_FILE.test(e.name) && !e.name.startsWith("~$"))
      .map((e) => join(relative(path, e.parentPath ?? e.path), e.name))
      .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const f of files) out.push({ shown: join(shown, f), path: join(path, f) });
  };
  for (const arg of args) {
    if (!arg.startsWith("@")) {
      await add(arg);
      continue;
    }
    const listPath = resolve(io.cwd, arg.slice(1));
    let text: string;
    try {
      text = await readFile(listPath, "utf8");
    } catch (e) {
      throw new UsageError(t("cannotRead", lang, { file: arg.slice(1), reason: e instanceof Error ? e.message : "" }));
    }
    for (const line of text.split(/\r?\n/)) {
      const name = line.trim();
      if (name !== "" && !name.startsWith("#")) await add(name);
    }
  }
  return out;
}

async function cmdMerge(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON, ...OUTPUT, json: { type: "string" } },
    allowPositionals: true,
  });
  const lang = pickLang(values.lang, io.env);
  if (values.help) return help(io, t("mergeHelp", lang));
  if (positionals.length === 0) throw new UsageError(t("noFiles", lang));
  if (values.output === undefined) throw new UsageError(t("outputRequired", lang));
  const outputs = [values.output, values.json]
    .filter((x): x is string => x !== undefined)
    .map((shown) => ({ shown, path: resolve(io.cwd, shown) }));
  if (outputs.length === 2 && outputs[0]!.path === outputs[1]!.path)
    throw new UsageError(t("outputsSame", lang, { value: outputs[1]!.shown }));
  const inputs = await mergeInputs(positionals, io, lang);
  if (inputs.length === 0) throw new UsageError(t("noFiles", lang));
  for (const out of outputs) {
    if (inputs.some((p) => p.path === out.path)) throw new UsageError(t("outputIsInput", lang, { value: out.shown }));
    checkOutput(out.path, out.shown, values.force, lang);
  }
  const [xlsx, json] = outputs;
  let workbook: ConsolidationOutput;
  let jsonWriter: ConsolidationJsonWriter | undefined;
  const cannotWrite = (file: string, e: unknown) => {
    const message = (e as { message?: unknown } | null)?.message;
    return new UsageError(t("cannotWrite", lang, { file, reason: typeof message === "string" ? message : String(e) }));
  };
  try {
    workbook = openConsolidationOutput(xlsx!.path, lang);
  } catch (e) {
    throw cannotWrite(xlsx!.shown, e);
  }
  try {
    jsonWriter =
      json === undefined ? undefined : new ConsolidationJsonWriter(json.path, (fd) => workbook.fileBytes?.(fd));
  } catch (e) {
    // nothing written is left behind: the workbook just begun is removed
    workbook.close();
    rmSync(xlsx!.path, { force: true });
    throw cannotWrite(json!.shown, e);
  }
  // Rows, summaries and cells not merged go to the writers as each file is merged: nothing grows with the file count.
  // An output that cannot be written (a full disk) stops the merge: it is no fault of the file being merged.
  /** The file an error could not write: the one the workbook's thread names, else the one being written. */
  const failedFile = (e: unknown, file: string) => {
    const output = (e as Partial<FailedOutput> | null)?.output;
    return output === "workbook" ? xlsx!.shown : output === "other" ? json!.shown : file;
  };
  /** Closes both outputs after a failure to write `file`; the error to throw. */
  const abandon = (file: string, e: unknown) => {
    workbook.close();
    jsonWriter?.abort();
    return cannotWrite(failedFile(e, file), e);
  };
  const writeFailure: { error?: unknown; file?: string } = {};
  const writing = (file: string, write: () => void) => {
    try {
      write();
    } catch (e) {
      if (!("error" in writeFailure)) Object.assign(writeFailure, { error: e, file });
      throw e;
    }
  };
  const consolidator = new Consolidator(
    (rows) => {
      writing(xlsx!.shown, () => workbook.addRows(rows));
      if (jsonWriter) writing(json!.shown, () => jsonWriter!.addRows(rows));
    },
    (source, notMerged) => {
      writing(xlsx!.shown, () => workbook.addSource(source, notMerged));
      if (jsonWriter) writing(json!.shown, () => jsonWriter!.addSource(source, notMerged));
    },
  );
  const total = inputs.length;
  let done = 0;
  for (const file of inputs) {
    try {
      const read = await readWorkbookFile(file.path, file.shown);
      if (read.ok) consolidator.add(read.workbook);
      else consolidator.addUnreadable(file.shown, read.reason, read.detail, read.params);
    } catch (e) {
      if ("error" in writeFailure) throw abandon(writeFailure.file!, writeFailure.error);
      // One bad file never sinks the batch.
      consolidator.addUnreadable(file.shown, "damaged", e instanceof Error ? e.message : String(e), {
        part: file.shown,
      });
    }
    done++;
    if (total >= PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total))
      io.stderr(`${t("progress", lang, { done, total })}\n`);
  }
  const result = consolidator.result();
  // the JSON first: the workbook's thread, which may be writing it, stops with the workbook
  try {
    jsonWriter?.finish(result);
  } catch (e) {
    throw abandon(json!.shown, e);
  }
  try {
    workbook.finish(result);
  } catch (e) {
    throw abandon(xlsx!.shown, e);
  }
  for (const u of result.unreadable)
    io.stderr(`${t("notMerged", lang, { file: u.fileName, reason: u.message[lang] })}\n`);
  if (consolidator.notMergedCount > 0)
    io.stderr(`${t("cellsNotMerged", lang, { count: consolidator.notMergedCount })}\n`);
  io.stdout(
    `${t("merged", lang, {
      count: consolidator.sourceCount,
      rows: t("rows", lang, { count: consolidator.rowCount }),
      unreadable: t("unreadable", lang, { count: result.unreadable.length }),
    })}\n`,
  );
  for (const out of outputs) io.stdout(`${t("written", lang, { value: out.shown })}\n`);
  if (consolidator.sourceCount === 0) {
    io.stderr(`${t("nothingMerged", lang)}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

function help(io: Io, text: string): number {
  io.stdout(`${text}\n`);
  return EXIT.ok;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  init: cmdInit,
  check: cmdCheck,
  summary: cmdSummary,
  merge: cmdMerge,
  compare: cmdCompare,
};

/** Runs the command line on arguments (without "node liat"); returns the exit code. */
export async function run(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  const fallback = envLang(io.env);
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    const langAt = argv.indexOf("--lang");
    const lang = langAt >= 0 && isLang(argv[langAt + 1]) ? (argv[langAt + 1] as Lang) : fallback;
    io.stdout(`${t("usage", lang)}\n`);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const handler = COMMANDS[command];
  if (handler === undefined) {
    io.stderr(`${t("unknownCommand", fallback, { value: command })}\n\n${t("usage", fallback)}\n`);
    return EXIT.usage;
  }
  try {
    return await handler([...rest], io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n`);
      return EXIT.usage;
    }
    // parseArgs rejects unknown options and missing values with a TypeError carrying a code.
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`${t("badOption", fallback, { value: (e as Error).message })}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
