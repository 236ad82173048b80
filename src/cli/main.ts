/**
 * The LIAT command line: `liat init`, `liat check`, `liat summary`, `liat merge`. Over src/core
 * (layout, validation, scoring, consolidation) and ExcelJS (src/cli/readWorkbook, writeWorkbook).
 */
import { existsSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkWorkbook, Consolidator, unreadableMessage, type CheckedWorkbook } from "../core/consolidate";
import { DOMAINS } from "../core/domains";
import { isLang, langFromLocale, type Lang } from "../core/language";
import { ratingLabel } from "../core/rating";
import type { UnreadableReason } from "../core/workbookModel";
import { MAX_FILE_BYTES, readWorkbookBytes, type ReadResult } from "./readWorkbook";
import { t } from "./text";
import { writeConsolidation } from "./writeConsolidation";
import { writeLiatWorkbook } from "./writeWorkbook";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes: 0 fine, 1 the checked workbook has errors, 2 usage error or unreadable file. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

const nodeIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});

class UsageError extends Error {}

/** Language from --lang, else from the environment (LC_ALL, LC_MESSAGES, LANG), else English. */
function pickLang(option: string | undefined, env: Io["env"]): Lang {
  if (option !== undefined) {
    if (!isLang(option)) throw new UsageError(t("badLang", langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG), { value: option }));
    return option;
  }
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** Reads a file from disk into the plain workbook model, or the reason it cannot be read. */
export async function readWorkbookFile(path: string, displayName = path): Promise<ReadResult> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return { ok: false, reason: "notWorkbook" };
    size = s.size;
  } catch {
    return { ok: false, reason: "notFound" };
  }
  if (size > MAX_FILE_BYTES) return { ok: false, reason: "tooLarge", detail: String(size) };
  return readWorkbookBytes(await readFile(path), displayName);
}

const pct = (v: number | null) => (v === null ? "" : `${Math.round(v * 100)}%`);
const num = (v: number | null) => (v === null ? "" : v.toFixed(1));
const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s + " ".repeat(n - s.length));

function unreadableText(file: string, reason: UnreadableReason, lang: Lang): string {
  return t("cannotRead", lang, { file, reason: unreadableMessage(reason)[lang] });
}

async function loadChecked(file: string, io: Io, lang: Lang): Promise<CheckedWorkbook | null> {
  const read = await readWorkbookFile(resolve(io.cwd, file), file);
  if (!read.ok) {
    io.stderr(`${unreadableText(file, read.reason, lang)}\n`);
    return null;
  }
  const checked = checkWorkbook(read.workbook);
  if (checked === null) io.stderr(`${unreadableText(file, "noLiatTable", lang)}\n`);
  return checked;
}

async function cmdInit(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      output: { type: "string", short: "o" },
      lang: { type: "string" },
      city: { type: "string" },
      period: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  });
  const lang = pickLang(values.lang, io.env);
  if (values.help) return help(io, t("initHelp", lang));
  const out = values.output ?? "LIAT.xlsx";
  const path = resolve(io.cwd, out);
  if (existsSync(path) && !values.force) throw new UsageError(t("outputExists", lang, { value: out }));
  const bytes = await writeLiatWorkbook({ lang, city: values.city, period: values.period });
  await writeOutput(path, out, bytes, lang);
  io.stdout(`${t("written", lang, { value: out })}\n`);
  return EXIT.ok;
}

async function writeOutput(path: string, shown: string, data: string | Uint8Array, lang: Lang): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    throw new UsageError(t("cannotWrite", lang, { file: shown, reason: e instanceof Error ? e.message : String(e) }));
  }
}

async function cmdCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  const lang = pickLang(values.lang, io.env);
  if (values.help) return help(io, t("checkHelp", lang));
  if (positionals.length !== 1) throw new UsageError(t("oneFile", lang));
  const file = positionals[0]!;
  const checked = await loadChecked(file, io, lang);
  if (checked === null) return EXIT.usage;
  if (values.json) {
    io.stdout(`${JSON.stringify({
      file,
      city: checked.settings.city,
      period: checked.settings.period,
      errors: checked.errors,
      warnings: checked.warnings,
      issues: checked.issues.map((i) => ({ sheet: i.sheet, address: i.address, code: i.code, field: i.field, key: i.key, severity: i.severity, message: i.message[lang] })),
    }, null, 2)}\n`);
  } else {
    for (const i of checked.issues) {
      io.stdout(`${i.sheet}!${i.address}\t${t(i.severity, lang)}\t${i.code}\t${i.message[lang]}\n`);
    }
    io.stdout(`${checked.issues.length === 0 ? t("noIssues", lang) : t("counts", lang, { errors: checked.errors, warnings: checked.warnings })}\n`);
  }
  return checked.errors > 0 ? EXIT.errors : EXIT.ok;
}

