import { useCallback, useState } from 'react';
import type { Command } from '../../../shared/meeting/commands.js';
import { useToast } from '../components/Toasts.js';
import { explainError } from '../i18n/explainError.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { ClientError, CommandOutcome } from './connection.js';
import { useConnection } from './useMeeting.js';

/** Sends a command and tells the user, in their language, when it was refused. */
export function useSend(): (command: Command) => Promise<CommandOutcome> {
  const connection = useConnection();
  const toast = useToast();
  const { t } = useI18n();
  return useCallback(
    async (command: Command) => {
      const outcome = await connection.send(command);
      if (!outcome.ok) toast(explainError(t, outcome.error), outcome.error.message);
      return outcome;
    },
    [connection, toast, t],
  );
}

/**
 * Like `useSend`, but a refusal the rules explain (an error with a `reason`: what is missing and
 * what to do next) is kept for the caller to show beside the control until the next try, where a
 * toast would be gone before the chair has read it. Other refusals are toasts as usual.
 */
export function useExplainedSend(): { send: (command: Command) => Promise<CommandOutcome>; refusal: ClientError | null; dismiss: () => void } {
  const connection = useConnection();
  const toast = useToast();
  const { t } = useI18n();
  const [refusal, setRefusal] = useState<ClientError | null>(null);
  const send = useCallback(
    async (command: Command) => {
      setRefusal(null);
      const outcome = await connection.send(command);
      if (!outcome.ok) {
        if (outcome.error.reason) setRefusal(outcome.error);
        else toast(explainError(t, outcome.error), outcome.error.message);
      }
      return outcome;
    },
    [connection, toast, t],
  );
  const dismiss = useCallback(() => setRefusal(null), []);
  return { send, refusal, dismiss };
}
