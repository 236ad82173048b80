/**
 * Live workbook state shared by the views: the workbook status, and the latest summary and issues
 * from src/excel's live validator. The previous data stays on screen while an update is under way
 * (no flicker); each change is handled incrementally by the validator, not by re-reading everything.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { LiveUpdate, WorkbookStatus } from "../excel/types";
import type { LiveSubscription } from "./workbookApi";
import { useWorkbookApi } from "./workbookApiContext";

export interface LiveWorkbook {
  status: WorkbookStatus | null;
  /** Latest summary and issues; kept while the next one is computed. */
  live: LiveUpdate | null;
  /** True until the first status (and, for a LIAT workbook, the first update) arrives. */
  loading: boolean;
  /** The last error reading the workbook or following its changes; cleared by the next success. */
  error: unknown;
  /** Re-reads the status and restarts the live validator (after setup operations). */
  refresh(): Promise<void>;
}

const LiveWorkbookContext = createContext<LiveWorkbook | null>(null);

export function useLiveWorkbook(): LiveWorkbook {
  const value = useContext(LiveWorkbookContext);
  if (value === null) throw new Error("useLiveWorkbook: no LiveWorkbookProvider above this component");
  return value;
}

export function LiveWorkbookProvider({ children }: { children: ReactNode }) {
  const api = useWorkbookApi();
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [live, setLive] = useState<LiveUpdate | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const subscription = useRef<LiveSubscription | null>(null);
  /** Bumped on every refresh and on unmount: callbacks of an older generation are ignored. */
  const generation = useRef(0);

  const stopWatching = useCallback(() => {
    const current = subscription.current;
    subscription.current = null;
    if (current) void Promise.resolve(current.dispose()).catch(() => undefined);
  }, []);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    stopWatching();
    try {
      const next = await api.getStatus();
      if (mine !== generation.current) return;
      setStatus(next);
      setError(null);
      if (!next.hasLiat) {
        setLive(null);
        setLoading(false);
        return;
      }
      subscription.current = api.watch(
        (update) => {
          if (mine !== generation.current) return;
          setLive(update);
          setError(null);
          setLoading(false);
        },
        (err) => {
          if (mine !== generation.current) return;
          setError(err);
          setLoading(false);
        },
      );
    } catch (err) {
      if (mine !== generation.current) return;
      setError(err);
      setLoading(false);
    }
  }, [api, stopWatching]);

  useEffect(() => {
    void refresh();
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- a counter, not a DOM node: the cleanup bumps its latest value so that a read still under way is dropped
      generation.current++;
      stopWatching();
    };
  }, [refresh, stopWatching]);

  const value = useMemo<LiveWorkbook>(
    () => ({ status, live, loading, error, refresh }),
    [status, live, loading, error, refresh],
  );
  return <LiveWorkbookContext.Provider value={value}>{children}</LiveWorkbookContext.Provider>;
}
