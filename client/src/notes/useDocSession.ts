import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { canEditDoc } from '../../../shared/notes/access.js';
import { useConnection, useMeeting } from '../live/useMeeting.js';
import { colorOf } from './colors.js';
import { DocSession, type DocPresence, type DocStatus, type DocUser } from './docSession.js';

/** This participant as the documents' awareness shows them, for `docName`. */
export function useDocUser(docName: string): DocUser {
  const { you, state } = useMeeting();
  const readOnly = !canEditDoc(you.role, docName, state);
  return useMemo(
    () => ({ participantId: you.participantId, name: you.name, role: you.role, color: colorOf(you.participantId), readOnly }),
    [you.participantId, you.name, you.role, readOnly],
  );
}

/**
 * The document `docName` of the current meeting, open for as long as the caller is mounted (or
 * until it asks for another document). Null until the session exists, for one render.
 */
export function useDocSession(docName: string): DocSession | null {
  const { state } = useMeeting();
  const { token } = useConnection();
  const user = useDocUser(docName);
  const meetingId = state.id;
  const [session, setSession] = useState<DocSession | null>(null);
  useEffect(() => {
    const s = new DocSession({ meetingId, docName, token, user });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the session is a connection this effect opens and closes; state is how the render receives it
    setSession(s);
    return () => {
      setSession(null);
      s.destroy();
    };
  }, [meetingId, docName, token, user]);
  // A session of the previous document is never shown under the new name, even for one render.
  return session && session.provider.roomname === docName ? session : null;
}

export function useDocStatus(session: DocSession): DocStatus {
  return useSyncExternalStore(session.subscribeStatus, session.getStatus);
}

export function useDocPresence(session: DocSession): DocPresence[] {
  return useSyncExternalStore(session.subscribePresence, session.getPresence);
}
