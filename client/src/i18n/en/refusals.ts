import type { refusalPartsVi, refusalsVi } from '../refusals.js';
import { joined, levelAt, nextDay } from '../refusalText.js';

export const refusalPartsEn: typeof refusalPartsVi = {
  'meeting-quorum-not-met': {
    reason: (d) => `No quorum: ${d('present')} of ${d('members')} members present, at least ${d('required')} needed.`,
    next: () => 'Take attendance before opening the ballot.',
  },
  'too-few-eligible': {
    reason: (d) => `Only ${d('eligible')} eligible voters; a ballot needs at least ${d('minCast')} so that no paper can be singled out.`,
    next: () => 'Check in more members or choose "All members".',
  },
  'ballot-quorum-not-met': {
    reason: (d) => `Only ${d('turnout')} of ${d('eligible')} papers so far; closing early needs at least ${d('required')} (the ballot's quorum).`,
    next: () => 'Wait for more, or cancel the ballot.',
  },
  'quorum-below-floor': {
    reason: (d) => `The validity rule is below the meeting's: at least ${d('n')}/${d('d')} of the eligible voters.`,
    next: () => 'Choose a higher one.',
  },
  'no-such-file': { reason: () => 'The uploaded file was not found.', next: () => 'Upload the file again.' },
  'not-a-document': { reason: () => 'The file is neither a PDF nor an image (PNG, JPEG, WebP).', next: () => 'Choose a PDF or an image.' },
  'file-too-large': {
    reason: (d) => `The file is too large: a document is at most ${Math.round(Number(d('max')) / 1048576)} MB.`,
    next: () => 'Compress or split it, then upload again.',
  },
  'meeting-files-full': {
    reason: (d) => `The meeting's documents are close to their total (at most ${Math.round(Number(d('max')) / 1048576)} MB).`,
    next: () => 'Remove documents that are not needed.',
  },
  'too-many-documents': { reason: (d) => `The meeting has the most documents allowed (${d('max')}).`, next: () => 'Remove documents that are not needed.' },
  'document-removed': { reason: () => 'This document was removed.', next: () => 'Upload a new one if needed.' },
  'document-not-showable': { reason: () => 'Only a document the whole room may see goes on the screen.', next: () => "Change the document's visibility first." },
  'item-removed': { reason: () => 'This item was removed from the agenda.', next: () => 'Choose another item.' },
  'collective-first': {
    reason: () => 'The review takes the collective before individuals.',
    next: () => "Hold the collective's review item and publish the collective's rating first.",
  },
  'weak-pin': { reason: () => 'This PIN is too easy to guess.', next: () => 'Choose another.' },
  'meeting-running': { reason: () => 'The meeting has already started.', next: () => 'Open the item to discuss from the agenda.' },
  'meeting-not-started': { reason: () => 'The meeting has not started.', next: () => 'Press "Start the meeting" first.' },
  'meeting-finished': { reason: () => 'The meeting has ended.', next: () => 'To sit again, press "Resume the meeting".' },
  'no-next-item': {
    reason: (d) => `No item left to hold on day ${d('day')}.`,
    next: (d) => {
      const day = nextDay(d);
      if (day === null) return 'Finish the meeting, or reopen an earlier item.';
      return d('open') === 1 ? `Mark the open item "Done", then move the meeting to day ${day}.` : `Move the meeting to day ${day}, or reopen an earlier item.`;
    },
  },
  'no-previous-item': { reason: (d) => `No earlier item on day ${d('day')}.`, next: () => 'Choose the item to open from the agenda.' },
  'item-already-open': { reason: () => 'This item is already open.', next: () => 'Nothing to do; choose another item to move on.' },
  'close-item-first': { reason: (d) => `Item ${d('position')} of day ${d('day')} is open.`, next: () => 'Mark it "Done" or "Skip" it first.' },
  'day-already-current': { reason: (d) => `The meeting is on day ${d('day')} already.`, next: () => 'No need to move.' },
  'no-such-day': { reason: (d) => `The meeting has only ${d('days')} days.`, next: () => 'Choose one of them.' },
  'item-not-open': { reason: () => 'Only the open item can be marked done.', next: () => 'Open this item first.' },
  'item-not-pending': { reason: () => 'This item has taken place or was skipped.', next: () => 'To discuss it again, press "Reopen".' },
  'item-took-place': { reason: () => 'An item that has taken place stays on the record and cannot be removed.', next: () => 'Press "Skip" if it will not continue.' },
  'agenda-full': { reason: (d) => `The agenda already has the most items allowed (${d('max')}).`, next: () => 'Remove an item not yet held, then add again.' },
  'agenda-changed': { reason: () => 'The agenda was just changed on another device.', next: () => 'Look at the new order and try again.' },
  'not-in-session': { reason: () => 'The meeting is not sitting (not started yet, or ended).', next: () => 'Start or resume the meeting first.' },
  'no-open-item': { reason: () => 'No item is open.', next: () => 'Open an item from the agenda first.' },
  'item-no-longer-open': { reason: () => 'This item is no longer the open one.', next: () => 'Work on the item that is open now.' },
  'cannot-take-floor': { reason: () => 'This person cannot take the floor (they only follow).', next: () => 'Choose a member or a guest.' },
  'list-closed': { reason: () => 'The list of speakers is closed.', next: () => 'The chair can reopen the list, or add names on their behalf.' },
  'already-queued': { reason: () => 'This person is already waiting for the floor.', next: () => 'No need to ask again; wait for the turn.' },
  'queue-empty': { reason: () => 'Nobody is waiting for the floor.', next: () => 'Choose someone and press "Give the floor directly", or wait for requests.' },
  'nobody-speaking': { reason: () => 'Nobody has the floor.', next: () => 'Give the floor to the next speaker.' },
  'speech-already-ended': { reason: () => 'That speech has already ended.', next: () => 'Check who is speaking now and try again.' },
  'queue-changed': { reason: () => 'The list of speakers just changed.', next: () => 'Look at the new order and try again.' },
  'list-unchanged': {
    reason: (d) => (d('open') === 1 ? 'The list of speakers is open already.' : 'The list of speakers is closed already.'),
    next: () => 'Nothing to do.',
  },
  'no-announcement': { reason: () => 'There is no announcement.', next: () => 'Nothing to do.' },
  'attendance-marked': {
    reason: () => 'The chair or the secretary has already marked your attendance; only they can change it.',
    next: () => 'If it is wrong, tell the secretary.',
  },
  'check-in-closed': { reason: () => 'The meeting has ended; attendance is closed.', next: () => 'Nothing to do.' },
  'no-such-document': { reason: () => 'This document is not one of the meeting’s.', next: () => 'Reload the page and choose the document again.' },
  'no-such-version': { reason: () => 'This version of the document no longer exists.', next: () => 'Open the history again and choose another version.' },
  // Self-assessment (issue 17).
  'self-level-above-score': {
    reason: (d) => `A total of ${d('total')} allows a self-rating of at best "${levelAt(d, 'en')}".`,
    next: () => 'Choose that level or a lower one, or check the scores.',
  },
  'score-form-mismatch': { reason: () => 'The scores do not fit the meeting’s score form.', next: () => 'Score every group of criteria, none above its maximum.' },
  'self-assessment-disclosed': { reason: () => 'Your self-assessment has been shown to the meeting.', next: () => 'It can no longer be changed.' },
  'self-assessment-closed': { reason: () => 'The meeting has ended.', next: () => 'Self-assessments can no longer be handed in or changed.' },
  'committee-publishes': {
    reason: (d) => `The counting committee publishes this result: ${d('confirmed')} of ${d('needed')} confirmations so far.`,
    next: () => 'Wait for the committee to confirm on their own devices.',
  },
  'committee-required': {
    reason: () => 'The meeting has no counting committee yet; a rating opens only once it has one.',
    next: () => 'Appoint the counting committee first ("Counting committee").',
  },
  'committee-invalid': {
    reason: (d) => `A counting committee is ${d('min')} to ${d('max')} distinct voting members, without the chair.`,
    next: () => 'Choose the list again.',
  },
  'committee-counting': {
    reason: () => 'The counting committee is counting a closed ballot; it cannot be replaced mid-count.',
    next: () => 'Wait until it has published, then replace it.',
  },
  'committee-not-approved': { reason: () => 'The chosen ballot did not approve this list.', next: () => 'Choose exactly those the ballot approved.' },
  'not-on-committee': { reason: () => 'Only members of the counting committee confirm a tally.', next: () => 'Nothing to do.' },
  'not-awaiting-count': { reason: () => 'This ballot is not waiting for the committee’s confirmation.', next: () => 'Nothing to do.' },
  'already-confirmed': { reason: () => 'You have already confirmed this result.', next: () => 'Nothing to do.' },
  'tally-changed': { reason: () => 'The result you confirmed is not the tally.', next: () => 'Load the count again, compare, and confirm again.' },
};

export const refusalsEn: typeof refusalsVi = joined(refusalPartsEn);
