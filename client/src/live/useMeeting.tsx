import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Command } from '../../../shared/meeting/commands.js';
import { can } from '../../../shared/meeting/permissions.js';
import type { Actor } from '../../../shared/meeting/roles.js';
import type { MeetingState } from '../../../shared/meeting/state.js';
import type { You } from '../../../shared/protocol.js';
import type { ConnectionState, LiveView, MeetingConnection } from './connection.js';

const ConnectionContext = createContext<MeetingConnection | null>(null);

export function ConnectionProvider({ connection, children }: { connection: MeetingConnection; children: ReactNode }) {
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): MeetingConnection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection outside ConnectionProvider');
  return connection;
}

export function useLiveView(): LiveView {
  const connection = useConnection();
  return useSyncExternalStore(connection.subscribe, connection.getView);
}

export interface Meeting {
  state: MeetingState;
  you: You;
  actor: Actor;
  joinUrl: string | null;
  online: ReadonlySet<string>;
  connection: ConnectionState;
  /** Whether this participant's role may send `command` now; only used to hide controls. */
  allowed: (command: Command) => boolean;
}

/** The meeting as last received; only for components rendered once a snapshot has arrived. */
export function useMeeting(): Meeting {
  const view = useLiveView();
  const online = useMemo(() => new Set(view.online), [view.online]);
  const { state, you, joinUrl, connection } = view;
  const meeting = useMemo(() => {
    if (!state || !you) return null;
    const actor: Actor = { participantId: you.participantId, role: you.role };
    return { state, you, actor, joinUrl, online, connection, allowed: (command: Command) => can(actor, command, state) };
  }, [state, you, joinUrl, online, connection]);
  if (!meeting) throw new Error('useMeeting before the first snapshot');
  return meeting;
}

/** Server time, re-rendering the caller every `periodMs` so countdowns tick. */
export function useServerNow(periodMs = 250): number {
  const { offsetMs } = useLiveView();
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocal(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return local + offsetMs;
}
