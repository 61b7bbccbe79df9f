import { activeItem, type MeetingState, type ScreenMode } from '../../../../shared/meeting/state.js';
import { QrCode } from '../../components/QrCode.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { NoticeStrip } from '../../notices/NoticeStrip.js';
import { ScreenAgenda } from './ScreenAgenda.js';
import { ScreenBallot } from './ScreenBallot.js';
import { ScreenConnection } from './ScreenConnection.js';
import { ScreenDocument } from './ScreenDocument.js';
import { ScreenFloor } from './ScreenFloor.js';
import { ScreenHead } from './ScreenHead.js';
import { ScreenNotes } from './ScreenNotes.js';
import { ScreenOverlay } from './ScreenOverlay.js';

/**
 * What the chair chose to show. Each mode renders `<main className="screen-main" data-fit>` and, if
 * it has something for the side column, `<aside className="screen-aside" data-fit>`; the frame around
 * them (title, quorum, clock, QR code, the speech strip, a lost connection) is the same in every mode.
 */
function ScreenBody({ mode }: { mode: ScreenMode }) {
  switch (mode.show) {
    case 'agenda':
      return <ScreenAgenda />;
    case 'notes':
      return <ScreenNotes />;
    case 'ballot':
      return <ScreenBallot ballotId={mode.ballotId} />;
    case 'document':
      return <ScreenDocument documentId={mode.documentId} page={mode.page} />;
  }
}

/** Published results need the whole width; the QR code comes back when the screen moves on. */
function isWide(state: MeetingState): boolean {
  const mode = state.screen;
  // A page needs every pixel of the picture: the QR code waits for the next mode.
  if (mode.show === 'document') return true;
  return mode.show === 'ballot' && state.ballots.some((b) => b.id === mode.ballotId && b.status === 'published' && b.results !== null);
}

/**
 * The projector: read from the back of the hall, so few things, very large, and nothing ever outside
 * the picture at any resolution (screen.css sizes everything in --u). No control of the app shows
 * here: nobody in the hall can press it.
 */
export function ScreenView() {
  const { t } = useI18n();
  const { state, joinUrl, connection } = useMeeting();
  const speech = activeItem(state)?.queue.current ?? null;
  // The agenda shows the speaker in its own large box; every other picture keeps them in the strip.
  const speakerInBody = state.screen.show === 'agenda' && !state.announcement;
  const wide = isWide(state) && !state.announcement;

  return (
    <div className={`room-screen ${connection !== 'connected' ? 'is-stale' : ''} ${wide ? 'is-wide' : ''}`} data-testid="screen-view" data-show={state.screen.show}>
      <ScreenConnection />
      <ScreenHead />

      {state.announcement ? <ScreenOverlay announcement={state.announcement} /> : <ScreenBody mode={state.screen} />}

      {joinUrl && !wide && !state.announcement && (
        <figure className="screen-qr" data-testid="join-qr" data-fit="qr">
          <QrCode text={joinUrl} size={360} />
          <figcaption>{t.screen.scanToFollow}</figcaption>
        </figure>
      )}

      {speech && !speakerInBody && <ScreenFloor speech={speech} />}
      <div className="screen-notices-row" data-fit="notices">
        <NoticeStrip />
      </div>
    </div>
  );
}
