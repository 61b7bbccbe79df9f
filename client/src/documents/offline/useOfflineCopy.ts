import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { MeetingDocument } from '../../../../shared/documents/types.js';
import { documentFilePath } from '../../../../shared/documents/urls.js';
import { Downloader, type DownloaderView } from './downloader.js';
import { canKeepFiles, idbFiles } from './idbFiles.js';
import { wantedFiles } from './plan.js';

const EMPTY: DownloaderView = { wanted: [], held: new Map(), stopped: new Map(), fetching: null, offline: false };
const noop = () => () => undefined;

// One per page: the list and the summary read the same downloads, and a remount does not start over.
let current: { key: string; downloader: Downloader; wake: () => void } | null = null;

function downloaderFor(meetingId: string, token: string): Downloader | null {
  if (!canKeepFiles()) return null;
  const key = `${meetingId}\n${token}`;
  if (current?.key !== key) {
    if (current) {
      current.downloader.close();
      window.removeEventListener('online', current.wake);
    }
    const downloader = new Downloader({
      files: idbFiles,
      fetch: (input, init) => fetch(input, init),
      urlOf: (f) => documentFilePath(meetingId, f.documentId, f.version),
      token,
    });
    const wake = () => downloader.wake();
    window.addEventListener('online', wake);
    current = { key, downloader, wake };
  }
  return current.downloader;
}

/**
 * Keeps the documents of `docs` on this device in the background (`keep`: the tablet, which the room
 * depends on), or only reads how far that got (the list). Null where the browser cannot keep files.
 */
export function useOfflineCopy(meetingId: string, token: string, docs: readonly MeetingDocument[], keep: boolean): DownloaderView | null {
  const downloader = useMemo(() => downloaderFor(meetingId, token), [meetingId, token]);
  const wanted = useMemo(() => wantedFiles(docs), [docs]);
  useEffect(() => {
    if (keep) downloader?.setWanted(wanted);
  }, [downloader, wanted, keep]);
  const view = useSyncExternalStore(downloader?.subscribe ?? noop, downloader?.getView ?? (() => EMPTY));
  return downloader ? view : null;
}
