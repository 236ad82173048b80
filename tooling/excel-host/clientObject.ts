/**
 * The request context and proxy base classes: every write and method call is queued and applied at
 * context.sync(), in order; load() marks properties to be read at the next sync; reading a property that
 * was not loaded (or set) and synced throws PropertyNotLoaded, as Excel does.
 */
import { HostError, itemNotFound, propertyNotLoaded } from "./hostError";
import type { WorkbookModel } from "./hostWorkbook";
import type { HostProfile } from "./hostProfiles";
import { checkMember, excelClassName, requiredSet, supportsSet } from "./requirementSets";
import { ACTION_OVERHEAD_BYTES, payloadSize } from "./payloadSize";

type Op = () => void;

/** Counters shared by every context of one host. */
export interface SyncCounter {
  /** Round trips: syncs that had queued operations (office.js skips the round trip of an empty sync). */
  syncCount: number;
  /** Every context.sync() call. */
  syncCalls: number;
  /** Largest estimated request and response payloads of one sync (bytes), since the last reset. */
  largestRequest: number;
  largestResponse: number;
}

export interface ContextFactory {
  model: WorkbookModel;
  counter: SyncCounter;
  /** The Excel installation the host stands for (requirement sets, payload limit). */
  profile: HostProfile;
  /** Builds the workbook proxy of a new context (set by the host, avoiding an import cycle). */
  createWorkbook: (context: RequestContext) => unknown;
}

export class RequestContext {
  private queue: Op[] = [];
  private running = false;
  /** Estimated bytes of the pending request, and of the response of the sync being applied. */
  private requestBytes = 0;
  private responseBytes = 0;
  readonly workbook: unknown;

  constructor(readonly factory: ContextFactory) {
    this.workbook = factory.createWorkbook(this);
  }

  get model(): WorkbookModel {
    return this.factory.model;
  }

  get profile(): HostProfile {
    return this.factory.profile;
  }

  /** Queues Excel's ApiNotFound answer when the profile lacks the set a member needs (the sync then rejects). */
  requireMember(excelClass: string, member: string): void {
    const set = requiredSet(excelClass, member);
    if (set === undefined || supportsSet(this.factory.profile, set)) return;
    const profile = this.factory.profile;
    this.bindOrQueue(() => checkMember(profile, excelClass, member));
  }

  enqueue(op: Op): void {
    this.queue.push(op);
    this.requestBytes += ACTION_OVERHEAD_BYTES;
  }

  /** Counts what an action sends (written values, arguments). */
  addRequest(value: unknown): void {
    this.requestBytes += payloadSize(value);
  }

  /** Counts what the response brings back (a loaded property, a method's result). */
  addResponse(value: unknown): void {
    this.responseBytes += ACTION_OVERHEAD_BYTES + payloadSize(value);
  }

  /** Binding of a proxy created while a sync is applying operations (collection items, ...) happens at once. */
  bindOrQueue(op: Op): void {
    if (this.running) op();
    else this.queue.push(op);
  }

  /** Number of operations waiting for the next sync (for tests). */
  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const counter = this.factory.counter;
    counter.syncCalls++;
    const ops = this.queue;
    if (ops.length > 0) counter.syncCount++;
    this.queue = [];
    const request = this.requestBytes;
    this.requestBytes = 0;
    this.responseBytes = 0;
    counter.largestRequest = Math.max(counter.largestRequest, request);
    await Promise.resolve();
    const limit = this.factory.profile.payloadLimitBytes;
    if (limit !== undefined && request > limit) {
      throw new HostError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (about ${request} bytes)`,
      );
    }
    this.running = true;
    try {
      for (const op of ops) op();
      counter.largestResponse = Math.max(counter.largestResponse, this.responseBytes);
      if (limit !== undefined && this.responseBytes > limit) {
        throw new HostError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (about ${this.responseBytes} bytes)`,
        );
      }
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw new HostError("GeneralException", error instanceof Error ? error.message : String(error));
    } finally {
      this.running = false;
      this.model.flushChanges();
    }
    return passThroughValue as T;
  }
}

/** A value returned by a method (getCount(), ...): readable after sync. */
export class ClientResult<T> implements OfficeExtension.ClientResult<T> {
  private ready = false;
  private v: T | undefined;

