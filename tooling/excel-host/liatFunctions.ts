/**
 * Registers the add-in's real LIAT.* custom functions (src/functions/functions.ts) in a host, with the metadata
 * generated from their JSDoc exactly as the build does (custom-functions-metadata). Node only (tests, bench);
 * in the preview page the functions bundle registers itself through the CustomFunctions shim.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import type { CustomFunctionsMetadata } from "./customFunctionPlugin";
import type { LiatHost } from "./createHost";

export const FUNCTIONS_SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

let generated: Promise<{ metadata: CustomFunctionsMetadata; ids: Map<string, string> }> | undefined;

/** The metadata the build would write to functions.json, and the JavaScript function name of each id. */
export function liatFunctionsMetadata(): Promise<{ metadata: CustomFunctionsMetadata; ids: Map<string, string> }> {
  generated ??= generateCustomFunctionsMetadata(FUNCTIONS_SOURCE).then((result) => {
    if (result.errors.length > 0) throw new Error(`custom-functions-metadata: ${result.errors.join("; ")}`);
    const metadata = JSON.parse(result.metadataJson) as CustomFunctionsMetadata;
    return { metadata, ids: new Map(result.associate.map((a) => [a.id, a.functionName])) };
  });
  return generated;
}

/** Registers every LIAT.* function in the host; returns the formula names registered. */
export async function registerLiatFunctions(host: LiatHost): Promise<string[]> {
  const { metadata, ids } = await liatFunctionsMetadata();
  const exported = functions as unknown as Record<string, (...args: never[]) => unknown>;
  const fns: Record<string, (...args: never[]) => unknown> = {};
  for (const [id, name] of ids) {
    const fn = exported[name];
    if (typeof fn !== "function") throw new Error(`functions.ts does not export ${name} (custom function ${id})`);
    fns[id] = fn;
  }
  const { registered, missing } = host.registerCustomFunctions(fns, metadata, "LIAT");
  if (missing.length > 0) throw new Error(`No implementation for custom functions ${missing.join(", ")}`);
  return registered;
}
