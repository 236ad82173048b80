/**
 * The in-memory host's proxies are typed against Office's definitions (tooling/excel-host/officeShapes.ts): each class
 * of PROXIES implements OfficeShape<Excel.X, members> for the Excel class it stands for, and its public members are
 * exactly those members, so nothing the host offers escapes the comparison with Office's types (which `tsc` makes).
 */
import path from "node:path";
import ts from "typescript";
import { PROXIES } from "../../tooling/excel-host/apiSetEnforcement";
import { requiredSet } from "../../tooling/excel-host/requirementSets";

const ROOT = path.resolve(__dirname, "../..");
const HOST = path.join(ROOT, "tooling/excel-host");

/** The host's own machinery on every proxy (ClientObject): not Office members. */
const MACHINERY = new Set(["target", "applyLoad", "context"]);

interface ProxyClass {
  name: string;
  /** "Excel.Range" in `implements OfficeShape<Excel.Range, ...>`, or undefined without such a clause. */
  office: string | undefined;
  /** Members the shape names (with load and isNullObject where Office has them). */
  shape: string[];
  /** Public members of the class, own and inherited, but for the host's machinery. */
  members: string[];
}

function proxyClasses(): ProxyClass[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([path.join(HOST, "apiSetEnforcement.ts")], { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const isPublic = (symbol: ts.Symbol) =>
    (symbol.declarations ?? []).every(
      (d) => !(ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)),
    );
  const out: ProxyClass[] = [];
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(HOST)) continue;
    for (const node of source.statements) {
      if (!ts.isClassDeclaration(node) || !node.name) continue;
      const implemented = node.heritageClauses
        ?.filter((h) => h.token === ts.SyntaxKind.ImplementsKeyword)
        .flatMap((h) => h.types)
        .find((t) => t.expression.getText() === "OfficeShape");
      const classType = checker.getTypeAtLocation(node.name);
      out.push({
        name: node.name.text,
        office: implemented?.typeArguments?.[0]?.getText(),
        shape: implemented
          ? checker
              .getPropertiesOfType(checker.getTypeAtLocation(implemented))
              .map((p) => p.name)
              .sort()
          : [],
        members: checker
          .getPropertiesOfType(classType)
          .filter((p) => isPublic(p) && !MACHINERY.has(p.name))
          .map((p) => p.name)
          .sort(),
      });
    }
  }
  return out;
}

describe("the host's proxies are typed against Office", () => {
  let classes: ProxyClass[];
  beforeAll(() => {
    classes = proxyClasses();
  }, 120_000);

  test("each proxy implements the shape of the Excel class it stands for", () => {
    expect(Object.keys(PROXIES).length).toBeGreaterThan(25);
    for (const [excelClass, proxy] of Object.entries(PROXIES)) {
      const found = classes.find((c) => c.name === proxy.name);
      expect({ proxy: proxy.name, office: found?.office }).toEqual({
        proxy: proxy.name,
        office: `Excel.${excelClass}`,
      });
    }
  });

  test("each proxy's Excel class has its requirement sets in the generated table (so the profile gates it)", () => {
    const missing = Object.keys(PROXIES).filter((name) => requiredSet(`Excel.${name}`, "") === undefined);
    expect(missing).toEqual([]);
  });

  test("a proxy's public members are exactly those its shape names", () => {
    for (const c of classes.filter((x) => x.office !== undefined)) {
      // load() and isNullObject come from ClientObject; a class whose Office twin lacks them leaves them out of its shape
      const members = c.members.filter((m) => c.shape.includes(m) || !["load", "isNullObject"].includes(m));
      expect({ proxy: c.name, members }).toEqual({ proxy: c.name, members: c.shape });
    }
  });
});
