import { DOC_CLOSE } from '../../../shared/notes/protocol.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { DocSession, DocStatus } from './docSession.js';
import { useDocStatus } from './useDocSession.js';

type Tone = 'ok' | 'busy' | 'offline' | 'error';

function describe(status: DocStatus, s: ReturnType<typeof useI18n>['t']['notes']['status']): { tone: Tone; text: string } {
  switch (status.phase) {
    case 'synced':
      return { tone: 'ok', text: s.synced };
    case 'syncing':
      return { tone: 'busy', text: s.syncing };
    case 'connecting':
      return { tone: 'busy', text: status.loaded ? s.connecting : s.loading };
    case 'offline':
      return { tone: 'offline', text: status.pending ? s.offlinePending : s.offline };
    case 'closed':
      return {
        tone: 'error',
        text: status.closedCode === DOC_CLOSE.revoked ? s.revoked : status.closedCode === DOC_CLOSE.docTooLarge ? s.tooLarge : s.refused,
      };
  }
}

/** Where this document's edits are: synced with everyone, or kept on this device until the connection returns. */
export function DocStatusBadge({ session }: { session: DocSession }) {
  const { t } = useI18n();
  const status = useDocStatus(session);
  const { tone, text } = describe(status, t.notes.status);
  return (
    <span
      className={`doc-status doc-status-${tone}`}
      role="status"
      aria-live="polite"
      data-testid="doc-status"
      data-phase={status.phase}
      data-pending={status.pending}
      data-loaded={status.loaded}
    >
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}
