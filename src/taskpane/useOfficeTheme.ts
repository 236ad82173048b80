/**
 * The Fluent theme that follows the Office theme while the pane is open. Excel has no theme-change
 * event for task panes (OfficeThemeChanged is Outlook's), and a theme is changed in File > Account,
 * away from the pane: so the theme is read again whenever the pane comes back into view or focus.
 */
import type { Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { officeBodyBackground, officeFluentTheme } from "./theme";

export function useOfficeTheme(): Theme {
  const [background, setBackground] = useState(officeBodyBackground);
  useEffect(() => {
    const check = () => setBackground(officeBodyBackground());
    window.addEventListener("focus", check);
    document.addEventListener("visibilitychange", check);
    return () => {
      window.removeEventListener("focus", check);
      document.removeEventListener("visibilitychange", check);
    };
  }, []);
  return officeFluentTheme(background);
}
