export interface FunctionTranslation {
  name: string;
  description: string;
  parameters: Record<string, string>;
}
export interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}
/** Localized copy of functions.json; throws listing every missing, unknown or invalid translation. */
export declare function localizeFunctionsMetadata(
  metadata: FunctionsMetadata,
  translations: Record<string, FunctionTranslation>,
  locale?: string,
): FunctionsMetadata;
