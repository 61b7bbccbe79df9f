import { useEffect, useState } from 'react';
import { currentVersion } from '../../../../shared/documents/types.js';
import { openDocument, ViewerError, type Opened, type OpenRequest, type ViewerFailure } from './source.js';

export type OpenState = { phase: 'loading' } | { phase: 'ready'; opened: Opened } | { phase: 'failed'; failure: ViewerFailure };

const LOADING: OpenState = { phase: 'loading' };

/** The document's current version, opened (again when `attempt` changes: the reader's "try again"). */
export function useOpened({ meetingId, document, token }: OpenRequest, attempt: number): OpenState {
  const sha256 = currentVersion(document).sha256;
  // The state names the file it is for: the render that brings another file (the screen going to
  // the next document) is already "loading", never the previous file under the new page number.
  const key = `${meetingId}/${document.id}/${sha256}/${attempt}`;
  const [state, setState] = useState<{ key: string; open: OpenState }>({ key, open: LOADING });
  useEffect(() => {
    const abort = new AbortController();
    openDocument({ meetingId, document, token }, abort.signal).then(
      (opened) => {
        // A PDF opened too late goes with its task (destroyed on abort); an image is let go here.
        if (!abort.signal.aborted) setState({ key, open: { phase: 'ready', opened } });
        else if (opened.kind === 'image') opened.image.close();
      },
      (e: unknown) => {
        if (abort.signal.aborted) return;
        console.warn('document failed to open', e);
        setState({ key, open: { phase: 'failed', failure: e instanceof ViewerError ? e.failure : 'unavailable' } });
      },
    );
    return () => {
      abort.abort();
      // The file let go is destroyed: coming back to it (the screen going A, B, A) opens it again.
      setState((s) => (s.key === key ? { key: '', open: LOADING } : s));
    };
    // The file is named by its hash: a new title or order does not reopen it, a new version does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, token]);
  return state.key === key ? state.open : LOADING;
}
