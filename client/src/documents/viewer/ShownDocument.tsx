import { Suspense } from 'react';
import { useConnection, useMeeting } from '../../live/useMeeting.js';
import { lazyChunk } from '../../offline/lazyChunk.js';

const ScreenPage = lazyChunk(() => import('./ScreenPage.js'));

/**
 * The page the room screen shows, for a remote observer following the meeting: the same picture as
 * the hall's (docs/DOCUMENTS.md, "On the screen"), in a panel of its own. The server sends the
 * observer link the agenda instead of a document it may not see, so nothing shows then.
 */
export function ShownDocument() {
  const { state } = useMeeting();
  const { token } = useConnection();
  const mode = state.screen;
  const document = mode.show === 'document' ? state.documents.find((d) => d.id === mode.documentId && d.removedAt === null) : undefined;
  if (mode.show !== 'document' || !document) return null;
  return (
    <section className="panel shown-document" aria-label={document.title} data-testid="shown-document" data-document-id={document.id} data-page={mode.page}>
      <h2>{document.title}</h2>
      <Suspense fallback={<div className="screen-page" />}>
        <ScreenPage meetingId={state.id} document={document} token={token} page={mode.page} meetingTitle={state.title} timeZone={state.timeZone} />
      </Suspense>
    </section>
  );
}
