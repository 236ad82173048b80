/**
 * Every Office member the add-in's runtime code (src/) uses, resolved with the TypeScript type checker: property
 * accesses and calls whose declaration is in @types/office-js or @types/custom-functions-runtime, plus the paths of
 * `load("a/b, c")` strings walked through the loaded object's type. Each use carries the requirement set Microsoft's
 * notes give it (tooling/excel-host/apiSets.generated.json) and the isSetSupported guards around it.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { requiredSet } from "../../tooling/excel-host/requirementSets";

const ROOT = path.resolve(__dirname, "../..");

export interface MemberUse {
  file: string;
  line: number;
  /** "Excel.WorksheetCollection.onNameChanged" */
  member: string;
  /** "ExcelApi 1.17" */
  set: string;
  /** Sets checked by enclosing guards: isSetSupported("ExcelApi", "1.17") → "ExcelApi 1.17". */
  guards: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

const isOfficeDeclaration = (d: ts.Declaration) =>
  /@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(d.getSourceFile().fileName);

/** "Excel.Worksheet" for a declaration inside `declare namespace Excel { class Worksheet ... }`. */
function qualifiedName(node: ts.Node): string | undefined {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isModuleDeclaration(n)) {
      if (!n.name) return undefined;
      parts.unshift(n.name.text);
    }
  }
  if (parts.includes("Interfaces")) return undefined;
  return parts.join(".");
}

/** Owner and member of an Office declaration: ("Excel.Worksheet", "getRange") or ("CustomFunctions.Error", ""). */
function memberOf(d: ts.Declaration): [string, string] | undefined {
  if (ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d) || ts.isModuleDeclaration(d)) {
    const q = qualifiedName(d);
    return q === undefined ? undefined : [q, ""];
  }
  const name = (d as { name?: ts.Node }).name;
  if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return undefined;
  const owner = qualifiedName(d.parent);
  return owner === undefined ? undefined : [owner, name.text];
}

function setOf(owner: string, member: string): string | undefined {
  return requiredSet(owner, member) ?? (member === "" ? undefined : requiredSet(owner, ""));
}

/** The set an expression checks: isSetSupported("X", "1.2") directly, through a const, or inside `a && b`. */
function guardsIn(expr: ts.Expression, checker: ts.TypeChecker): string[] {
  if (ts.isParenthesizedExpression(expr)) return guardsIn(expr.expression, checker);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return [...guardsIn(expr.left, checker), ...guardsIn(expr.right, checker)];
  if (ts.isCallExpression(expr)) {
    const callee = expr.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    const [a, b] = expr.arguments;
    if (name === "isSetSupported" && a && b && ts.isStringLiteral(a) && ts.isStringLiteral(b))
      return [`${a.text} ${b.text}`];
    return [];
  }
  if (ts.isIdentifier(expr)) {
    const decl = checker.getSymbolAtLocation(expr)?.valueDeclaration;
    if (
      decl &&
      ts.isVariableDeclaration(decl) &&
      decl.initializer &&
      ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const
    )
      return guardsIn(decl.initializer, checker);
  }
  return [];
}

function enclosingGuards(node: ts.Node, checker: ts.TypeChecker): string[] {
  const out: string[] = [];
  let child: ts.Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (ts.isIfStatement(n) && n.thenStatement === child) out.push(...guardsIn(n.expression, checker));
    if (ts.isConditionalExpression(n) && n.whenTrue === child) out.push(...guardsIn(n.condition, checker));
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && n.right === child)
      out.push(...guardsIn(n.left, checker));
  }
  return out;
}

/** The element type of `items` (T[] → T). */
function elementType(type: ts.Type, checker: ts.TypeChecker): ts.Type | undefined {
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference)[0];
  return undefined;
}

