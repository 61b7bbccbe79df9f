import { ConnectionBadge } from '../components/ConnectionBadge.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { MessagePage } from './MessagePage.js';

/** Shown until the first snapshot; the badge only once there is a connection to describe. */
export function ConnectingPage({ withBadge = true }: { withBadge?: boolean }) {
  const { t } = useI18n();
  return (
    <MessagePage testId="connecting" title={t.pages.connectingTitle}>
      {withBadge && <p><ConnectionBadge /></p>}
    </MessagePage>
  );
}
