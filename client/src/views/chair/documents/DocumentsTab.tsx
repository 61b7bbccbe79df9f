import { useState } from 'react';
import { sortDocuments, type DocumentVisibility } from '../../../../../shared/documents/types.js';
import { useScopedSend } from '../../../components/RefusalScope.js';
import { useUploads } from '../../../documents/upload/useUploads.js';
import { useDocumentsRoomText } from '../../../documents/list/useDocumentsRoomText.js';
import { useConnection, useLiveView, useMeeting } from '../../../live/useMeeting.js';
import { ItemField, VisibilityField } from './DocumentFields.js';
import { DropZone } from './DropZone.js';
import { ManageRow } from './ManageRow.js';
import { reorder } from './reorder.js';
import { ScreenPages } from './ScreenPages.js';
import { UploadList } from './UploadList.js';

/**
 * The console's documents: files dropped (or picked) are uploaded at once to the item and audience
 * chosen above the zone, each titled from its name; the title, item, audience and place are then
 * edited in the list, where a document is also replaced, removed, or put on the screen.
 */
export function DocumentsTab() {
  const r = useDocumentsRoomText();
  const c = r.console;
  const { state } = useMeeting();
  const { token } = useConnection();
  const meetingId = useLiveView().meetingId ?? '';
  const send = useScopedSend();
  const { uploads, add, replace, dismiss } = useUploads(meetingId, token);
  const [itemId, setItemId] = useState('');
  const [visibility, setVisibility] = useState<DocumentVisibility>('participants');
  const agenda = state.agenda;
  const ordered = sortDocuments(
    state.documents.filter((d) => d.removedAt === null),
    agenda.map((i) => i.id),
  );
  const removed = state.documents.filter((d) => d.removedAt !== null);

  const move = async (documentId: string, step: -1 | 1) => {
    for (const change of reorder(state.documents, documentId, step)) {
      const outcome = await send({ type: 'document.edit', documentId: change.documentId, changes: { order: change.order } });
      if (!outcome.ok) return;
    }
  };

  return (
    <section className="panel documents-console" aria-label={c.title} data-testid="documents-console">
      <header className="panel-head">
        <h2>{c.title}</h2>
      </header>
      <ScreenPages />
      <div className="upload-target">
        <ItemField agenda={agenda} value={itemId} onChange={setItemId} testId="upload-item" />
        <VisibilityField value={visibility} onChange={setVisibility} testId="upload-visibility" />
      </div>
      <DropZone onFiles={(files) => void add(files, { itemId: itemId || null, visibility })} />
      <UploadList uploads={uploads} onDismiss={dismiss} />
      {ordered.length === 0 ? (
        <p className="muted">{r.empty}</p>
      ) : (
        <ul className="manage-list" data-testid="manage-list">
          {ordered.map((doc, i) => {
            const siblings = ordered.filter((d) => d.itemId === doc.itemId);
            const place = siblings.indexOf(doc);
            const screen = state.screen;
            const groupStart = i === 0 || ordered[i - 1].itemId !== doc.itemId;
            const itemIndex = agenda.findIndex((a) => a.id === doc.itemId);
            return [
              groupStart && (
                <li key={`group-${doc.itemId ?? 'meeting'}`} className="manage-group" aria-hidden="true">
                  {itemIndex === -1 ? c.wholeMeeting : c.itemOption(String(itemIndex + 1), agenda[itemIndex].title)}
                </li>
              ),
              <ManageRow
                key={doc.id}
                doc={doc}
                agenda={agenda}
                first={place === 0}
                last={place === siblings.length - 1}
                onScreen={screen.show === 'document' && screen.documentId === doc.id}
                onMove={(step) => void move(doc.id, step)}
                onReplace={(file) => void replace(doc.id, doc.title, file)}
              />,
            ];
          })}
        </ul>
      )}
      {removed.length > 0 && (
        <ul className="manage-list manage-removed">
          {removed.map((doc) => (
            <ManageRow key={doc.id} doc={doc} agenda={agenda} first last onScreen={false} onMove={() => undefined} onReplace={() => undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}
