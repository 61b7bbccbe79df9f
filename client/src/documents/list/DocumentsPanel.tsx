import { useState } from 'react';
import { currentVersion, type MeetingDocument } from '../../../../shared/documents/types.js';
import { activeItem } from '../../../../shared/meeting/state.js';
import { attends } from '../../../../shared/meeting/roles.js';
import type { DocumentsRoomMessages } from '../../i18n/documentsRoom.js';
import { useDocumentsRoomText } from './useDocumentsRoomText.js';
import { useConnection, useLiveView, useMeeting } from '../../live/useMeeting.js';
import { useOfflineCopy } from '../offline/useOfflineCopy.js';
import { LazyDocumentViewer } from '../viewer/LazyDocumentViewer.js';
import { DocumentRow } from './DocumentRow.js';
import { groupDocuments, type DocumentGroup } from './groups.js';
import { rememberOpened } from './lastOpened.js';
import { OfflineSummary } from './OfflineSummary.js';

/**
 * The documents a participant may see (the state holds no others), grouped as they are reached for,
 * each opened full screen in the viewer. `keepOffline`: this device keeps them all for reading
 * without the network (a tablet in the room; not the remote observer).
 */
export function DocumentsPanel({ keepOffline }: { keepOffline: boolean }) {
  const r = useDocumentsRoomText();
  const { state, you } = useMeeting();
  const { token } = useConnection();
  const meetingId = useLiveView().meetingId ?? '';
  const offline = useOfflineCopy(meetingId, token, state.documents, keepOffline);
  const [openId, setOpenId] = useState<string | null>(null);
  // Re-read after opening, so the "Mới cập nhật" mark goes away at once.
  const [opens, setOpens] = useState(0);
  const groups = groupDocuments(state.documents, state.agenda, activeItem(state)?.id ?? null);
  const opened = openId ? state.documents.find((d) => d.id === openId) : undefined;

  const open = (doc: MeetingDocument) => {
    rememberOpened(meetingId, doc.id, currentVersion(doc).version);
    setOpens(opens + 1);
    setOpenId(doc.id);
  };

  return (
    <section className="panel documents-panel" aria-label={r.listTitle} data-testid="documents-panel">
      <header className="panel-head">
        <h2>{r.listTitle}</h2>
      </header>
      {keepOffline && <OfflineSummary view={offline} />}
      {groups.length === 0 && <p className="muted tab-empty">{r.empty}</p>}
      {groups.map((group) => (
        <section key={groupKey(group)} className={`documents-group documents-group-${group.kind}`} data-testid={`documents-group-${group.kind}`}>
          <h3 className="documents-group-title">{groupTitle(r, group)}</h3>
          <ul className="documents-list">
            {group.documents.map((doc) => (
              <DocumentRow key={doc.id} meetingId={meetingId} doc={doc} item={itemOf(state.agenda, doc)} offline={offline} keepOffline={keepOffline} onOpen={() => open(doc)} />
            ))}
          </ul>
        </section>
      ))}
      {opened && (
        <div className="document-full" role="dialog" aria-modal="true" aria-label={opened.title} data-testid="document-full">
          <LazyDocumentViewer
            meetingId={meetingId}
            document={opened}
            token={token}
            reader={you.name}
            // Only those in the room keep private notes; the observer link reads without any.
            annotator={attends(you.role) ? { participantId: you.participantId, role: you.role } : undefined}
            timeZone={state.timeZone}
            onClose={() => setOpenId(null)}
          />
        </div>
      )}
    </section>
  );
}

const groupKey = (g: DocumentGroup) => (g.kind === 'meeting' ? 'meeting' : `${g.kind}-${g.item.id}`);

function groupTitle(r: DocumentsRoomMessages, g: DocumentGroup): string {
  if (g.kind === 'meeting') return r.meetingGroup;
  if (g.kind === 'open-item') return r.openItemGroup(g.item.title);
  return r.itemGroup(String(g.number), g.item.title);
}

function itemOf(agenda: readonly { id: string; title: string }[], doc: MeetingDocument): { number: number; title: string } | null {
  const i = agenda.findIndex((a) => a.id === doc.itemId);
  return i === -1 ? null : { number: i + 1, title: agenda[i].title };
}
