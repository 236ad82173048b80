/**
 * createHost(): an in-memory Excel for tests, benchmarks and the preview page. `host.Excel` and `host.Office`
 * stand in for office.js's globals (install them with host.install(globalThis)); `host.model` is the workbook.
 */
import { typedInput } from "./typedInput";
import { parseAddress, qualifiedAddress } from "./rangeAddress";
import type { CellScalar } from "./cellValue";
import { RequestContext, type ContextFactory } from "./clientObject";
import { conditionalLooks, type ConditionalLook } from "./conditionalLooks";
import type { CustomFunctionsMetadata, EmptyAnyArgument } from "./customFunctionPlugin";
import { installCustomFunctionsShim, registerCustomFunctionsInEngine } from "./customFunctions";
import { excelEnums } from "./excelEnums";
import { HostError } from "./hostError";
import { createOfficeShim, type OfficeShim, type OfficeTheme } from "./officeGlobal";
import { HostRange } from "./rangeProxy";
import { HostWorkbook } from "./workbookProxy";
import { WorkbookModel } from "./hostWorkbook";
import "./worksheetProxy";
import { HOST_PROFILES, profileSupports, type HostProfile, type ProfileName } from "./hostProfiles";
import "./apiSetEnforcement";

export interface HostOptions {
  /** The Excel installation to stand for (requirement sets, payload limit, argument conventions); default microsoft365. */
  profile?: ProfileName | HostProfile;
  /** Sheets the new workbook starts with (default: one sheet, "Sheet1"). */
  sheets?: string[];
  displayLanguage?: string;
  theme?: OfficeTheme;
  /**
   * What an empty cell becomes when passed to a custom-function parameter of type "any" (scalar or inside a
   * matrix). Excel desktop passes 0 (OfficeDev/office-js issues #1951, #5262, #4702); Excel on the web passes
   * null for a single empty cell. Parameters typed string/number/boolean get "", 0 and false. Default: the profile's.
   */
  emptyAnyArgument?: EmptyAnyArgument;
}

/** The context a batch receives: `context.workbook` is the host's workbook proxy. */
export type HostRequestContext = RequestContext & { workbook: HostWorkbook };

type Batch<T> = (context: HostRequestContext) => Promise<T>;

export interface HostExcel extends ReturnType<typeof excelEnums> {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: unknown, batch: Batch<T>): Promise<T>;
  RequestContext: new () => RequestContext;
}

export interface UserEditResult {
  ok: boolean;
  /** Why the edit was refused (protected cell, data validation). */
  title?: string;
  message?: string;
  /** "locked": a locked cell on a protected sheet (Excel shows its own alert, in the user's language). */
  reason?: "locked" | "validation";
}

export interface SheetSnapshot {
  id: string;
  name: string;
  position: number;
  visibility: string;
  protected: boolean;
  /** Values of the used range, from A1 (so indexes are row/column numbers). */
  values: CellScalar[][];
  formulas: CellScalar[][];
}

export interface HostSnapshot {
  activeSheet: string | undefined;
  selection: string | undefined;
  sheets: SheetSnapshot[];
  tables: { name: string; sheet: string; address: string }[];
  names: { name: string; formula: string }[];
  customProperties: Record<string, unknown>;
}

