import { canKeepFiles, idbFiles } from './idbFiles.js';

/** The whole file with this SHA-256 as this device keeps it, or null when it is not (all) here. */
export async function cachedFile(sha256: string): Promise<Blob | null> {
  if (!canKeepFiles()) return null;
  try {
    const held = (await idbFiles.list()).get(sha256);
    // Only a checked file is served: a half-received one would open as a broken PDF.
    return held?.complete ? await idbFiles.read(sha256) : null;
  } catch {
    return null;
  }
}
