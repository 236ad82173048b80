/** Custom-function registration into a host, and the global `CustomFunctions` shim (Error, ErrorCode, associate). */
import type { CustomFunctionsMetadata, RegisteredFunction } from "./customFunctionPlugin";
import type { FormulaEngine } from "./formulaEngine";

/** Registers functions by metadata id: `=NAMESPACE.NAME(...)` computes with `fns[id]`. Unknown ids are reported. */
export function registerCustomFunctionsInEngine(
  engine: FormulaEngine,
  fns: Record<string, (...args: never[]) => unknown>,
  metadata: CustomFunctionsMetadata,
  namespace: string,
): { registered: string[]; missing: string[] } {
  const byId = new Map(Object.entries(fns).map(([id, fn]) => [id.toUpperCase(), fn]));
  const registered: RegisteredFunction[] = [];
  const missing: string[] = [];
  for (const meta of metadata.functions) {
    const fn = byId.get(meta.id.toUpperCase());
    if (!fn) {
      missing.push(meta.id);
      continue;
    }
    registered.push({
      formulaName: `${namespace}.${meta.name}`.toUpperCase(),
      fn: fn as (...args: unknown[]) => unknown,
      metadata: meta,
    });
  }
  if (registered.length > 0) engine.registerFunctions(registered);
  return { registered: registered.map((r) => r.formulaName), missing };
}

/** The values of office's CustomFunctions.ErrorCode (custom-functions-runtime). */
export const CustomFunctionsErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Same shape as office's CustomFunctions.Error. */
export class CustomFunctionsErrorShim {
  code: string;
  message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

export interface AssociateTarget {
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

/**
 * Defines `CustomFunctions` on a global object (window or globalThis): Error, ErrorCode and associate(), which
 * hands each function to `target` (a host waiting for its metadata, see createHost().associateCustomFunction).
 * `withError` false: a CustomFunctionsRuntime 1.1 Excel, without Error and ErrorCode.
 */
export function installCustomFunctionsShim(global: object, target?: AssociateTarget, withError = true): void {
  const associate = (
    idOrMap: string | Record<string, (...args: never[]) => unknown>,
    fn?: (...args: never[]) => unknown,
  ) => {
    const entries = typeof idOrMap === "string" ? [[idOrMap, fn] as const] : Object.entries(idOrMap);
    for (const [id, f] of entries) {
      if (typeof f !== "function") throw new TypeError(`CustomFunctions.associate: ${id} is not a function`);
      target?.associate(id, f);
    }
  };
  Object.defineProperty(global, "CustomFunctions", {
    configurable: true,
    writable: true,
    // CustomFunctions.Error and ErrorCode arrived with CustomFunctionsRuntime 1.2
    value: withError
      ? { Error: CustomFunctionsErrorShim, ErrorCode: CustomFunctionsErrorCode, associate }
      : { associate },
  });
}
