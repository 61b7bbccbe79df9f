import { formatCountdown } from '../../../shared/format.js';
import { isOvertime, remainingSec } from '../../../shared/meeting/timing.js';
import type { Speech } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useServerNow } from '../live/useMeeting.js';

/** Seconds before the limit when the countdown turns amber, so the speaker can wrap up. */
const WARN_SEC = 30;

/** The countdown of a speech, from server time; red, and saying by how much, once the speaker runs over. */
export function SpeakerTimer({ speech, className = '', testId = 'countdown' }: { speech: Speech; className?: string; testId?: string }) {
  const { lang } = useI18n();
  const now = useServerNow(250);
  const left = remainingSec(speech, now);
  const over = isOvertime(speech, now);
  const phase = over ? 'is-over' : left <= WARN_SEC ? 'is-warning' : '';
  const elapsed = Math.min(1, Math.max(0, (now - speech.startedAt) / (speech.limitSec * 1000)));
  return (
    <span className={`countdown ${phase} ${className}`} data-testid={testId} data-overtime={String(over)} role="timer">
      <span className="countdown-clock">{formatCountdown(left, lang)}</span>
      <span className="countdown-bar" aria-hidden="true">
        <span style={{ width: `${elapsed * 100}%` }} />
      </span>
    </span>
  );
}