export function officeMemberUses(): MemberUse[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const files = sourceFiles(path.join(ROOT, "src"));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  const record = (node: ts.Node, decl: ts.Declaration | undefined, guardsNode: ts.Node) => {
    if (!decl || !isOfficeDeclaration(decl)) return;
    const m = memberOf(decl);
    if (!m) return;
    const set = setOf(m[0], m[1]);
    if (!set) return;
    const source = node.getSourceFile();
    uses.push({
      file: path.relative(ROOT, source.fileName),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      member: m[1] === "" ? m[0] : `${m[0]}.${m[1]}`,
      set,
      guards: enclosingGuards(guardsNode, checker),
    });
  };
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        record(node, symbol?.declarations?.[0], node);
      }
      // load("items/name, protection/protected"): each path walked through the object's type
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === "load" &&
        node.arguments.length === 1 &&
        (ts.isStringLiteral(node.arguments[0]!) || ts.isNoSubstitutionTemplateLiteral(node.arguments[0]!))
      ) {
        const receiver = checker.getTypeAtLocation(node.expression.expression);
        for (const p of (node.arguments[0] as ts.StringLiteral).text.split(",")) {
          let type: ts.Type | undefined = receiver;
          for (const segment of p.trim().split("/")) {
            if (!type || segment === "") break;
            const prop = type.getProperty(segment);
            if (!prop) break;
            record(node, prop.declarations?.[0], node);
            const t = checker.getTypeOfSymbol(prop);
            type = segment === "items" ? elementType(t, checker) : t;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** Requirement sets declared by manifest.xml: { ExcelApi: "1.x", CustomFunctionsRuntime: "1.x", ... }. */
export function declaredSets(): Record<string, string> {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";
  return Object.fromEntries(
    [...requirements.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1]!, m[2]!]),
  );
}

/** True when `set` ("ExcelApi 1.13") is at most `available` ("ExcelApi 1.14") in the same set. */
export function covers(available: string, set: string): boolean {
  const [an, av] = available.split(" ");
  const [sn, sv] = set.split(" ");
  if (an !== sn) return false;
  const [a1, a2] = av!.split(".").map(Number);
  const [s1, s2] = sv!.split(".").map(Number);
  return a1! > s1! || (a1 === s1 && a2! >= s2!);
}

/**
 * The table of each member the add-in uses, its set, its guard (for members above the declared sets) and the files
 * using it, in Markdown: `npx tsx test/unit/officeMembers.ts` prints it (it changes with the code, so it is printed,
 * not committed).
 */
export function membersTable(uses: MemberUse[], declared: Record<string, string>): string {
  const byMember = new Map<string, { set: string; guards: Set<string>; files: Set<string> }>();
  for (const u of uses) {
    const e = byMember.get(u.member) ?? { set: u.set, guards: new Set<string>(), files: new Set<string>() };
    u.guards.forEach((g) => e.guards.add(g));
    e.files.add(u.file.replace(/^src\//, ""));
    byMember.set(u.member, e);
  }
  const rank = (set: string) => {
    const [name, version] = set.split(" ");
    const [a, b] = version!.split(".").map(Number);
    return `${name === "ExcelApi" ? "0" : "1"}${name}${String(a).padStart(3, "0")}${String(b).padStart(3, "0")}`;
  };
  const available = Object.entries(declared).map(([n, v]) => `${n} ${v}`);
  const rows = [...byMember].sort(([ma, a], [mb, b]) => rank(a.set).localeCompare(rank(b.set)) || ma.localeCompare(mb));
  const declaredText = Object.entries(declared)
    .map(([n, v]) => `${n} ${v}`)
    .join(", ");
  return [
    "# Office API members the add-in uses",
    "",
    "Printed by `npx tsx test/unit/officeMembers.ts` from the add-in's code (`src/`, resolved by the TypeScript type",
    "checker) and Microsoft's `[Api set: ...]` notes (`tooling/excel-host/apiSets.generated.json`).",
    "Declared in manifest.xml: " + declaredText + ".",
    'A member above the declared sets is used only behind the guard shown, with a fallback (README, "Which Excel").',
    "",
    "| member | requirement set | guard | used in |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      ([m, e]) =>
        `| \`${m}\` | ${e.set} | ${available.some((a) => covers(a, e.set)) ? "" : [...e.guards].map((g) => `isSetSupported ${g}`).join(", ")} | ${[...e.files].sort().join(", ")} |`,
    ),
    "",
  ].join("\n");
}

if (require.main === module) {
  console.log(membersTable(officeMemberUses(), declaredSets()));
}
