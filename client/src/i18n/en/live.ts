import { formatMinutes } from '../../../../shared/format.js';
import type { LiveMessages } from '../live.js';

export const liveEn: LiveMessages = {
  screenControl: {
    title: 'Room screen',
    agenda: 'Agenda',
    notes: 'Review notes',
    showing: 'Showing',
    showingBallot: (title: string) => `Showing the ballot: ${title}`,
    preview: 'Preview',
    previewTitle: 'Open the room screen in a new tab',
  },
  timing: {
    running: (clock: string) => `actual ${clock}`,
    since: (time: string) => `since ${time}`,
    span: (from: string, to: string) => `${from}–${to}`,
    over: 'Over the planned time',
    dayTotal: (planned: number, used: number) => `Whole day: planned ${formatMinutes(planned, 'en')} · used ${formatMinutes(used, 'en')}`,
  },
  presence: {
    connected: 'Connected',
    disconnected: 'Not connected',
    summary: 'Status',
    connectedCount: (n: number) => `${n} connected`,
    checkedInCount: (n: number) => `${n} present`,
    absentCount: (n: number) => `${n} absent`,
    excusedCount: (n: number) => `${n} excused`,
    connectedNotPresent: 'Connected but not checked in',
  },
  stats: {
    speakingNow: 'speaking',
    meetingTotal: (n: number, clock: string) => `${n} speeches · ${clock} in all`,
  },
  screen: {
    programme: "Today's agenda",
    next: 'Next',
    more: (n: number) => `and ${n} more`,
  },
};
