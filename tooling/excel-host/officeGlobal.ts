/** A stand-in for the `Office` global of office.js, as much as an Excel add-in uses outside Excel.run. */
import { HOST_PROFILES, profileSupports, type HostProfile } from "./hostProfiles";

export interface OfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme?: boolean;
}

export const LIGHT_THEME: OfficeTheme = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#000000",
  isDarkTheme: false,
};

export const DARK_THEME: OfficeTheme = {
  bodyBackgroundColor: "#292929",
  bodyForegroundColor: "#FFFFFF",
  controlBackgroundColor: "#1F1F1F",
  controlForegroundColor: "#FFFFFF",
  isDarkTheme: true,
};

export interface OfficeShim {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  initialize?: () => void;
  context: {
    displayLanguage: string;
    contentLanguage: string;
    officeTheme: OfficeTheme;
    platform: string;
    diagnostics: { host: string; platform: string; version: string };
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    document: {
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(cb?: (r: { status: string }) => void): void;
      };
    };
    ui: {
      messageParent(message: string): void;
      displayDialogAsync(url: string, options?: unknown, cb?: (r: unknown) => void): void;
    };
  };
  addin: {
    showAsTaskpane(): Promise<void>;
    hide(): Promise<void>;
    onVisibilityModeChanged(handler: unknown): Promise<() => Promise<void>>;
    setStartupBehavior(behavior: unknown): Promise<void>;
  };
  actions: { associate(id: string, fn: (...args: unknown[]) => unknown): void };
  HostType: { Excel: "Excel" };
  PlatformType: { PC: "PC"; OfficeOnline: "OfficeOnline"; Mac: "Mac" };
  AsyncResultStatus: { Succeeded: "succeeded"; Failed: "failed" };
  /** Actions registered with Office.actions.associate (ribbon commands), for tests and the preview page. */
  registeredActions: Map<string, (...args: unknown[]) => unknown>;
}

export function createOfficeShim(
  options: { displayLanguage?: string; theme?: OfficeTheme; profile?: HostProfile } = {},
): OfficeShim {
  const profile = options.profile ?? HOST_PROFILES.microsoft365;
  const info = { host: "Excel", platform: profile.platform };
  const settings = new Map<string, unknown>();
  const registeredActions = new Map<string, (...args: unknown[]) => unknown>();
  return {
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
    initialize: () => undefined,
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      contentLanguage: options.displayLanguage ?? "en-US",
      officeTheme: { ...(options.theme ?? LIGHT_THEME) },
      platform: profile.platform,
      diagnostics: { host: "Excel", platform: profile.platform, version: `${profile.version} (in-memory host)` },
      requirements: { isSetSupported: (name, minVersion) => profileSupports(profile, name, minVersion) },
      document: {
        settings: {
          get: (name) => settings.get(name) ?? null,
          set: (name, value) => void settings.set(name, value),
          remove: (name) => void settings.delete(name),
          saveAsync: (cb) => cb?.({ status: "succeeded" }),
        },
      },
      ui: {
        messageParent: () => undefined,
        displayDialogAsync: (_url, _options, cb) =>
          cb?.({
            status: "failed",
            error: { code: 12007, message: "Dialogs are not available in the in-memory host." },
          }),
      },
    },
    addin: {
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
      setStartupBehavior: () => Promise.resolve(),
    },
    actions: { associate: (id, fn) => void registeredActions.set(id, fn) },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    registeredActions,
  };
}
