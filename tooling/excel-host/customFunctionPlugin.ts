/**
 * Custom functions (`=LIAT.SCORE(...)`) as a HyperFormula function plugin: arguments are converted the way Excel
 * passes them to JavaScript custom functions, and a thrown CustomFunctions.Error becomes a cell error with its message.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from "hyperformula";
import type { FunctionPluginDefinition, ImplementedFunctions } from "hyperformula";

export interface CustomFunctionParameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}

export interface CustomFunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: CustomFunctionParameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export interface CustomFunctionsMetadata {
  functions: CustomFunctionMetadata[];
}

/** What an empty cell becomes when passed to a parameter of type "any". */
export type EmptyAnyArgument = 0 | "" | null;

export interface RegisteredFunction {
  /** Formula name, upper case, with namespace: "LIAT.SCORE". */
  formulaName: string;
  fn: (...args: unknown[]) => unknown;
  metadata: CustomFunctionMetadata;
}

/** CustomFunctions.ErrorCode values (the strings Excel shows) → HyperFormula error types. "#NULL!" has no
 * HyperFormula equivalent: it is carried as a generic error whose message starts with a marker. */
export const NULL_ERROR_MARKER = "#NULL!\u0000";

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

function toCellError(thrown: unknown): CellError {
  if (thrown !== null && typeof thrown === "object" && "code" in thrown) {
    const code = String((thrown as { code: unknown }).code);
    const message = String((thrown as { message?: unknown }).message ?? "");
    if (code === "#NULL!") return new CellError(ErrorType.ERROR, NULL_ERROR_MARKER + message);
    const type = ERROR_TYPES[code];
    if (type !== undefined) return new CellError(type, message);
  }
  // Any other exception: Excel shows #VALUE! (duck-typed: errors may come from another frame's realm)
  const message =
    thrown !== null && typeof thrown === "object" && typeof (thrown as { message?: unknown }).message === "string";
  return new CellError(ErrorType.VALUE, message ? (thrown as { message: string }).message : "");
}

function raw(value: unknown): unknown {
  if (value !== null && typeof value === "object" && "val" in value) return (value as { val: unknown }).val;
  return value;
}

class CoercionError {
  constructor(readonly error: CellError) {}
}

function emptyFor(type: string | undefined, emptyAny: EmptyAnyArgument): unknown {
  switch (type) {
    case "string":
      return "";
    case "number":
      return 0;
    case "boolean":
      return false;
    default:
      return emptyAny;
  }
}

function coerceScalar(value: unknown, type: string | undefined, emptyAny: EmptyAnyArgument): unknown {
  if (value === EmptyValue || value === undefined) return emptyFor(type, emptyAny);
  if (value instanceof CellError) throw new CoercionError(value);
  const v = raw(value);
  switch (type) {
    case "number":
      if (typeof v === "number") return v;
      if (typeof v === "boolean") return v ? 1 : 0;
      if (typeof v === "string") {
        const n = Number(v.trim());
        if (v.trim() !== "" && Number.isFinite(n)) return n;
      }
      throw new CoercionError(new CellError(ErrorType.VALUE, "A value of the wrong type was passed to the function."));
    case "string":
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return String(v);
    case "boolean":
      if (typeof v === "boolean") return v;
      if (typeof v === "number") return v !== 0;
      if (typeof v === "string" && /^(true|false)$/i.test(v.trim())) return v.trim().toUpperCase() === "TRUE";
      throw new CoercionError(new CellError(ErrorType.VALUE, "A value of the wrong type was passed to the function."));
    default:
      return v;
  }
}

function toMatrix(value: unknown, type: string | undefined, emptyAny: EmptyAnyArgument): unknown[][] {
  if (value instanceof SimpleRangeValue) {
    const data = value.rawData();
    const out: unknown[][] = new Array(data.length);
    const anyType = type === undefined || type === "any";
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      // Rows of plain numbers/strings/booleans passed to an "any" parameter are handed over as they are (the
      // functions are pure: they do not modify their arguments); other rows are converted into a new array.
      let plain = anyType;
      for (let c = 0; plain && c < row.length; c++) {
        const v = row[c];
        const t = typeof v;
        plain = t === "number" || t === "string" || t === "boolean";
      }
      if (plain) {
        out[r] = row as unknown[];
        continue;
      }
      const target = new Array(row.length);
      for (let c = 0; c < row.length; c++) target[c] = coerceScalar(row[c], type, emptyAny);
      out[r] = target;
    }
    return out;
  }
  return [[coerceScalar(value, type, emptyAny)]];
}

