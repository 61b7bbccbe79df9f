import { explainError } from '../i18n/explainError.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { ClientError } from '../live/connection.js';

/**
 * A refusal the rules explain, kept beside the control that was refused until dismissed or tried
 * again: what is missing and what the chair can do next, in the current language.
 */
export function RefusalNote({ error, onDismiss }: { error: ClientError; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div className="refusal-note" role="alert" data-testid="refusal" data-reason={error.reason ?? error.code}>
      <p>{explainError(t, error)}</p>
      <button type="button" className="btn btn-ghost" onClick={onDismiss} aria-label={t.common.dismiss} title={error.message}>
        ×
      </button>
    </div>
  );
}
