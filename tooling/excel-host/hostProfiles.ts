/**
 * The Excel installations the host can stand in for. Each profile lists the requirement sets that installation
 * supports (highest version of each), from Microsoft's tables:
 * - ExcelApi: learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 *   (Office 2021 volume-licensed: up to 1.14; Mac: 1.11 from 16.33, 1.12 from 16.40; web and Microsoft 365: all,
 *   1.20 being the last one with a build number; ExcelApiOnline: Excel on the web only; ExcelApiDesktop 1.1:
 *   Windows from version 2509);
 * - CustomFunctionsRuntime: .../excel/custom-functions-requirement-sets (Office 2021: 1.1-1.3; Mac: 1.1-1.2 from
 *   16.34, 1.3 from 16.40; web and Microsoft 365: up to 1.5);
 * - SharedRuntime 1.1: the add-in's shared runtime, available on all four (README "Which Excel").
 * A member of a set above the profile fails at context.sync() with ApiNotFound, as in Excel.
 */
import type { EmptyAnyArgument } from "./customFunctionPlugin";

export type ProfileName = "microsoft365" | "office2021" | "web" | "mac";

export interface HostProfile {
  name: ProfileName;
  /** What Office.context.diagnostics reports. */
  platform: "PC" | "OfficeOnline" | "Mac";
  version: string;
  /** Requirement set → highest supported version ("1.14"). A set not listed is not supported. */
  sets: Readonly<Record<string, string>>;
  /** Excel on the web refuses a request or a response above 5 MB; undefined: no limit. */
  payloadLimitBytes?: number;
  /** What a single empty cell becomes for a custom-function parameter of type any (desktop 0, web null). */
  emptyAnyArgument: EmptyAnyArgument;
}

/** Excel on the web's limit for one request and for one response (Excel "resource limits" documentation). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export const HOST_PROFILES: Readonly<Record<ProfileName, HostProfile>> = {
  microsoft365: {
    name: "microsoft365",
    platform: "PC",
    version: "16.0.19231.20156",
    sets: { ExcelApi: "1.20", ExcelApiDesktop: "1.1", CustomFunctionsRuntime: "1.5", SharedRuntime: "1.1" },
    emptyAnyArgument: 0,
  },
  office2021: {
    name: "office2021",
    platform: "PC",
    version: "16.0.14332.20011",
    sets: { ExcelApi: "1.14", CustomFunctionsRuntime: "1.3", SharedRuntime: "1.1" },
    emptyAnyArgument: 0,
  },
  web: {
    name: "web",
    platform: "OfficeOnline",
    version: "16.0.19328.40000",
    sets: { ExcelApi: "1.20", ExcelApiOnline: "1.1", CustomFunctionsRuntime: "1.5", SharedRuntime: "1.1" },
    payloadLimitBytes: WEB_PAYLOAD_LIMIT_BYTES,
    emptyAnyArgument: null,
  },
  mac: {
    name: "mac",
    platform: "Mac",
    version: "16.35 (20030802)",
    sets: { ExcelApi: "1.11", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" },
    emptyAnyArgument: 0,
  },
};

export const PROFILE_NAMES = Object.keys(HOST_PROFILES) as ProfileName[];

function versionParts(v: string): [number, number] {
  const [major, minor] = v.split(".").map(Number);
  return [major ?? 0, minor ?? 0];
}

/** Office.context.requirements.isSetSupported for a profile: any version when none is given. */
export function profileSupports(profile: HostProfile, name: string, minVersion?: string | number): boolean {
  const entry = Object.entries(profile.sets).find(([set]) => set.toLowerCase() === name.toLowerCase());
  if (!entry) return false;
  if (minVersion === undefined || minVersion === null || minVersion === "") return true;
  const [a1, a2] = versionParts(entry[1]);
  const [b1, b2] = versionParts(String(minVersion));
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}
