import { Suspense } from 'react';
import { useConnection, useMeeting } from '../../live/useMeeting.js';
import { lazyChunk } from '../../offline/lazyChunk.js';
import { ScreenAgenda } from './ScreenAgenda.js';

// pdf.js comes with the first document shown, never with the screen's first view.
const ScreenPage = lazyChunk(() => import('../../documents/viewer/ScreenPage.js'));

/**
 * A document's page on the room screen ("chiếu tài liệu"), as the chair turns it: the title small
 * above, the page as large as the picture allows. A document this audience may not see never comes
 * here (the server sends it the agenda instead); one missing from the state shows the agenda too.
 */
export function ScreenDocument({ documentId, page }: { documentId: string; page: number }) {
  const { state } = useMeeting();
  const { token } = useConnection();
  const document = state.documents.find((d) => d.id === documentId && d.removedAt === null);
  if (!document) return <ScreenAgenda />;
  return (
    <main className="screen-main screen-document" data-testid="screen-document" data-document-id={document.id} data-page={page} data-fit="main">
      <p className="screen-label">{document.title}</p>
      <Suspense fallback={<div className="screen-page" />}>
        <ScreenPage meetingId={state.id} document={document} token={token} page={page} meetingTitle={state.title} timeZone={state.timeZone} />
      </Suspense>
    </main>
  );
}
