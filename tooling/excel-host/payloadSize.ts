/**
 * Estimated size of what a request carries to Excel and what its response carries back, as office.js serializes it
 * (JSON): written values, formulas and formats, method arguments, and loaded properties. Excel on the web refuses a
 * request or a response above 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded); the host
 * measures every sync and, on a profile with a limit, fails the same way.
 */

/** Fixed cost of one queued action or one loaded property (ids, names, JSON punctuation). */
export const ACTION_OVERHEAD_BYTES = 40;

/** JSON size of a value, in UTF-8 bytes (estimated: characters past U+007F count 2, past U+07FF 3). */
export function payloadSize(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case "string": {
      let n = value.length + 2;
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
        else if (c === 0x22 || c === 0x5c || c < 0x20) n += 1;
      }
      return n;
    }
    case "number":
      return String(value).length;
    case "boolean":
      return value ? 4 : 5;
    case "object": {
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (const v of value) n += payloadSize(v);
        return n;
      }
      // a proxy passed as an argument (a range) travels as a reference
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return ACTION_OVERHEAD_BYTES;
      let n = 2;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v === "function") continue;
        n += k.length + 4 + payloadSize(v);
      }
      return n;
    }
    default:
      return 4;
  }
}
