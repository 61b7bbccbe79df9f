import { describe, expect, it } from 'vitest';
import { actualMinutes, speakingStats } from '../../shared/meeting/stats.js';
import { runningMeeting, T0 } from '../helpers/coreDriver.js';

describe('speakingStats', () => {
  it('lists everyone who may take the floor, with zero for those who have not spoken', () => {
    const { state } = runningMeeting();
    const rows = speakingStats(state, T0);
    expect(rows.map((r) => r.participantId)).toEqual(['chair', 'guest', 'm1', 'm2', 'm3', 'm4', 'sec']);
    expect(rows.every((r) => r.times === 0 && r.totalMs === 0)).toBe(true);
  });

  it('adds up every speech of the whole meeting, the running one up to now, most time first', () => {
    const m = runningMeeting();
    m.ok('chair', { type: 'queue.give', participantId: 'm1' });
    m.advance(120);
    m.ok('chair', { type: 'queue.give', participantId: 'guest' });
    m.advance(30);
    m.ok('chair', { type: 'agenda.next' });
    m.ok('chair', { type: 'queue.give', participantId: 'm1' });
    m.advance(90);
    m.ok('chair', { type: 'queue.end' });
    m.ok('chair', { type: 'queue.give', participantId: 'm2' });
    m.advance(45);

    const rows = speakingStats(m.state, m.now);
    expect(rows.slice(0, 3)).toEqual([
      { participantId: 'm1', times: 2, totalMs: 210_000 },
      { participantId: 'm2', times: 1, totalMs: 45_000 },
      { participantId: 'guest', times: 1, totalMs: 30_000 },
    ]);
    expect(rows.filter((r) => r.times === 0).map((r) => r.participantId)).toEqual(['chair', 'm3', 'm4', 'sec']);
    // Later, the running speech has grown; nothing recorded changed.
    expect(speakingStats(m.state, m.now + 15_000)[1]).toEqual({ participantId: 'm2', times: 1, totalMs: 60_000 });
  });

  it('leaves observers and the screen out', () => {
    const ids = speakingStats(runningMeeting().state, T0).map((r) => r.participantId);
    expect(ids).not.toContain('obs');
    expect(ids).not.toContain('screen');
  });
});

describe('actualMinutes (planned against actual)', () => {
  it('is null before the item started, the running time while open, the final time once closed', () => {
    const m = runningMeeting();
    expect(actualMinutes(m.item('collective'), m.now)).toBeNull();
    m.advance(7 * 60 + 20);
    expect(actualMinutes(m.item('open'), m.now)).toBe(7);
    m.advance(20);
    expect(actualMinutes(m.item('open'), m.now)).toBe(8);
    m.ok('chair', { type: 'agenda.next' });
    m.advance(3600);
    expect(actualMinutes(m.item('open'), m.now)).toBe(8);
    expect(m.item('open').plannedMinutes).toBe(10);
  });
});
