/** Every error a client can receive, in acknowledgements and HTTP bodies alike. */
export const ERROR_CODES = [
  'invalid-payload', // failed its zod schema
  'payload-too-large', // over MAX_PAYLOAD_BYTES
  'unknown-command', // a `type` nobody implements
  'unauthorized', // no token, or a token that is not (or no longer) valid
  'wrong-meeting', // the command names another meeting than the socket's
  'forbidden', // the actor's role may not do this
  'not-found', // the item, request or participant does not exist
  'invalid-state', // the command does not fit the current state (stale or out of order)
  'conflict', // lost an optimistic-concurrency race too many times
  'already-voted', // this voter's paper for the ballot was already counted
  'not-eligible', // not on the ballot's list of voters, fixed when it opened
  'invalid-paper', // incomplete, or names a row or answer the ballot does not have
  'pin-required', // a paper (or a PIN change) without the voter's PIN
  'pin-not-set', // the voter has not set a PIN yet: set one on your own device first
  'wrong-pin', // the PIN does not match; `detail.attemptsLeft` says how many tries remain
  'voting-locked', // too many wrong PINs: only the organiser can unlock (CLI or admin API)
  'rate-limited', // too many requests or new connections, per connection, per link or per address
  'too-many-connections', // this link already holds as many connections as it may (server/realtime/limits.ts)
  'upgrade-required', // the handshake's protocol version is one this server does not serve: load the app again (docs/UPGRADES.md)
  'store-unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a step was refused, for the chair console to explain in the reader's language with what to do
 * next (the `message` is English, for logs and scripts).
 */
export const REFUSAL_REASONS = [
  'meeting-quorum-not-met', // ballot.open: too few members present (detail: present, required)
  'too-few-eligible', // ballot.open: fewer eligible voters than minCast (detail: eligible, minCast)
  'ballot-quorum-not-met', // ballot.close: early close below the ballot's quorum; cancel instead (detail: turnout, required)
  'quorum-below-floor', // ballot.create/update: a quorum lower than the meeting allows (detail: n, d)
  'weak-pin', // pin.set: too easy to guess
  // The agenda's steps (shared/meeting/agenda.ts); `day`, `days` and `position` (1-based within its day) say where.
  'meeting-running', // meeting.start: it is already running
  'meeting-not-started', // meeting.finish: it has not started
  'meeting-finished', // any agenda step after the end: resume it first
  'no-next-item', // agenda.next: no pending item left today (detail: day, days, open: 1 while an item is open)
  'no-previous-item', // agenda.previous: nothing earlier today (detail: day)
  'item-already-open', // agenda.open: that item is the open one
  'close-item-first', // day.switch, agenda.remove, moving the open item to another day (detail: position, day)
  'day-already-current', // day.switch: that day is the current one (detail: day)
  'no-such-day', // day.switch, agenda.add/update: beyond the meeting's days (detail: days)
  'item-not-open', // agenda.complete: only the open item can be completed
  'item-not-pending', // agenda.skip: only a pending or the open item can be skipped
  'item-took-place', // agenda.remove: it stays on the record; skip it instead
  'agenda-full', // agenda.add: the agenda's ceiling (detail: max)
  'agenda-changed', // agenda.reorder: the order sent is not the agenda's any more
  // The list of speakers (shared/meeting/queue.ts).
  'not-in-session', // any queue step before the start or after the end
  'no-open-item', // any queue step while no item is open
  'item-no-longer-open', // a queue step for an item that is not the open one any more
  'cannot-take-floor', // queue.request for an observer or the screen
  'list-closed', // queue.request from the member while the list is closed
  'already-queued', // queue.request: already waiting with that kind
  'queue-empty', // queue.give without a name while nobody waits
  'nobody-speaking', // queue.end/extend while nobody has the floor
  'speech-already-ended', // queue.end/extend naming a speaker who no longer has the floor
  'queue-changed', // queue.reorder: the order sent is not the queue's any more
  'list-unchanged', // queue.setOpen: the list is already open (detail: open 1) or closed (open 0)
  'no-announcement', // announcement.clear: nothing to clear
  'attendance-marked', // attendance.checkIn: the chair or the secretary already marked the sender; only they change it
  'check-in-closed', // attendance.checkIn: the meeting has ended
  // A document's history (docs/YJS.md, "History").
  'no-such-document', // notes.nameVersion/restore: the name is not one of the meeting's documents
  'no-such-version', // notes.restore: the document has no such version (never had, or thinned away)
  // The counting committee (shared/review/publication.ts, appoint.ts; docs/BALLOTS.md, "Counting committee").
  'committee-publishes', // ballot.publish: a rating or motion is published by the committee's majority (detail: confirmed, needed)
  'committee-required', // ballot.open: a rating needs the counting committee first: appoint it
  'committee-invalid', // committee.appoint: distinct voting members, not the chair, between min and max (detail: min, max)
  'committee-counting', // committee.appoint: a tally waits for the committee; it cannot be replaced now (detail: ballots)
  'committee-not-approved', // committee.appoint with ballotId: that ballot did not approve this list
  'not-on-committee', // ballot.confirm: only the committee's members confirm
  'not-awaiting-count', // ballot.confirm: the ballot is not closed awaiting the committee (or is a choice)
  'already-confirmed', // ballot.confirm: this member confirmed this tally already
  'tally-changed', // ballot.confirm: the fingerprint is not the tally's: read the count again
  // The review's order (shared/review/flow.ts).
  'collective-first', // ballot.open: a rating of individuals before the collective's report is held and its rating published
  // Self-assessment (shared/review/selfAssessment.ts).
  'self-level-above-score', // review.submitSelf: a level better than the score allows (detail: allowed, the allowed level's place on the scale from 0 = best; total)
  'score-form-mismatch', // review.submitSelf: the scores do not fit the meeting's form (a group missing, unknown, or over its maximum)
  'self-assessment-disclosed', // review.submitSelf: already shown to the body, it stays as it was
  'self-assessment-closed', // review.submitSelf: the meeting has ended
  // The meeting's documents (shared/documents/decide.ts, server/http/documents.ts).
  'no-such-file', // document.add/replace: the file named was never uploaded (or is not kept any more)
  'not-a-document', // upload: the bytes are neither a PDF nor a PNG, JPEG or WebP image
  'file-too-large', // upload, document.add/replace: over the size of one document (detail: max)
  'meeting-files-full', // upload, document.add/replace: the meeting's documents would pass their total (detail: max)
  'too-many-documents', // document.add: the meeting has as many documents as it may (detail: max)
  'document-removed', // document.replace/edit/remove: the document was removed
  'document-not-showable', // screen.show: only a document the whole room may see goes on the screen
  'item-removed', // document.add/edit: the agenda item was removed
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  reason?: RefusalReason;
  detail?: Record<string, number>;
}

export function error(code: ErrorCode, message: string, reason?: RefusalReason, detail?: Record<string, number>): ErrorInfo {
  return { code, message, ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) };
}
