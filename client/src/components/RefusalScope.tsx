import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Command } from '../../../shared/meeting/commands.js';
import type { ClientError, CommandOutcome } from '../live/connection.js';
import { useConnection } from '../live/useMeeting.js';
import { useSend } from '../live/useSend.js';
import { RefusalNote } from './RefusalNote.js';

type Report = (error: ClientError | null) => void;
const ScopeContext = createContext<Report | null>(null);

/**
 * Where the refusals of the controls inside are shown: at the top of the scope (a panel, a tab),
 * kept until dismissed or until the next step from the scope is tried, where a toast would be gone
 * before the chair had read its reason and next step.
 */
export function RefusalScope({ children }: { children: ReactNode }) {
  const [refusal, setRefusal] = useState<ClientError | null>(null);
  const noteRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal) noteRef.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal]);
  return (
    <ScopeContext.Provider value={setRefusal}>
      {refusal && (
        <div ref={noteRef} className="refusal-slot">
          <RefusalNote error={refusal} onDismiss={() => setRefusal(null)} />
        </div>
      )}
      {children}
    </ScopeContext.Provider>
  );
}

/** Sends a command; a refusal goes to the enclosing `RefusalScope`, or is a toast outside one. */
export function useScopedSend(): (command: Command) => Promise<CommandOutcome> {
  const report = useContext(ScopeContext);
  const connection = useConnection();
  const toastSend = useSend();
  return useCallback(
    async (command: Command) => {
      if (!report) return toastSend(command);
      report(null);
      const outcome = await connection.send(command);
      if (!outcome.ok) report(outcome.error);
      return outcome;
    },
    [report, connection, toastSend],
  );
}
