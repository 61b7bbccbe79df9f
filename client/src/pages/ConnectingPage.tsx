import { ConnectionBadge } from '../components/ConnectionBadge.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { MessagePage } from './MessagePage.js';

/** Shown until the first snapshot, with the state of the connection. */
export function ConnectingPage() {
  const { t } = useI18n();
  return (
    <MessagePage testId="connecting" title={t.pages.connectingTitle}>
      <p>
        <ConnectionBadge />
      </p>
    </MessagePage>
  );
}
