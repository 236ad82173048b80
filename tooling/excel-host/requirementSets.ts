/**
 * Requirement sets in the host: the set each Excel member needs comes from apiSets.generated.json (generated from
 * Microsoft's `[Api set: ...]` notes by generateApiSets.ts); a member above the host's profile fails as in Excel:
 * the request reaches Excel, which answers ApiNotFound, so context.sync() rejects and the rest of the batch is not
 * applied. Methods and event registrations fail when called, properties when loaded or set.
 */
import apiSets from "./apiSets.generated.json";
import { HostError } from "./hostError";
import { profileSupports, type HostProfile } from "./hostProfiles";

const TABLE = apiSets as Record<string, Record<string, string>>;

/** The set ("ExcelApi 1.17") a member of an Excel class needs, or undefined when Microsoft's notes name none. */
export function requiredSet(excelClass: string, member: string): string | undefined {
  const entry = TABLE[excelClass];
  return entry?.[member] ?? undefined;
}

export function supportsSet(profile: HostProfile, set: string): boolean {
  const [name, version] = set.split(" ");
  return profileSupports(profile, name!, version);
}

export function apiNotFound(excelClass: string, member: string, set: string): HostError {
  return new HostError(
    "ApiNotFound",
    "The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer " +
      `to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets". (${excelClass.replace(/^Excel\./, "")}.${member}: ${set})`,
  );
}

/** Throws ApiNotFound when the profile lacks the set the member needs. */
export function checkMember(profile: HostProfile, excelClass: string, member: string): void {
  const set = requiredSet(excelClass, member);
  if (set !== undefined && !supportsSet(profile, set)) throw apiNotFound(excelClass, member, set);
}

/** The Excel class each proxy class stands for (set by enforceApiSets). */
const excelClassOf = new WeakMap<object, string>();

export function excelClassName(proxy: object): string | undefined {
  return excelClassOf.get(Object.getPrototypeOf(proxy) as object);
}

interface ProfiledContext {
  context: { requireMember(excelClass: string, member: string): void; addRequest(value: unknown): void };
}

/**
 * Makes every member of `cls` that Microsoft's notes tie to a set check the host's profile: methods and event
 * sources when used, property setters when written (loads are checked by ClientObject.applyLoad).
 */
export function enforceApiSets(cls: { prototype: object; name: string }, excelClass: string): void {
  const proto = cls.prototype;
  excelClassOf.set(proto, excelClass);
  for (const member of Object.keys(TABLE[excelClass] ?? {})) {
    if (member === "" || member === "load" || member === "toJSON" || member === "track" || member === "untrack")
      continue;
    let holder: object | null = proto;
    let descriptor: PropertyDescriptor | undefined;
    while (holder && holder !== Object.prototype && !descriptor) {
      descriptor = Object.getOwnPropertyDescriptor(holder, member);
      if (!descriptor) holder = Object.getPrototypeOf(holder) as object | null;
    }
    if (!descriptor) continue;
    const wrapped: PropertyDescriptor = { configurable: true, enumerable: descriptor.enumerable };
    if (typeof descriptor.value === "function") {
      const method = descriptor.value as (...args: unknown[]) => unknown;
      wrapped.writable = true;
      wrapped.value = function (this: ProfiledContext, ...args: unknown[]) {
        this.context.requireMember(excelClass, member);
        if (args.length > 0) this.context.addRequest(args);
        return method.apply(this, args);
      };
    } else {
      const { get, set } = descriptor;
      const isEvent = /^on[A-Z]/.test(member);
      if (get)
        wrapped.get = isEvent
          ? function (this: ProfiledContext) {
              this.context.requireMember(excelClass, member);
              return get.call(this);
            }
          : get;
      if (set)
        wrapped.set = function (this: ProfiledContext, value: unknown) {
          this.context.requireMember(excelClass, member);
          set.call(this, value);
        };
    }
    Object.defineProperty(proto, member, wrapped);
  }
}