async function cmdSummary(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  const lang = pickLang(values.lang, io.env);
  if (values.help) return help(io, t("summaryHelp", lang));
  if (positionals.length !== 1) throw new UsageError(t("oneFile", lang));
  const file = positionals[0]!;
  const checked = await loadChecked(file, io, lang);
  if (checked === null) return EXIT.usage;
  const s = checked.summary;
  if (values.json) {
    io.stdout(`${JSON.stringify({
      file,
      city: checked.settings.city,
      period: checked.settings.period,
      lang: checked.settings.lang,
      schemaVersion: checked.settings.schemaVersion,
      errors: checked.errors,
      warnings: checked.warnings,
      summary: s,
    }, null, 2)}\n`);
    return EXIT.ok;
  }
  const none = t("none", lang);
  const names = s.domains.map((d) => `${d.domain} ${DOMAINS.find((x) => x.id === d.domain)!.name[lang]}`);
  const w = Math.max(t("summaryHeader", lang).length, ...names.map((x) => x.length)) + 2;
  const lines = [
    t("fileLine", lang, { file, city: checked.settings.city || none, period: checked.settings.period || none }),
    "",
    `${pad(t("summaryHeader", lang), w)}${pad(t("score", lang), 8)}${pad(t("rating", lang), 14)}${t("coverage", lang)}`,
    ...s.domains.map((d, i) => {
      return `${pad(names[i]!, w)}${pad(num(d.score), 8)}${pad(ratingLabel(d.score, lang), 14)}${d.assessed}/${d.applicable} ${pct(d.coverage)}`;
    }),
    `${pad(t("overall", lang), w)}${pad(num(s.overall.score), 8)}${pad(ratingLabel(s.overall.score, lang), 14)}${s.overall.assessed}/${s.overall.applicable} ${pct(s.overall.coverage)}`,
    "",
    checked.issues.length === 0 ? t("noIssues", lang) : t("counts", lang, { errors: checked.errors, warnings: checked.warnings }),
  ];
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** Every how many files merge reports progress (and at the end), when there are at least as many. */
export const PROGRESS_EVERY = 25;

async function cmdMerge(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      output: { type: "string", short: "o" },
      json: { type: "string" },
      lang: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  const lang = pickLang(values.lang, io.env);
  if (values.help) return help(io, t("mergeHelp", lang));
  if (positionals.length === 0) throw new UsageError(t("noFiles", lang));
  if (values.output === undefined) throw new UsageError(t("outputRequired", lang));
  const outputs = [values.output, values.json].filter((x): x is string => x !== undefined);
  for (const out of outputs) {
    const path = resolve(io.cwd, out);
    if (positionals.some((p) => resolve(io.cwd, p) === path)) throw new UsageError(t("outputIsInput", lang, { value: out }));
    if (existsSync(path) && !values.force) throw new UsageError(t("outputExists", lang, { value: out }));
  }
  const consolidator = new Consolidator();
  const total = positionals.length;
  let done = 0;
  for (const file of positionals) {
    const read = await readWorkbookFile(resolve(io.cwd, file), file);
    if (read.ok) consolidator.add(read.workbook);
    else consolidator.addUnreadable(file, read.reason, read.detail);
    done++;
    if (total >= PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total)) io.stderr(`${t("progress", lang, { done, total })}\n`);
  }
  const result = consolidator.result();
  await writeOutput(resolve(io.cwd, values.output), values.output, await writeConsolidation(result, lang), lang);
  if (values.json !== undefined) await writeOutput(resolve(io.cwd, values.json), values.json, `${JSON.stringify(result, null, 2)}\n`, lang);
  for (const u of result.unreadable) io.stderr(`${t("notMerged", lang, { file: u.fileName, reason: u.message[lang] })}\n`);
  io.stdout(`${t("merged", lang, { sources: result.sources.length, rows: result.rows.length, unreadable: result.unreadable.length })}\n`);
  for (const out of outputs) io.stdout(`${t("written", lang, { value: out })}\n`);
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
  const envLang = langFromLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    const langAt = argv.indexOf("--lang");
    const lang = langAt >= 0 && isLang(argv[langAt + 1]) ? (argv[langAt + 1] as Lang) : envLang;
    io.stdout(`${t("usage", lang)}\n`);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const handler = COMMANDS[command];
  if (handler === undefined) {
    io.stderr(`${t("unknownCommand", envLang, { value: command })}\n\n${t("usage", envLang)}\n`);
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
      io.stderr(`${t("badOption", envLang, { value: (e as Error).message })}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

