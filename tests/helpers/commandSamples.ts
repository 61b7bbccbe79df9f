import type { CommandType } from '../../shared/meeting/commands.js';
import type { CommandInput } from './coreDriver.js';

/**
 * One well-formed command of every type for the test meeting (`testDefinition()`), whose payload no
 * participant-specific rule objects to; ballot commands name a ballot `b1`.
 */
export const SAMPLES: { [T in CommandType]: Extract<CommandInput, { type: T }> } = {
  'meeting.start': { type: 'meeting.start' },
  'meeting.finish': { type: 'meeting.finish' },
  'day.switch': { type: 'day.switch', day: 2 },
  'agenda.open': { type: 'agenda.open', itemId: 'collective' },
  'agenda.next': { type: 'agenda.next' },
  'agenda.previous': { type: 'agenda.previous' },
  'agenda.complete': { type: 'agenda.complete', itemId: 'review-m1' },
  'agenda.skip': { type: 'agenda.skip', itemId: 'close' },
  'agenda.reorder': { type: 'agenda.reorder', itemIds: ['open', 'collective', 'review-m1', 'review-m2', 'close'] },
  'agenda.add': { type: 'agenda.add', item: { day: 1, title: 'Thảo luận', kind: 'discussion', plannedMinutes: 10 } },
  'agenda.update': { type: 'agenda.update', itemId: 'close', changes: { plannedMinutes: 15 } },
  'agenda.remove': { type: 'agenda.remove', itemId: 'close' },
  'queue.request': { type: 'queue.request', kind: 'speech' },
  'queue.withdraw': { type: 'queue.withdraw', requestId: 'unknown-request' },
  'queue.give': { type: 'queue.give' },
  'queue.end': { type: 'queue.end' },
  'queue.extend': { type: 'queue.extend', seconds: 60 },
  'queue.reorder': { type: 'queue.reorder', requestIds: [] },
  'queue.setOpen': { type: 'queue.setOpen', open: false },
  'queue.setSpeakingTime': { type: 'queue.setSpeakingTime', seconds: 120 },
  'attendance.checkIn': { type: 'attendance.checkIn' },
  'pin.set': { type: 'pin.set', pin: '2580' },
  'attendance.mark': { type: 'attendance.mark', participantId: 'm2', status: 'present' },
  'attendance.markConnected': { type: 'attendance.markConnected' },
  'announcement.post': { type: 'announcement.post', text: 'Nghỉ giải lao 15 phút', countdownSec: 900 },
  'announcement.clear': { type: 'announcement.clear' },
  'link.reissue': { type: 'link.reissue', participantId: 'm2' },
  'screen.show': { type: 'screen.show', show: 'notes' },
  'ballot.create': { type: 'ballot.create', ballot: { kind: 'motion', title: 'Thông qua biên bản' } },
  'ballot.update': { type: 'ballot.update', ballotId: 'b1', ballot: { kind: 'motion', title: 'Thông qua nghị quyết' } },
  'ballot.open': { type: 'ballot.open', ballotId: 'b1' },
  'ballot.close': { type: 'ballot.close', ballotId: 'b1' },
  'ballot.publish': { type: 'ballot.publish', ballotId: 'b1' },
  'ballot.cancel': { type: 'ballot.cancel', ballotId: 'b1', reason: 'Nhầm nội dung' },
  'ballot.vote': { type: 'ballot.vote', ballotId: 'b1', paper: { question: 'agree' } },
  'committee.appoint': { type: 'committee.appoint', members: ['m1', 'm2'] },
  'ballot.confirm': { type: 'ballot.confirm', ballotId: 'b1', fingerprint: '0'.repeat(64) },
  'notes.nameVersion': { type: 'notes.nameVersion', docName: 'minutes', label: 'Bản chốt' },
  'notes.restore': { type: 'notes.restore', docName: 'minutes', versionId: 'v1' },
  'review.submitSelf': { type: 'review.submitSelf', level: 'good', scores: { 'politics-ethics': 25, results: 55 }, text: 'Bản tự kiểm điểm.' },
};
