/** Follows the Office theme: a dark body background gives Fluent's dark theme, anything else the light one. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance (0 black .. 1 white) of a #rgb / #rrggbb colour, or null when it is not one. */
export function luminance(color: string | undefined | null): number | null {
  if (typeof color !== "string") return null;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

export function isDarkBackground(color: string | undefined | null): boolean {
  const l = luminance(color);
  return l !== null && l < 0.2;
}

/** The Office body background colour, when the host tells it (Office.context.officeTheme). */
export function officeBodyBackground(): string | undefined {
  try {
    return typeof Office === "undefined" ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

export function officeFluentTheme(background = officeBodyBackground()): Theme {
  return isDarkBackground(background) ? webDarkTheme : webLightTheme;
}
