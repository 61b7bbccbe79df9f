import { useI18n } from '../i18n/I18nProvider.js';
import { useLiveView } from '../live/useMeeting.js';

export function ConnectionBadge() {
  const { t } = useI18n();
  const { connection, everConnected, refusal } = useLiveView();
  const label = connection === 'reconnecting' && !everConnected ? t.connection.connecting : t.connection[connection];
  return (
    <span className={`badge connection connection-${connection}`} data-testid="connection" data-state={connection} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {label}
      {refusal && connection !== 'connected' && (
        <span className="connection-refusal" data-testid="connection-refusal">
          {' '}
          · {t.errors[refusal]}
        </span>
      )}
    </span>
  );
}
