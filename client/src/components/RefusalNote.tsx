import { explainRefusal } from '../i18n/explainError.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { ClientError } from '../live/connection.js';

/**
 * A refusal the rules explain, kept beside the control that was refused until dismissed or tried
 * again: what is in the way, and apart from it what the chair can do next, in the current language.
 */
export function RefusalNote({ error, onDismiss }: { error: ClientError; onDismiss: () => void }) {
  const { t } = useI18n();
  const { reason, next } = explainRefusal(t, error);
  return (
    <div className="refusal-note" role="alert" data-testid="refusal" data-reason={error.reason ?? error.code}>
      <div className="refusal-text">
        <p className="refusal-reason" data-testid="refusal-reason">
          {reason}
        </p>
        {next && (
          <p className="refusal-next" data-testid="refusal-next">
            <strong>{t.console.refusal.next}:</strong> {next}
          </p>
        )}
      </div>
      <button type="button" className="btn btn-ghost" onClick={onDismiss} aria-label={t.common.dismiss} title={t.common.dismiss}>
        ×
      </button>
    </div>
  );
}
