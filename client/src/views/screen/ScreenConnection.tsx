import { useI18n } from '../../i18n/I18nProvider.js';
import { useLiveView } from '../../live/useMeeting.js';

/**
 * The hall sees the connection only when it is lost, across the top in large type: a frozen
 * countdown must not pass for a live one. The state is always there for assistive technology
 * (and for tests that wait on it), without a badge on the projector.
 */
export function ScreenConnection() {
  const { t } = useI18n();
  const { connection } = useLiveView();
  return (
    <>
      <p className="sr-only" data-testid="connection" data-state={connection} role="status">
        {t.connection[connection]}
      </p>
      {connection !== 'connected' && (
        <p className="screen-lost" data-testid="screen-connection-lost" data-fit="lost" role="alert">
          {t.screen.connectionLost}
        </p>
      )}
    </>
  );
}
