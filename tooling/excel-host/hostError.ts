/** Errors raised by the in-memory host, shaped like OfficeExtension.Error (code, message, debugInfo). */

/** Error codes the host raises; the names are Excel's (Excel.ErrorCodes). */
export type HostErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidSelection"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "NotImplemented"
  | "PropertyNotLoaded"
  | "InvalidOperationInCellEditMode";

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly debugInfo: { code: HostErrorCode; message: string; errorLocation?: string };
  /** Set on errors that are raised by context.sync(), as Office does. */
  traceMessages: string[] = [];

  constructor(code: HostErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): HostError {
  return new HostError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): HostError {
  return new HostError("ItemNotFound", `The requested resource doesn't exist. (${what})`);
}

export function accessDenied(what: string): HostError {
  return new HostError(
    "AccessDenied",
    `The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. (${what})`,
  );
}

export function invalidArgument(what: string): HostError {
  return new HostError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`);
}