export interface LiatHost {
  /** The Excel installation this host stands for. */
  profile: HostProfile;
  Excel: HostExcel;
  Office: OfficeShim;
  /** The workbook itself (sheets, cells, formats, tables, names, events). */
  model: WorkbookModel;
  /** Same as model (the name used in the design notes). */
  workbookState: WorkbookModel;
  /** context.sync() round trips (syncs with pending operations, including Excel.run's final one). */
  readonly syncCount: number;
  /** Every context.sync() call, empty ones included. */
  readonly syncCalls: number;
  /**
   * Largest estimated payloads of one sync since the last reset (bytes): what a request carried (values, formulas,
   * formats, arguments) and what its response brought back (loaded properties). Excel on the web's limit: 5 MB each.
   */
  readonly largestPayload: { request: number; response: number };
  resetSyncCount(): void;
  registerCustomFunctions(
    fns: Record<string, (...args: never[]) => unknown>,
    metadata: CustomFunctionsMetadata,
    namespace?: string,
  ): { registered: string[]; missing: string[] };
  /** Keeps a function passed to CustomFunctions.associate until its metadata arrives (see applyMetadata). */
  associateCustomFunction(id: string, fn: (...args: never[]) => unknown): void;
  /** Registers every associated function described by `metadata`. */
  applyMetadata(metadata: CustomFunctionsMetadata, namespace?: string): { registered: string[]; missing: string[] };
  /**
   * A user typing into a cell: protection and data validation apply, change events fire (triggerSource Unknown).
   * With a locale ("fr-FR"), typed text is read as that locale's Excel reads it (typedInput.ts); without, as en-US.
   */
  setCellValueAsUser(sheet: string, address: string, value: unknown, locale?: string): UserEditResult;
  /** A user selecting cells (switches sheet). */
  selectAsUser(sheet: string, address: string): void;
  /** Computed value and error message of one cell ("#VALUE!" and the custom function's message, for instance). */
  getCell(
    sheet: string,
    address: string,
  ): { value: CellScalar; formula: CellScalar; text: string; errorMessage?: string };
  /**
   * What the conditional formats over a cell paint on it (fill, font colour, bold, italic), or null when no rule
   * holds: rules in priority order with stopIfTrue, formulas moved to the cell, evaluated now (never stale).
   */
  conditionalFormatAt(sheet: string, address: string): ConditionalLook | null;
  /** The same for every cell of a rectangle ("A1:L40"), row by row; only cells under a rule are evaluated. */
  conditionalFormatsIn(sheet: string, address: string): (ConditionalLook | null)[][];
  getSnapshot(): HostSnapshot;
  /** Resolves when every event handler dispatched so far has finished. */
  idle(): Promise<void>;
  /** Defines Excel, Office and CustomFunctions on a global object (globalThis in tests, a frame's window in the preview). */
  install(global: object): void;
}

