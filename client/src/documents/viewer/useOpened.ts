import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { currentVersion } from '../../../../shared/documents/types.js';
import { openDocument, ViewerError, type Opened, type OpenRequest, type ViewerFailure } from './source.js';

export type OpenState = { phase: 'loading' } | { phase: 'ready'; opened: Opened } | { phase: 'failed'; failure: ViewerFailure };

/** The document's current version, opened (again when `attempt` changes: the reader's "try again"). */
export function useOpened({ meetingId, document, token }: OpenRequest, attempt: number): OpenState {
  const [state, setState] = useState<OpenState>({ phase: 'loading' });
  const sha256 = currentVersion(document).sha256;
  useEffect(() => {
    let task: PDFDocumentLoadingTask | null = null;
    let cancelled = false;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new file (or a retry) starts loading
    setState({ phase: 'loading' });
    openDocument({ meetingId, document, token }, (t) => (task = t)).then(
      (opened) => {
        // A PDF opened too late goes with its task (destroyed below); an image is let go here.
        if (!cancelled) setState({ phase: 'ready', opened });
        else if (opened.kind === 'image') opened.image.close();
      },
      (e: unknown) => {
        if (cancelled) return;
        console.warn('document failed to open', e);
        setState({ phase: 'failed', failure: e instanceof ViewerError ? e.failure : 'unavailable' });
      },
    );
    return () => {
      cancelled = true;
      void task?.destroy();
    };
    // The file is named by its hash: a new title or order does not reopen it, a new version does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId, document.id, sha256, token, attempt]);
  return state;
}