  constructor(context: RequestContext, compute: () => T) {
    context.enqueue(() => {
      this.v = compute();
      context.addResponse(this.v);
      this.ready = true;
    });
  }

  get value(): T {
    if (!this.ready) throw propertyNotLoaded("value");
    return this.v as T;
  }
}

/** What load() takes: "a, b/c", ["a", "b/c"], { a: true, b: { c: true } } or { select: "a", expand: "b" }. */
export type LoadSpec = string | string[] | object | undefined;

/** Turns every load() argument form into a list of paths such as ["values"], ["format", "fill", "color"]. */
export function loadPaths(spec: LoadSpec): string[][] {
  if (spec === undefined || spec === null) return [[]];
  if (typeof spec === "string") {
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "")
      .map((s) => s.split(/[/.]/).filter((p) => p !== ""));
  }
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  const out: string[][] = [];
  const options = spec as { select?: unknown; expand?: unknown };
  if (typeof options.select === "string" || typeof options.expand === "string") {
    if (typeof options.select === "string") out.push(...loadPaths(options.select));
    if (typeof options.expand === "string") out.push(...loadPaths(options.expand));
    return out;
  }
  for (const [key, value] of Object.entries(spec as Record<string, unknown>)) {
    if (key.startsWith("$")) continue;
    if (value === true) out.push([key]);
    else if (value && typeof value === "object")
      out.push(...loadPaths(value as Record<string, unknown>).map((p) => [key, ...p]));
  }
  return out;
}

/**
 * How each scalar property of a proxy is read from its model object. (A method's type, so that a proxy of any model
 * object is a ClientObject<unknown>, as the load machinery sees them.)
 */
export type Readers<Target> = Readonly<Record<string, { read(target: Target): unknown }["read"]>>;

/** Base of every proxy. Subclasses define what they resolve to (bind) and how properties are read. */
export abstract class ClientObject<Target = unknown> {
  protected readonly loaded = new Map<string, unknown>();
  private bound = false;
  private targetValue: Target | undefined;
  private nullObject = false;
  private nullKnown = false;

  constructor(
    readonly context: RequestContext,
    /** Resolves the model object at sync time; undefined means "does not exist". */
    binder: () => Target | undefined,
    private readonly orNull = false,
  ) {
    context.bindOrQueue(() => this.bindNow(binder));
  }

  private bindNow(binder: () => Target | undefined): void {
    const target = binder();
    this.nullKnown = true;
    if (target === undefined) {
      if (!this.orNull) throw itemNotFound(this.describe());
      this.nullObject = true;
    } else {
      this.targetValue = target;
    }
    this.bound = true;
  }

  /** The Excel class this proxy stands for ("Range"), for messages (class names do not survive minifying). */
  private describe(): string {
    return excelClassName(this)?.replace(/^Excel\./, "") ?? "object";
  }

  /** True when the object came from a *OrNullObject method and does not exist. Readable after sync. */
  get isNullObject(): boolean {
    if (!this.nullKnown) throw propertyNotLoaded("isNullObject");
    return this.nullObject;
  }

  /** The model object (only inside queued operations). */
  target(): Target {
    if (!this.bound) throw new HostError("InvalidOperation", `${this.describe()} used before it was resolved`);
    if (this.nullObject) throw itemNotFound(`${this.describe()} (null object)`);
    return this.targetValue as Target;
  }

  /**
   * Scalar properties, each with how to read it from the model object (inside queued operations); load() without
   * names loads them all.
   */
  protected abstract readonly readers: Readers<Target>;

  /** Throws when the model object no longer exists (a deleted worksheet or table); checked before every read. */
  protected assertExists(_target: Target): void {}

  private readonly children = new Map<string, ClientObject<unknown>>();

  /**
   * A navigation property's proxy (format, protection, tables, ...), made once per parent as office.js caches them, so
   * that what is loaded through it is readable from it. Load paths ("format/fill/color") reach it by its name.
   */
  protected child<C extends ClientObject<unknown>>(name: string, make: () => C): C {
    let proxy = this.children.get(name);
    if (!proxy) this.children.set(name, (proxy = make()));
    return proxy as C;
  }

