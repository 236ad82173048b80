/**
 * The one palette of the product: the colour of each status step, used by the domain sheets' conditional formats
 * (src/core/layout.ts), the task pane's bars, legend and chart, and the command line's workbook.
 *
 * A single-hue ramp (light to dark blue, as the level rises) with a neutral grey for "not applicable": the steps
 * differ by lightness, so they stay apart with any colour-vision deficiency (protanopia, deuteranopia, tritanopia,
 * and in greyscale), and the text written on each fill keeps a contrast of at least 4.5:1 (WCAG AA). Red stays for
 * one meaning only: an invalid entry (HIGHLIGHT in layout.ts).
 */

/** Status key: the level (0 not started .. 4 sustained), "na", or "blank" (nothing entered). */
export type StatusColorKey = "0" | "1" | "2" | "3" | "4" | "na" | "blank";

export interface StatusColor {
  /** Cell fill in the sheet, bar segment and legend swatch in the pane (#RRGGBB). */
  fill: string;
  /** Text written on that fill (#RRGGBB), at least 4.5:1 against it. */
  font: string;
}

export const STATUS_PALETTE: Readonly<Record<StatusColorKey, StatusColor>> = {
  "0": { fill: "#EFF3FF", font: "#000000" },
  "1": { fill: "#BDD7E7", font: "#000000" },
  "2": { fill: "#6BAED6", font: "#000000" },
  "3": { fill: "#3182BD", font: "#000000" },
  "4": { fill: "#08519C", font: "#FFFFFF" },
  na: { fill: "#D9D9D9", font: "#404040" },
  // blank: no fill in the sheet; the pane draws an outlined swatch
  blank: { fill: "#FFFFFF", font: "#000000" },
};

/** The colour of a status level (0-4). */
export function levelColor(level: number): StatusColor {
  return STATUS_PALETTE[String(level) as StatusColorKey] ?? STATUS_PALETTE.blank;
}
