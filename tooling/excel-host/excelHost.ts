/** The in-memory Excel host (tests, benchmarks, preview page). Never imported by the add-in's own bundles. */
export { createHost } from "./createHost";
export { conditionalLooks, type ConditionalLook } from "./conditionalLooks";
export { compileFormula, shiftFormula, type CompiledFormula } from "./shiftFormula";
export type {
  HostOptions,
  HostRequestContext,
  HostExcel,
  HostSnapshot,
  LiatHost,
  SheetSnapshot,
  UserEditResult,
} from "./createHost";
export { installCustomFunctionsShim, CustomFunctionsErrorCode, CustomFunctionsErrorShim } from "./customFunctions";
export type { CustomFunctionMetadata, CustomFunctionsMetadata, CustomFunctionParameter } from "./customFunctionPlugin";
export { HostError } from "./hostError";
export { DARK_THEME, LIGHT_THEME } from "./officeGlobal";
export { RequestContext } from "./clientObject";
