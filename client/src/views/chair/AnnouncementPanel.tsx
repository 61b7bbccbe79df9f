import { useState } from 'react';
import { MAX_ANNOUNCEMENT } from '../../../../shared/limits.js';
import { AnnouncementCountdown } from '../../components/AnnouncementBanner.js';
import { CommandButton } from '../../components/CommandButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { useScopedSend } from '../../components/RefusalScope.js';

const COUNTDOWN_MINUTES = [1, 2, 5, 10, 15, 20, 30, 45, 60];

/** The chair's short message to every device and the room screen, with an optional countdown. */
export function AnnouncementPanel() {
  const { t } = useI18n();
  const { state, allowed } = useMeeting();
  const send = useScopedSend();
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  if (!allowed({ type: 'announcement.post', text: '-' })) return null;

  const presets: [string, string][] = [
    [t.announcement.presetBreak, '15'],
    [t.announcement.presetResume, ''],
  ];
  const post = async () => {
    if (text.trim() === '') return;
    setBusy(true);
    const countdownSec = minutes ? Number(minutes) * 60 : undefined;
    const outcome = await send({ type: 'announcement.post', text: text.trim(), ...(countdownSec ? { countdownSec } : {}) });
    setBusy(false);
    if (outcome.ok) setText('');
  };

  return (
    <section id="announcement" className="panel announcement-panel" aria-label={t.announcement.title}>
      <header className="panel-head">
        <h2>{t.announcement.title}</h2>
      </header>
      {state.announcement && (
        <div className="announcement-current">
          <span className="panel-label">{t.announcement.current}</span>
          <p>{state.announcement.text}</p>
          {state.announcement.endsAt !== null && <AnnouncementCountdown endsAt={state.announcement.endsAt} />}
          <CommandButton command={{ type: 'announcement.clear' }} testId="announcement-clear" className="btn-secondary">
            {t.announcement.clear}
          </CommandButton>
        </div>
      )}
      <div className="presets">
        {presets.map(([label, m], i) => (
          <button
            key={label}
            type="button"
            className="btn btn-ghost"
            data-testid={`announcement-preset-${i}`}
            onClick={() => {
              setText(label);
              setMinutes(m);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <label className="field field-wide">
        <span>{t.announcement.text}</span>
        <textarea value={text} maxLength={MAX_ANNOUNCEMENT} rows={2} onChange={(e) => setText(e.target.value)} data-testid="announcement-input" />
      </label>
      <div className="tool-row">
        <label className="field field-inline">
          <span>{t.announcement.countdown}</span>
          <select value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="announcement-minutes">
            <option value="">{t.announcement.noCountdown}</option>
            {COUNTDOWN_MINUTES.map((m) => (
              <option key={m} value={String(m)}>
                {t.common.minutes(m)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" data-testid="announcement-post" disabled={busy || text.trim() === ''} onClick={() => void post()}>
          {t.announcement.post}
        </button>
      </div>
    </section>
  );
}
