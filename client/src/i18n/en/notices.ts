import type { noticesVi } from '../notices.js';

export const noticesEn: typeof noticesVi = {
  title: 'Public log',
  mineTitle: 'About you',
  none: 'No notices yet',
  comrade: (name) => name,
  yours: {
    'link-reissued': (time) => `Your link was reissued at ${time}`,
    'pin-set': (time) => `Your voting PIN was set at ${time}`,
    'pin-reset': (time) => `Your PIN was reset by the organisers at ${time}`,
    'voting-locked': (time) => `Your voting was locked at ${time}`,
    'attendance-changed': (status, time) => `Your attendance was recorded as "${status}" at ${time}`,
  },
  yoursHint: 'If you did not ask for this, tell the organisers at once.',
  room: {
    'link-reissued': (who, time) => `The chair reissued the link of ${who} at ${time}`,
    'pin-set': (who, time) => `${who} set a voting PIN at ${time}`,
    'pin-reset': (who, time) => `The organisers reset the voting PIN of ${who} at ${time}`,
    'voting-locked': (who, time) => `Voting of ${who} was locked after wrong PINs, at ${time}`,
    'attendance-changed': (who, status, time) => `Attendance changed while a ballot is open: ${who} — ${status} (${time})`,
    'ballot-closed-early': (title, voted, eligible, time) => `Ballot "${title}" closed early: ${voted}/${eligible} papers (${time})`,
    'ballot-cancelled': (title, reason, time) => `Ballot "${title}" was cancelled: ${reason} (${time})`,
    'notes-restored': (doc, versionTime, label, who, time) => `${doc} restored to the version of ${versionTime}${label ? ` ("${label}")` : ''} by ${who} (${time})`,
    'committee-appointed': (members, ballot, who, time) => `Counting committee: ${members} — ${ballot ? `as approved in "${ballot}"` : `named by ${who}`} (${time})`,
  },
  minutesDoc: 'The minutes',
  notesDoc: (item) => `The notes of "${item}"`,
};
