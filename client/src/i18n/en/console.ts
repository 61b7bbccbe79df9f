import type { consoleVi } from '../console.js';
import { itemNumbers } from '../itemNumbers.js';

const leftPendingEn = (positions: readonly number[], day?: number) =>
  positions.length === 0 ? '' : ` ${positions.length === 1 ? 'Item' : 'Items'} ${itemNumbers(positions)}${day === undefined ? '' : ` of day ${day}`} will stay Pending.`;

export const consoleEn: typeof consoleVi = {
  title: 'Chair console',
  sections: 'Parts of the console',
  tabs: {
    agenda: 'Agenda',
    floor: 'Floor',
    ballots: 'Ballots',
    review: 'Review',
    attendance: 'Attendance',
    screen: 'Screen',
    announcement: 'Announcement',
    stats: 'Statistics',
    notes: 'Notes',
    minutes: 'Minutes',
    notices: 'Log',
    documents: 'Documents',
  },
  confirm: {
    start: 'Start the meeting? The start time goes on the record.',
    resume: 'Resume the meeting that has ended? It sits again from now.',
    startLabel: 'Start',
    resumeLabel: 'Resume',
    opening: (e) => {
      const where = e.switchesDay ? `item ${e.position} of day ${e.day}` : `item ${e.position}`;
      const head = e.startsMeeting ? `Start the meeting at ${where}?` : e.switchesDay ? `Move the meeting to day ${e.day} and open ${where}?` : `Open ${where}?`;
      const closes = e.closes === null ? '' : ` The open item ${e.closes} will be marked Done.`;
      return head + leftPendingEn(e.passedOver) + closes;
    },
    openingLabel: (position) => `Open item ${position}`,
    finish: (closes, left, day) =>
      `Finish the meeting? The end time goes on the record.${closes === null ? '' : ` The open item ${closes} will be marked Done.`}${leftPendingEn(left, day)}`,
    finishLabel: 'Finish the meeting',
    switchDay: (day, date, from, left) => `Move the meeting to day ${day} (${date})?${leftPendingEn(left, from)}`,
    switchDayLabel: (day) => `Move to day ${day}`,
  },
  why: {
    switchDayItemOpen: (position) => `Item ${position} is open: mark it "Done" or "Skip" it before moving to another day.`,
    nobodyWaiting: 'Nobody is waiting: choose someone below to give them the floor directly.',
    choosePerson: 'Choose someone above first.',
  },
  refusal: { next: 'What to do' },
  errorNext: {
    'invalid-payload': 'Check what you entered and send it again.',
    'payload-too-large': 'Shorten it and send it again.',
    'unknown-command': 'Reload the page to update the app.',
    unauthorized: 'Ask the organisers for a new link.',
    'wrong-meeting': 'Reload the page.',
    forbidden: 'The chair does this.',
    'not-found': 'Look at the latest list and try again.',
    'invalid-state': 'Look at where the meeting is now and try again.',
    conflict: '',
    'already-voted': '',
    'not-eligible': '',
    'invalid-paper': 'Fill in every row and send it again.',
    'pin-required': '',
    'pin-not-set': '',
    'wrong-pin': '',
    'voting-locked': '',
    'rate-limited': '',
    'too-many-connections': '',
    'upgrade-required': '',
    'store-unavailable': 'Try again in a moment.',
    internal: 'Try again; if it fails again, tell the organisers.',
    timeout: '',
    offline: 'Press again once connected.',
  },
};