function convertArgument(value: unknown, param: CustomFunctionParameter, emptyAny: EmptyAnyArgument): unknown {
  if (param.dimensionality === "matrix") return toMatrix(value, param.type, emptyAny);
  if (value instanceof SimpleRangeValue) {
    if (value.width() === 1 && value.height() === 1) return coerceScalar(value.rawData()[0][0], param.type, emptyAny);
    throw new CoercionError(new CellError(ErrorType.VALUE, "A range was passed where a single value is expected."));
  }
  return coerceScalar(value, param.type, emptyAny);
}

function convertResult(result: unknown): unknown {
  if (result instanceof Promise) {
    return new CellError(ErrorType.NA, "#BUSY! Asynchronous custom functions are not supported by the in-memory host.");
  }
  if (Array.isArray(result)) {
    if (result.length === 1 && Array.isArray(result[0]) && result[0].length === 1) return convertResult(result[0][0]);
    return new CellError(ErrorType.SPILL, "Spilled (array) results are not supported by the in-memory host.");
  }
  if (result === null || result === undefined) return 0;
  if (typeof result === "number") return Number.isFinite(result) ? result : new CellError(ErrorType.NUM, "");
  if (typeof result === "string" || typeof result === "boolean") return result;
  return new CellError(ErrorType.VALUE, "The custom function returned a value Excel cannot show.");
}

interface AstLike {
  procedureName: string;
  args: unknown[];
}
interface StateLike {
  formulaAddress?: { sheet: number; row: number; col: number };
}

export interface PluginHooks {
  functions: () => ReadonlyMap<string, RegisteredFunction>;
  emptyAnyArgument: () => EmptyAnyArgument;
  /** "Sheet!A1" for the invocation's address. */
  describeAddress: (sheet: number, row: number, col: number) => string;
}

/** Builds a plugin class bound to one host's registry of functions. */
export function createCustomFunctionPlugin(names: string[], hooks: PluginHooks): FunctionPluginDefinition {
  class HostCustomFunctions extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};

    call(ast: AstLike, state: StateLike) {
      const registered = hooks.functions().get(ast.procedureName.toUpperCase());
      if (!registered) return new CellError(ErrorType.NAME, `Unknown function ${ast.procedureName}`);
      const metadata = this.metadata(ast.procedureName.toUpperCase());
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- HyperFormula's runFunction takes its internal AST and state types, which it does not export
      return this.runFunction(ast.args as any, state as any, metadata, ((...args: unknown[]) => {
        const params = registered.metadata.parameters;
        const emptyAny = hooks.emptyAnyArgument();
        try {
          const converted: unknown[] = [];
          params.forEach((param, i) => {
            if (param.repeating) {
              converted.push(
                args
                  .slice(i)
                  .filter((a) => a !== undefined)
                  .map((a) => convertArgument(a, param, emptyAny)),
              );
            } else if (args[i] === undefined && param.optional) {
              converted.push(null);
            } else {
              converted.push(convertArgument(args[i], param, emptyAny));
            }
          });
          for (const value of converted) {
            const first = findError(value);
            if (first) return first;
          }
          const at = state.formulaAddress;
          const invocation = {
            functionName: registered.formulaName,
            address: at ? hooks.describeAddress(at.sheet, at.row, at.col) : undefined,
          };
          return convertResult(registered.fn(...converted, invocation));
        } catch (thrown) {
          if (thrown instanceof CoercionError) return thrown.error;
          return toCellError(thrown);
        }
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the callback type runFunction declares
      }) as (...arg: any) => any);
    }
  }
  for (const name of names) {
    const registered = hooks.functions().get(name);
    const params = registered?.metadata.parameters ?? [];
    const repeating = params.length > 0 && params[params.length - 1].repeating === true;
    HostCustomFunctions.implementedFunctions[name] = {
      method: "call",
      parameters: params.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        ...(p.optional || p.repeating ? { optionalArg: true } : {}),
      })),
      ...(repeating ? { repeatLastArgs: 1 } : {}),
      ...(registered?.metadata.options?.volatile === true ? { isVolatile: true } : {}),
    };
  }
  return HostCustomFunctions as unknown as FunctionPluginDefinition;
}

/** Matrix arguments that contain an error value make the function return that error (it is not called). */
function findError(value: unknown): CellError | undefined {
  return value instanceof CellError ? value : undefined;
}
