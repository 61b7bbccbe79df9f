import { useCallback, useEffect, useRef, useState } from 'react';
import type { Fetched } from '../../live/getJson.js';

export interface Remote<T> {
  /** The last good answer (kept while a refresh is on its way, so the view does not flicker). */
  value: T | null;
  /** The last failure, until the next good answer. */
  error: Extract<Fetched<T>, { ok: false }> | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Fetches while mounted: again whenever `key` changes (another document, another version; what was
 * shown for the old key is dropped), whenever `refresh` changes or `reload` is called (the last
 * answer stays until the new one), and every `pollMs` if given. An answer to an older request than
 * the latest is dropped, so a slow reply never overwrites a newer one.
 */
export function useFetched<T>(load: (signal: AbortSignal) => Promise<Fetched<T>>, key: string, opts: { refresh?: unknown; pollMs?: number } = {}): Remote<T> {
  const { refresh, pollMs } = opts;
  const [value, setValue] = useState<{ key: string; value: T } | null>(null);
  const [error, setError] = useState<{ key: string; error: Extract<Fetched<T>, { ok: false }> } | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      setLoading(true);
      const outcome = await loadRef.current(controller.signal);
      if (controller.signal.aborted) return;
      setLoading(false);
      if (outcome.ok) {
        setValue({ key, value: outcome.value });
        setError(null);
      } else {
        setError({ key, error: outcome });
      }
      if (pollMs) timer = setTimeout(() => void run(), pollMs);
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, refresh, tick, pollMs]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  // A value or error of another key (the previous document) is never shown under this one.
  return { value: value?.key === key ? value.value : null, error: error?.key === key ? error.error : null, loading, reload };
}
