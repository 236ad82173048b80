/**
 * Generates `apiSets.generated.json`: the requirement set (and version) of every member of Excel's and Office's
 * JavaScript API, read with the TypeScript compiler from the `[Api set: ExcelApi 1.x]` and `**Requirement set**:`
 * notes of `@types/office-js` and `@types/custom-functions-runtime` (Microsoft's own definitions).
 *
 * `npx tsx tooling/excel-host/generateApiSets.ts` rewrites the file; a unit test regenerates and compares it.
 * Shape: { "Excel.WorksheetCollection": { "": "ExcelApi 1.1", "onNameChanged": "ExcelApi 1.17", ... }, ... }:
 * "" is the class's own set; a member without a note needs its class's set. When a note names several versions
 * ("ExcelApi 1.1 for get, 1.8 for set"), the first (lowest) is kept: the member exists from that version on.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type ApiSetTable = Record<string, Record<string, string>>;

const ROOT = path.resolve(__dirname, "../..");
export const API_SETS_FILE = path.join(__dirname, "apiSets.generated.json");
const SOURCES = ["node_modules/@types/office-js/index.d.ts", "node_modules/@types/custom-functions-runtime/index.d.ts"];
/** The namespaces an Excel add-in can use; `Interfaces` (load/set option shapes) holds no runtime members. */
const NAMESPACES = new Set(["Excel", "Office", "OfficeExtension", "CustomFunctions"]);
/** Sets that never concern Excel (Outlook's notes also sit in the Office namespace). */
const FOREIGN_SET = /^(Mailbox|Word|PowerPoint|OneNote|Visio|Outlook)/;

/** The set named by a JSDoc comment, e.g. "ExcelApi 1.17", or undefined. */
export function noteOf(comment: string): string | undefined {
  const apiSet = /\[Api set: ([A-Za-z]+) (\d+\.\d+)/.exec(comment);
  if (apiSet) return `${apiSet[1]} ${apiSet[2]}`;
  const requirement = /\*\*Requirement set\*\*: \{@link [^|}]*\| ([A-Za-z]+) (\d+\.\d+)\}/.exec(comment);
  if (requirement) return `${requirement[1]} ${requirement[2]}`;
  return undefined;
}

function commentOf(node: ts.Node, text: string): string {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  return ranges.map((r) => text.slice(r.pos, r.end)).join("\n");
}

function compareSets(a: string, b: string): number {
  const [, va] = a.split(" ");
  const [, vb] = b.split(" ");
  const [a1, a2] = va!.split(".").map(Number);
  const [b1, b2] = vb!.split(".").map(Number);
  return a1! - b1! || a2! - b2!;
}

function memberName(member: ts.Node): string | undefined {
  const name = (member as { name?: ts.PropertyName }).name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

export function generateApiSets(): ApiSetTable {
  const table: ApiSetTable = {};
  const add = (owner: string, member: string, set: string) => {
    if (FOREIGN_SET.test(set)) return;
    const entry = (table[owner] ??= {});
    const before = entry[member];
    // overloads: the member exists from the lowest version any of them names
    if (before === undefined || (before.split(" ")[0] === set.split(" ")[0] && compareSets(set, before) < 0))
      entry[member] = set;
  };
  for (const file of SOURCES) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, scope: string[]) => {
      if (ts.isModuleDeclaration(node)) {
        const name = node.name.text;
        if (scope.length === 0 ? !NAMESPACES.has(name) : name === "Interfaces") return;
        const inner = [...scope, name];
        const ownSet = noteOf(commentOf(node, text));
        if (ownSet && scope.length > 0) add(scope.join("."), name, ownSet);
        if (node.body) ts.forEachChild(node.body, (child) => visit(child, inner));
        return;
      }
      if (scope.length === 0) return;
      const owner = scope.join(".");
      if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) {
        if (!node.name) return;
        const full = `${owner}.${node.name.text}`;
        const classSet = noteOf(commentOf(node, text));
        if (classSet) add(full, "", classSet);
        for (const member of node.members) {
          const name = memberName(member);
          const set = name === undefined ? undefined : noteOf(commentOf(member, text));
          if (name !== undefined && set) add(full, name, set);
        }
        return;
      }
      if (ts.isFunctionDeclaration(node) && node.name) {
        const set = noteOf(commentOf(node, text));
        if (set) add(owner, node.name.text, set);
        return;
      }
      if (ts.isVariableStatement(node)) {
        const set = noteOf(commentOf(node, text));
        if (set)
          for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) add(owner, d.name.text, set);
      }
    };
    ts.forEachChild(source, (node) => visit(node, []));
  }
  const sorted: ApiSetTable = {};
  for (const owner of Object.keys(table).sort()) {
    const members = table[owner]!;
    sorted[owner] = Object.fromEntries(
      Object.keys(members)
        .sort()
        .map((m) => [m, members[m]!]),
    );
  }
  return sorted;
}

/** The file's text for a table (stable: sorted keys, one class per line). */
export function apiSetsText(table: ApiSetTable): string {
  const lines = Object.entries(table).map(
    ([owner, members]) => `  ${JSON.stringify(owner)}: ${JSON.stringify(members)}`,
  );
  return `{\n${lines.join(",\n")}\n}\n`;
}

if (require.main === module) {
  const table = generateApiSets();
  fs.writeFileSync(API_SETS_FILE, apiSetsText(table));
  const members = Object.values(table).reduce((n, m) => n + Object.keys(m).length, 0);
  console.log(`${path.relative(ROOT, API_SETS_FILE)}: ${Object.keys(table).length} classes, ${members} entries`);
}