  /** The child a load path names: a getter of this proxy (not a scalar property) that gives a proxy. */
  private navigation(name: string): ClientObject<unknown> | undefined {
    if (Object.hasOwn(this.readers, name)) return undefined;
    for (let p = Object.getPrototypeOf(this) as object | null; p && p !== ClientObject.prototype;) {
      const getter = Object.getOwnPropertyDescriptor(p, name)?.get;
      if (getter) {
        const value: unknown = getter.call(this);
        return value instanceof ClientObject ? value : undefined;
      }
      p = Object.getPrototypeOf(p) as object | null;
    }
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue(() => this.applyLoad(paths));
    return this;
  }

  /** Applies a load at sync time. */
  applyLoad(paths: string[][]): void {
    const excelClass = excelClassName(this);
    const profile = this.context.profile;
    for (const path of paths) {
      if (path.length === 0) {
        // load() without names: the properties this Excel has
        for (const name of Object.keys(this.readers)) {
          const set = excelClass === undefined ? undefined : requiredSet(excelClass, name);
          if (set === undefined || supportsSet(profile, set)) this.loadOne(name);
        }
        continue;
      }
      const [head, ...rest] = path;
      if (excelClass !== undefined) checkMember(profile, excelClass, head!);
      const child = this.navigation(head);
      if (child) {
        child.applyLoad([rest]);
      } else if (rest.length === 0) {
        if (!Object.hasOwn(this.readers, head)) {
          throw new HostError(
            "InvalidArgument",
            `The property '${head}' is not part of the ${this.describe()} object.`,
          );
        }
        this.loadOne(head);
      } else {
        throw new HostError("InvalidArgument", `Cannot load '${path.join("/")}' on ${this.describe()}.`);
      }
    }
  }

  private loadOne(name: string): void {
    const value = this.nullObject ? null : this.readOne(name);
    this.context.addResponse(value);
    this.loaded.set(name, value);
  }

  /** One scalar property's value, read from the model object now. */
  protected readOne(name: string): unknown {
    const target = this.target();
    this.assertExists(target);
    return this.readers[name]!(target);
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Queues a property write; after the sync, the written value is readable from this proxy. */
  protected set(name: string, value: unknown, apply: () => void): void {
    const excelClass = excelClassName(this);
    if (excelClass !== undefined) this.context.requireMember(excelClass, name);
    this.context.addRequest(value);
    this.context.enqueue(() => {
      apply();
      this.loaded.set(name, value);
    });
  }

  /** Queues a method call (its effect happens at sync). */
  protected queue(apply: () => void): void {
    this.context.enqueue(apply);
  }

  /** A method's return value, readable after sync. */
  protected result<T>(compute: () => T): ClientResult<T> {
    return new ClientResult(this.context, compute);
  }
}

/** Base of collections: `items` is readable after load; loading "name" loads it on every item. */
export abstract class ClientCollection<Item extends ClientObject<unknown>> extends ClientObject<true> {
  private itemsValue: Item[] | undefined;

  constructor(context: RequestContext) {
    super(context, () => true);
  }

  /** Proxies for the current items (inside queued operations); they are bound immediately. */
  protected abstract currentItems(): Item[];

  /** Collection-level scalar properties (e.g. `count`); loading another name loads it on every item. */
  protected readonly readers: Readers<true> = {};

  override applyLoad(paths: string[][]): void {
    const itemPaths: string[][] = [];
    for (const path of paths) {
      if (path[0] === "items") itemPaths.push(path.slice(1));
      else if (path.length === 1 && Object.hasOwn(this.readers, path[0]!))
        this.loaded.set(path[0]!, this.readOne(path[0]!));
      else itemPaths.push(path);
    }
    if (itemPaths.length === 0) return;
    const items = this.currentItems();
    for (const item of items) item.applyLoad(itemPaths);
    this.itemsValue = items;
  }

  get items(): Item[] {
    if (!this.itemsValue) throw propertyNotLoaded("items");
    return this.itemsValue;
  }
}

/** A collection with a `count` property (table rows). */
export abstract class CountedCollection<Item extends ClientObject<unknown>> extends ClientCollection<Item> {
  /** The number of items (inside queued operations). */
  protected abstract itemCount(): number;

  protected override readonly readers: Readers<true> = { count: () => this.itemCount() };

  get count(): number {
    return this.get("count");
  }
}
