/**
 * The host's proxies typed against Microsoft's own definitions (@types/office-js). Each proxy class declares
 * `implements OfficeShape<Excel.Range, "values" | "getCell" | ...>`: the members it implements, each with the type
 * Office declares for it, except that an Office object it takes or returns is the host's proxy for that object (a
 * HostRange where Office says Excel.Range, a HostEventSource for an event). So any drift between a proxy and real
 * Excel (a parameter's or a property's type, a return type, a member the proxy names that Excel does not have) is a
 * type error, and what a proxy leaves out is absent from its type as well as from its code.
 *
 * Limits of the check (TypeScript's): a method Office overloads (every `load`, and the enum/string pairs such as
 * `clear(applyTo?: Excel.ClearApplyTo)` / `clear(applyTo?: "All" | ...)`) is checked against its last overload, the
 * string form; method parameters are compared both ways (a proxy may accept less than Excel, never something
 * unrelated); a proxy may leave out a setter Office has (it is then read-only in the host, stricter than Excel).
 */
import type { PROXIES } from "./apiSetEnforcement";
import type { RequestContext } from "./clientObject";
import type { HostEventRegistration, HostEventSource } from "./worksheetProxy";

type Proxies = typeof PROXIES;

/**
 * The host's proxy for an Office class: the entry of PROXIES whose Excel class is T (the same type both ways: no two
 * of Office's classes have the same shape), or T itself when the host has none.
 */
type ProxyOf<T> = OrItself<
  {
    [K in keyof Proxies]: [T] extends [InstanceType<(typeof Excel)[K]>]
      ? [InstanceType<(typeof Excel)[K]>] extends [T]
        ? InstanceType<Proxies[K]>
        : never
      : never;
  }[keyof Proxies],
  T
>;

type OrItself<P, T> = [P] extends [never] ? T : P;

type IsAny<T> = 0 extends 1 & T ? true : false;

/** An Office type as the host has it: Office objects (alone, in unions and arrays) become the host's proxies. */
export type Hosted<T> =
  IsAny<T> extends true
    ? T
    : T extends OfficeExtension.EventHandlers<infer A>
      ? HostEventSource<A>
      : T extends OfficeExtension.EventHandlerResult<infer A>
        ? HostEventRegistration<A>
        : T extends readonly (infer E)[]
          ? Hosted<E>[]
          : T extends OfficeExtension.ClientRequestContext
            ? RequestContext
            : T extends OfficeExtension.ClientObject
              ? ProxyOf<T>
              : T;

type HostedMember<M> = M extends (...args: infer A) => infer R
  ? (...args: { [I in keyof A]: Hosted<A[I]> }) => Hosted<R>
  : Hosted<M>;

/** The members K of the Office type T, typed as Office declares them, with the host's proxies for Office objects. */
export type OfficeMembers<T, K extends keyof T> = { [P in K]: HostedMember<T[P]> };

/** What every proxy has (ClientObject): load() and isNullObject, where the Office class has them. */
type Common = "load" | "isNullObject";

/** A proxy for the Office class T: the members K it implements, and load() and isNullObject. */
export type OfficeShape<T extends OfficeExtension.ClientObject, K extends keyof T> = OfficeMembers<
  T,
  K | (Common & keyof T)
>;
