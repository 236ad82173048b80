/**
 * Requirement sets at run time. The manifest declares what every Excel running the add-in has (ExcelApi and
 * CustomFunctionsRuntime minimums, see manifest.xml and README "Which Excel"); a member of a higher set is used only
 * inside `if (isSetSupported("ExcelApi", "1.17")) { ... } else { fallback }`, with the set and version written as
 * literals: test/unit/apiGuards.test.ts resolves every Office member the add-in uses with the type checker and
 * fails when one lies above the declared sets outside such a guard.
 */

/** Office.context.requirements.isSetSupported; false outside Office (no Office global). */
export function isSetSupported(name: string, minVersion: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported(name, minVersion) === true;
}