export function createHost(options: HostOptions = {}): LiatHost {
  const profile =
    typeof options.profile === "object" ? options.profile : HOST_PROFILES[options.profile ?? "microsoft365"];
  const model = new WorkbookModel();
  model.engine.emptyAnyArgument =
    options.emptyAnyArgument === undefined ? profile.emptyAnyArgument : options.emptyAnyArgument;
  for (const name of options.sheets ?? ["Sheet1"]) model.addSheet(name);
  const counter = { syncCount: 0, syncCalls: 0, largestRequest: 0, largestResponse: 0 };
  const factory: ContextFactory = {
    model,
    counter,
    profile,
    createWorkbook: (context) => new HostWorkbook(context),
  };
  const associated = new Map<string, (...args: never[]) => unknown>();

  const newContext = () => new RequestContext(factory) as HostRequestContext;

  model.events.decorate = (args) => {
    const worksheetId = args.worksheetId as string | undefined;
    const address = args.address as string | undefined;
    if (worksheetId === undefined || address === undefined) return args;
    return {
      ...args,
      getRange: (ctx: HostRequestContext) => ctx.workbook.worksheets.getItem(worksheetId).getRange(address),
      getRangeOrNullObject: (ctx: HostRequestContext) =>
        new HostRange(
          ctx,
          () => {
            const sheet = ctx.model.sheets.find((s) => s.id === worksheetId);
            return sheet ? { sheet, rect: parseAddress(address).rect } : undefined;
          },
          true,
        ),
    };
  };

  async function run<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T>;
    if (typeof batch !== "function") throw new HostError("InvalidArgument", "Excel.run needs a batch function.");
    // Excel.run(context, batch) reuses an existing context (as office.js does, e.g. to remove event handlers).
    const context = first instanceof RequestContext ? (first as HostRequestContext) : newContext();
    const result = await batch(context);
    if (context.pendingOperations > 0) await context.sync();
    return result;
  }

  class PublicRequestContext extends RequestContext {
    constructor() {
      super(factory);
    }
  }

  const Excel = { ...excelEnums(), run, RequestContext: PublicRequestContext } as unknown as HostExcel;
  const Office = createOfficeShim({ displayLanguage: options.displayLanguage, theme: options.theme, profile });

  const sheetNamed = (name: string) => model.sheetByName(name);

  const host: LiatHost = {
    profile,
    Excel,
    Office,
    model,
    workbookState: model,
    get syncCount() {
      return counter.syncCount;
    },
    get syncCalls() {
      return counter.syncCalls;
    },
    get largestPayload() {
      return { request: counter.largestRequest, response: counter.largestResponse };
    },
    resetSyncCount() {
      counter.syncCount = 0;
      counter.syncCalls = 0;
      counter.largestRequest = 0;
      counter.largestResponse = 0;
    },
    registerCustomFunctions(fns, metadata, namespace = "LIAT") {
      return registerCustomFunctionsInEngine(model.engine, fns, metadata, namespace);
    },
    associateCustomFunction(id, fn) {
      associated.set(id.toUpperCase(), fn);
    },
    applyMetadata(metadata, namespace = "LIAT") {
      const result = registerCustomFunctionsInEngine(model.engine, Object.fromEntries(associated), metadata, namespace);
      model.notify();
      return result;
    },
    setCellValueAsUser(sheetName, address, typed, locale) {
      const sheet = sheetNamed(sheetName);
      const { rect } = parseAddress(address);
      if (sheet.protection.protected && model.isLocked(sheet, rect)) {
        return {
          ok: false,
          title: "Microsoft Excel",
          message:
            "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
          reason: "locked",
        };
      }
      const value = typedInput(typed, locale);
      const check = model.checkEntry(sheet, rect.r0, rect.c0, value);
      if (!check.ok) return { ok: false, title: check.title, message: check.message, reason: "validation" };
      model.writeCells(sheet, rect, value, "values", "Unknown");
      model.flushChanges();
      return { ok: true };
    },
    selectAsUser(sheetName, address) {
      model.select(sheetNamed(sheetName), parseAddress(address).rect);
    },
    getCell(sheetName, address) {
      const sheet = sheetNamed(sheetName);
      const { rect } = parseAddress(address);
      const cell = model.engine.readCell(sheet.engineId, rect.r0, rect.c0);
      const single = { ...rect, r1: rect.r0, c1: rect.c0 };
      return {
        value: cell.value,
        formula: model.formulas(sheet, single)[0][0],
        text: model.texts(sheet, single)[0][0],
        ...(cell.errorMessage ? { errorMessage: cell.errorMessage } : {}),
      };
    },
    conditionalFormatAt(sheetName, address) {
      const { rect } = parseAddress(address);
      return conditionalLooks(model, sheetNamed(sheetName), { ...rect, r1: rect.r0, c1: rect.c0 })[0][0];
    },
    conditionalFormatsIn(sheetName, address) {
      return conditionalLooks(model, sheetNamed(sheetName), parseAddress(address).rect);
    },
    getSnapshot() {
      return {
        activeSheet: model.sheets.find((s) => s.id === model.activeSheetId)?.name,
        selection: model.selection
          ? qualifiedAddress(model.sheetById(model.selection.sheetId).name, model.selection.rect)
          : undefined,
        sheets: model.sheets.map((s, position) => {
          const used = model.usedRect(s, true);
          const rect = used ? { r0: 0, c0: 0, r1: used.r1, c1: used.c1 } : undefined;
          return {
            id: s.id,
            name: s.name,
            position,
            visibility: s.visibility,
            protected: s.protection.protected,
            values: rect ? model.values(s, rect) : [],
            formulas: rect ? model.formulas(s, rect) : [],
          };
        }),
        tables: model.tables.map((t) => ({
          name: t.name,
          sheet: model.sheetById(t.sheetId).name,
          address: model.describe(model.sheetById(t.sheetId), t.rect),
        })),
        names: [...model.names.values()].map((n) => ({
          name: n.name,
          formula: model.engine.nameFormula(n.name) ?? n.formula,
        })),
        customProperties: Object.fromEntries([...model.customProperties.values()].map((p) => [p.key, p.value])),
      };
    },
    idle() {
      return model.events.idle();
    },
    install(global) {
      Object.assign(global, { Excel, Office });
      installCustomFunctionsShim(
        global,
        { associate: (id, fn) => host.associateCustomFunction(id, fn) },
        profileSupports(profile, "CustomFunctionsRuntime", "1.2"),
      );
    },
  };
  return host;
}
