import type { Ballot } from '../../../../shared/ballots/types.js';
import { formatTime } from '../../../../shared/format.js';
import { tallyFingerprint, shortFingerprint } from '../../../../shared/review/fingerprint.js';
import { awaitingCommittee } from '../../../../shared/review/publication.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { RefusalNote } from '../../components/RefusalNote.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useConnection, useMeeting } from '../../live/useMeeting.js';
import { useExplainedSend } from '../../live/useSend.js';
import { useFetched } from '../../notes/history/useFetched.js';
import { BallotResults } from '../BallotResults.js';
import { BallotTitle } from '../BallotTitle.js';
import { fetchCount } from './countApi.js';
import { Confirmations } from './Confirmations.js';

/**
 * A counting committee member's screen (tổ kiểm phiếu): each closed tally waiting for the committee,
 * exactly as publication will show it (the results' own component, read-only), who has confirmed
 * and when, and the member's own confirmation. Nothing for anyone off the committee.
 */
export function CommitteeDesk() {
  const { t } = useI18n();
  const { state, you } = useMeeting();
  if (!state.committee?.members.includes(you.participantId)) return null;
  const waiting = awaitingCommittee(state);
  if (waiting.length === 0) return null;
  return (
    <section className="panel committee-desk" aria-label={t.committee.title} data-testid="committee-desk">
      <h2 className="panel-label">{t.committee.title}</h2>
      <p className="muted">{t.committee.deskHint}</p>
      {waiting.map((b) => (
        <CountToConfirm key={b.id} ballot={b} />
      ))}
    </section>
  );
}

function CountToConfirm({ ballot }: { ballot: Ballot }) {
  const { t, lang } = useI18n();
  const { state, you } = useMeeting();
  const { token } = useConnection();
  const { send, refusal, dismiss } = useExplainedSend();
  const c = t.committee;
  // Fetched again when the body changes (its size is a motion's base) or after a refusal.
  const count = useFetched((signal) => fetchCount(state.id, ballot.id, token, signal), ballot.id, { refresh: `${state.participants.length}/${refusal?.reason ?? ''}` });
  const mine = ballot.confirmations.find((x) => x.participantId === you.participantId);
  const value = count.value;
  // What is shown must be what is confirmed: the device checks the fingerprint of what it shows.
  const checked = value !== null && tallyFingerprint(ballot.id, value.results) === value.fingerprint;
  return (
    <article className="committee-count" data-testid={`committee-count-${ballot.id}`}>
      <BallotTitle ballot={ballot} />
      {value === null && !count.error && <p className="muted">{c.loading}</p>}
      {count.error && (
        <p className="refusal-reason" role="alert">
          {c.loadFailed}{' '}
          <button type="button" className="btn btn-ghost" onClick={count.reload}>
            {c.reload}
          </button>
        </p>
      )}
      {value !== null && !checked && <p role="alert">{c.mismatch}</p>}
      {value !== null && checked && (
        <>
          <BallotResults state={state} ballot={ballot} results={value.results} variant="full" />
          <p className="committee-fingerprint" title={c.fingerprintHint} data-testid={`fingerprint-${ballot.id}`}>
            {c.fingerprint}: <code>{shortFingerprint(value.fingerprint)}</code>
          </p>
        </>
      )}
      <Confirmations ballot={ballot} />
      {mine ? (
        <p className="committee-done" data-testid={`you-confirmed-${ballot.id}`}>
          {c.youConfirmed(formatTime(mine.at, state.timeZone, lang))}
        </p>
      ) : (
        value !== null &&
        checked && (
          <div className="ballot-actions">
            <ConfirmButton
              testId={`committee-confirm-${ballot.id}`}
              className="btn-primary"
              confirmLabel={c.confirmLabel}
              confirm={c.confirmEffect(ballot.title)}
              onConfirm={() => void send({ type: 'ballot.confirm', ballotId: ballot.id, fingerprint: value.fingerprint })}
            >
              {c.confirm}
            </ConfirmButton>
          </div>
        )
      )}
      {refusal && <RefusalNote error={refusal} onDismiss={dismiss} />}
    </article>
  );
}
