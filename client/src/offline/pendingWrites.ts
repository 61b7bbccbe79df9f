/**
 * Writes to this device's storage that must be finished before the page goes away on purpose (an
 * app update reloads it): each open notes document registers how to wait for its IndexedDB copy.
 * Kept apart from the notes code so that the update path does not load the editor's libraries.
 */
const flushes = new Set<() => Promise<void>>();

/** Registers `flush`; call the answer to unregister. */
export function onBeforeReload(flush: () => Promise<void>): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Waits for every registered write, at most `timeoutMs` (storage that never answers must not keep the old app). */
export async function flushBeforeReload(timeoutMs = 5000): Promise<void> {
  const all = Promise.allSettled([...flushes].map((flush) => flush()));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
