import { formatCount } from '../../../../shared/format.js';
import type { checkInVi } from '../checkIn.js';

export const checkInEn: typeof checkInVi = {
  title: 'Attendance',
  tap: 'Check in: I am present',
  hint: 'Tap once you are in the hall.',
  done: (time: string) => `You checked in as present at ${time}.`,
  markedBy: (status: string, who: string) => `${who} marked you: ${status}. If this is wrong, tell the secretary.`,
  markedPresent: (who: string) => `${who} marked you present.`,
  closed: 'The meeting has ended.',
  markConnected: 'Mark everyone online present',
  markConnectedHint: 'Marks present everyone online who has not been marked yet; existing marks stay as they are.',
  markedCount: (n: number) => (n === 0 ? 'Nobody online is waiting to be marked.' : `Marked ${formatCount(n, 'en')} ${n === 1 ? 'person' : 'people'} present.`),
  selfCheckedIn: (name: string, time: string) => `${name} checked in as present at ${time}`,
  notMarked: 'Not marked',
  notMarkedCount: (n: number) => `${formatCount(n, 'en')} not marked`,
  connectedNotMarked: 'Online but not marked yet',
  source: {
    self: (time: string) => `Checked in at ${time}`,
    console: (time: string) => `Opened the console at ${time}`,
    presidium: (who: string, time: string) => `Marked by ${who} at ${time}`,
  },
};
