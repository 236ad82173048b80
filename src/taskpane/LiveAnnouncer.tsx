/** A polite live region telling screen-reader users when the summary changed (score or issue count). */
import { makeStyles } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatScore } from "./format";
import { useLiveWorkbook } from "./liveWorkbook";
import { useLang } from "./useLang";
import { visuallyHidden } from "./visuallyHidden";

const useStyles = makeStyles({ visuallyHidden });

export function LiveAnnouncer() {
  const { t } = useTranslation();
  const lang = useLang();
  const styles = useStyles();
  const { live } = useLiveWorkbook();
  const [message, setMessage] = useState("");
  const previous = useRef<string | null>(null);

  const score = live?.summary.overall.score ?? null;
  const count = live?.issues.length ?? 0;
  const key = live ? `${score}|${count}` : null;
  useEffect(() => {
    if (key === null) return;
    if (previous.current !== null && previous.current !== key) {
      setMessage(
        score === null
          ? t("summary.announceNoScore", { count })
          : t("summary.announce", { score: formatScore(score, lang), count }),
      );
    }
    previous.current = key;
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- announce only when the summary (key) changes, not when a render makes new t/score values

  return (
    <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="live-announcer">
      {message}
    </div>
  );
}
