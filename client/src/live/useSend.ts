import { useCallback } from 'react';
import type { Command } from '../../../shared/meeting/commands.js';
import { useToast } from '../components/Toasts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { CommandOutcome } from './connection.js';
import { useConnection } from './useMeeting.js';

/** Sends a command and tells the user, in their language, when it was refused. */
export function useSend(): (command: Command) => Promise<CommandOutcome> {
  const connection = useConnection();
  const toast = useToast();
  const { t } = useI18n();
  return useCallback(async (command: Command) => {
    const outcome = await connection.send(command);
    if (!outcome.ok) {
      const friendly = t.errors[outcome.error.code] as string | undefined;
      toast(friendly ?? outcome.error.message, outcome.error.message);
    }
    return outcome;
  }, [connection, toast, t]);
}
