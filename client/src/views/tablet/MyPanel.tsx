import { EVERYONE_NOTICES, noticesFor } from '../../../../shared/meeting/notices.js';
import { PinSettings, useMyPin } from '../../ballots/VotingPin.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { useNoticeText } from '../../notices/useNoticeText.js';

/** The newest few: a two-day meeting makes a handful per member. */
const MOST = 8;

/**
 * What concerns this member alone: their voting PIN, and the steps taken about them by others
 * (a reissued link, a PIN set or reset, voting locked, attendance changed while a ballot was open),
 * so that they notice one they did not ask for.
 */
export function MyPanel() {
  const { t } = useI18n();
  const { state, you } = useMeeting();
  const text = useNoticeText();
  const pin = useMyPin();
  const mine = noticesFor(state, you.participantId).slice(0, MOST);
  if (mine.length === 0 && !(pin.required && pin.status === 'set')) return null;
  return (
    <section className="panel my-panel" aria-label={t.notices.mineTitle} data-testid="my-panel">
      <h2 className="panel-label">{t.notices.mineTitle}</h2>
      <PinSettings />
      {mine.length > 0 && (
        <>
          <ul className="notice-list" data-testid="my-notices">
            {mine.map((n) => (
              <li key={`${n.kind}-${n.at}`} className={`notice-entry kind-${n.kind}`} data-testid="my-notice" data-kind={n.kind}>
                {text.yours(n)}
              </li>
            ))}
          </ul>
          {/* The hint is for steps taken about the member; a restored document concerns everyone. */}
          {mine.some((n) => !EVERYONE_NOTICES.includes(n.kind)) && <p className="muted my-notices-hint">{t.notices.yoursHint}</p>}
        </>
      )}
    </section>
  );
}
