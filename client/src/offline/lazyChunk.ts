import { lazy } from 'react';

const FIRST_RETRY_MS = 500;
/** socket.io's own ceiling between attempts: the chunk is back no later than the meeting is. */
const MAX_RETRY_MS = 5000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Imports a chunk, trying again until it arrives. A download cut off by a server restart or a
 * Wi-Fi drop rejects, and React.lazy keeps that rejection for good: with nothing to catch it the
 * whole app unmounts and the tablet stays blank after its socket is back. The browser does not
 * remember a failed import, so importing again works as soon as the server answers.
 */
export async function importRetrying<T>(load: () => Promise<T>, wait: (ms: number) => Promise<void> = sleep): Promise<T> {
  for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
    try {
      return await load();
    } catch {
      await wait(delay);
    }
  }
}

/** React.lazy whose import survives a lost connection: the Suspense fallback shows meanwhile. */
export const lazyChunk: typeof lazy = (load) => lazy(() => importRetrying(load));
