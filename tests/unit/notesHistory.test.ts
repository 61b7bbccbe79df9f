import { describe, expect, it } from 'vitest';
import { decide } from '../../shared/meeting/decide.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import { EVERYONE_NOTICES, noticesFor, ROOM_NOTICES } from '../../shared/meeting/notices.js';
import { initialState } from '../../shared/meeting/state.js';
import { noticeLines } from '../../server/export/noticeLines.js';
import { testDefinition } from '../helpers/definitions.js';
import { T0 } from '../helpers/coreDriver.js';

const state0 = initialState('mtg', testDefinition());
const chair = { participantId: 'chair', role: 'chair' as const };
let ids = 0;
const ctx = (docVersion?: { at: number; label: string | null } | null) => ({ now: T0 + 3600_000, newId: () => `id-${++ids}`, ...(docVersion !== undefined && { docVersion }) });

describe("a document's history in the meeting's rules", () => {
  it('names a version with a fresh id, by whoever named it', () => {
    expect(decide(state0, { type: 'notes.nameVersion', docName: 'notes-collective', label: 'Bản chốt' }, chair, ctx())).toEqual({
      ok: true,
      events: [{ type: 'notes.versionNamed', docName: 'notes-collective', versionId: expect.stringMatching(/^id-/), label: 'Bản chốt', by: 'chair', at: T0 + 3600_000 }],
    });
  });

  it('refuses documents the meeting does not have, and versions the store does not', () => {
    for (const docName of ['notes-nope', 'agenda', 'minutes2'])
      expect(decide(state0, { type: 'notes.nameVersion', docName, label: 'x' }, chair, ctx())).toMatchObject({
        ok: false,
        error: { code: 'not-found', reason: 'no-such-document' },
      });
    expect(decide(state0, { type: 'notes.restore', docName: 'minutes', versionId: 'v' }, chair, ctx(null))).toMatchObject({ ok: false, error: { reason: 'no-such-version' } });
  });

  it('makes a restore a notice for every member, in the console and the record, not on the room screen', () => {
    const decision = decide(state0, { type: 'notes.restore', docName: 'minutes', versionId: 'v1' }, chair, ctx({ at: T0 + 9 * 60_000, label: 'Bản chốt' }));
    if (!decision.ok) throw new Error('refused');
    const state = evolveAll(state0, decision.events);
    const notice = { kind: 'notes-restored', at: T0 + 3600_000, participantId: 'chair', ballotId: null, docName: 'minutes', versionAt: T0 + 9 * 60_000, label: 'Bản chốt' };
    expect(state.notices).toEqual([notice]);
    expect(ROOM_NOTICES).not.toContain('notes-restored');
    expect(EVERYONE_NOTICES).toContain('notes-restored');
    for (const member of ['m1', 'm2', 'guest']) expect(noticesFor(state, member)).toEqual([notice]);
    expect(noticeLines(state)).toEqual(['09:00 26/12/2024 — Biên bản được khôi phục về bản lúc 08:09 26/12/2024 («Bản chốt») bởi đ/c Nguyễn Văn Chủ']);
  });
});
