import { CommandButton } from '../../components/CommandButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { ScreenPages } from './documents/ScreenPages.js';

const MODES = ['agenda', 'notes'] as const;

/**
 * What the room's big screen shows. A ballot is put on screen from that ballot's own controls;
 * here it is only named, so the chair knows why the screen is not on the agenda.
 */
export function ScreenControl() {
  const { t } = useI18n();
  const { state, allowed } = useMeeting();
  if (!allowed({ type: 'screen.show', show: 'agenda' })) return null;
  const mode = state.screen;
  const ballot = mode.show === 'ballot' ? state.ballots.find((b) => b.id === mode.ballotId) : undefined;
  const label = { agenda: t.live.screenControl.agenda, notes: t.live.screenControl.notes };

  return (
    <section id="screen" className="panel screen-control" aria-label={t.live.screenControl.title} data-testid="screen-control" data-show={mode.show}>
      <header className="panel-head">
        <h2>{t.live.screenControl.title}</h2>
        <a className="btn btn-ghost" href="/meeting?view=screen" target="_blank" rel="opener" title={t.live.screenControl.previewTitle} data-testid="screen-preview">
          {t.live.screenControl.preview} ↗
        </a>
      </header>
      <div className="segmented screen-modes" role="group" aria-label={t.live.screenControl.showing}>
        {MODES.map((show) => (
          <CommandButton
            key={show}
            command={{ type: 'screen.show', show }}
            testId={`screen-show-${show}`}
            className={mode.show === show ? 'is-selected' : ''}
            pressed={mode.show === show}
          >
            {label[show]}
          </CommandButton>
        ))}
      </div>
      <ScreenPages picker />
      {ballot && (
        <p className="notice" data-testid="screen-showing-ballot">
          {t.live.screenControl.showingBallot(ballot.title)}
        </p>
      )}
    </section>
  );
}
