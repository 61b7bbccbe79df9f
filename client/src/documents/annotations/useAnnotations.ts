import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Role } from '../../../../shared/meeting/state.js';
import { annotationsDocName } from '../../../../shared/notes/access.js';
import { colorOf } from '../../notes/colors.js';
import { DocSession, type DocStatus } from '../../notes/docSession.js';
import { ANNOTATIONS_MAP, readAnnotations, type Annotation } from './model.js';

export interface Annotator {
  participantId: string;
  name: string;
  role: Role;
}

export interface Annotations {
  list: Annotation[];
  status: DocStatus | null;
  put: (annotation: Annotation) => void;
  remove: (id: string) => void;
}

const NO_STATUS = () => () => undefined;

/**
 * This participant's private annotations (docs/DOCUMENTS.md, "Annotations"): their own Yjs document,
 * kept on the device (IndexedDB: reloads and offline use) and synced through the server to their
 * other devices, as the notes are (client/src/notes/docSession.ts). Null annotator: none at all.
 */
export function useAnnotations(meetingId: string, token: string, annotator: Annotator | null): Annotations {
  const [session, setSession] = useState<DocSession | null>(null);
  const [list, setList] = useState<Annotation[]>([]);
  const participantId = annotator?.participantId ?? null;
  const name = annotator?.name ?? '';
  const role = annotator?.role ?? 'member';

  useEffect(() => {
    if (participantId === null) return;
    const s = new DocSession({
      meetingId,
      docName: annotationsDocName(participantId),
      token,
      user: { participantId, name, role, color: colorOf(participantId), readOnly: false },
    });
    const map = s.doc.getMap<unknown>(ANNOTATIONS_MAP);
    const read = () => setList(readAnnotations(map));
    map.observe(read);
    read();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the session is a connection this effect opens and closes; state is how the render receives it
    setSession(s);
    return () => {
      map.unobserve(read);
      setSession(null);
      setList([]);
      s.destroy();
    };
  }, [meetingId, token, participantId, name, role]);

  const status = useSyncExternalStore(session?.subscribeStatus ?? NO_STATUS, () => session?.getStatus() ?? null);
  const put = useCallback((a: Annotation) => void session?.doc.getMap<unknown>(ANNOTATIONS_MAP).set(a.id, a), [session]);
  const remove = useCallback((id: string) => session?.doc.getMap<unknown>(ANNOTATIONS_MAP).delete(id), [session]);
  return { list, status, put, remove };
}
