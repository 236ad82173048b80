/**
 * The LIAT command line: `liat init`, `liat check`, `liat summary`, `liat merge`. Over src/core
 * (layout, validation, scoring, consolidation) and ExcelJS (src/cli/readWorkbook, writeWorkbook).
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkWorkbook, Consolidator, unreadableMessage, type CheckedWorkbook } from "../core/consolidate";
import { DOMAINS } from "../core/domains";
import { isLang, langFromLocale, type Lang } from "../core/language";
import type { MessageParams } from "../core/messages";
import { ratingLabel } from "../core/rating";
import type { UnreadableReason } from "../core/workbookReader";
import { readWorkbookFile } from "./readWorkbook";
import { t } from "./text";
import { writeConsolidation } from "./writeConsolidation";
import { writeLiatWorkbook } from "./writeWorkbook";
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
  const line = (
    label: string,
    g: { score: number | null; assessed: number; applicable: number; coverage: number | null },
  ) =>
    `${pad(label, w)}${pad(num(g.score, lang), 8)}${pad(ratingLabel(g.score, lang), 14)}${g.assessed}/${g.applicable} ${pct(g.coverage, lang)}`;
  const lines = [
    t("fileLine", lang, { file, city: checked.settings.city || none, period: checked.settings.period || none }),
    "",
    `${pad(t("summaryHeader", lang), w)}${pad(t("score", lang), 8)}${pad(t("rating", lang), 14)}${t("coverage", lang)}`,
    ...s.domains.map((d, i) => line(names[i]!, d)),
    line(t("overall", lang), s.overall),
    "",
    countsLine(checked, lang),
  ];
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** Every how many files merge reports progress (and at the end), when there are at least as many. */
const PROGRESS_EVERY = 25;

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
  const inputs = positionals.map((shown) => ({ shown, path: resolve(io.cwd, shown) }));
  for (const out of outputs) {
    if (inputs.some((p) => p.path === out.path)) throw new UsageError(t("outputIsInput", lang, { value: out.shown }));
    checkOutput(out.path, out.shown, values.force, lang);
  }
  const consolidator = new Consolidator();
  const total = inputs.length;
  let done = 0;
  for (const file of inputs) {
    const read = await readWorkbookFile(file.path, file.shown);
    if (read.ok) consolidator.add(read.workbook);
    else consolidator.addUnreadable(file.shown, read.reason, read.detail, read.params);
    done++;
    if (total >= PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total))
      io.stderr(`${t("progress", lang, { done, total })}\n`);
  }
  const result = consolidator.result();
  const [xlsx, json] = outputs;
  await writeOutput(xlsx!.path, xlsx!.shown, await writeConsolidation(result, lang), lang);
  if (json !== undefined) await writeOutput(json.path, json.shown, `${JSON.stringify(result, null, 2)}\n`, lang);
  for (const u of result.unreadable)
    io.stderr(`${t("notMerged", lang, { file: u.fileName, reason: u.message[lang] })}\n`);
  io.stdout(
    `${t("merged", lang, {
      count: result.sources.length,
      rows: t("rows", lang, { count: result.rows.length }),
      unreadable: t("unreadable", lang, { count: result.unreadable.length }),
    })}\n`,
  );
  for (const out of outputs) io.stdout(`${t("written", lang, { value: out.shown })}\n`);
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
