import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BallotDraft } from '../../shared/ballots/draft.js';
import { newBallot } from '../../shared/ballots/newBallot.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import type { MeetingEvent } from '../../shared/meeting/events.js';
import { initialState } from '../../shared/meeting/state.js';
import { MeetingExistsError, type Store } from '../../server/store/store.js';
import { testDefinition } from '../helpers/definitions.js';

/**
 * The behaviour every Store must have. Each implementation's test file calls this with a factory
 * that returns a fresh, empty store.
 */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    const def = testDefinition();
    const state0 = initialState('mtg', def);
    const event: MeetingEvent = { type: 'attendance.marked', participantId: 'm1', status: 'present', at: 1000, source: 'presidium', by: 'chair' };

    beforeEach(async () => {
      store = await open();
      await store.createMeeting({
        id: 'mtg',
        createdAt: 1000,
        definition: def,
        state: state0,
        tokens: [
          { participantId: 'chair', tokenHash: 'h-chair' },
          { participantId: 'obs', tokenHash: 'h-obs', publicToken: 'plain-obs' },
        ],
      });
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates, lists and loads a meeting at version 0', async () => {
      expect(await store.loadMeeting('mtg')).toEqual({ id: 'mtg', version: 0, state: state0 });
      expect(await store.loadMeeting('nope')).toBeNull();
      expect(await store.currentVersion('mtg')).toBe(0);
      expect(await store.currentVersion('nope')).toBeNull();
      expect(await store.listMeetings()).toEqual([{ id: 'mtg', title: def.title, createdAt: 1000 }]);
    });

    it('refuses a second meeting with the same id, typed, and keeps the first', async () => {
      await expect(store.createMeeting({ id: 'mtg', createdAt: 2000, definition: def, state: { ...state0, title: 'other' }, tokens: [] })).rejects.toBeInstanceOf(
        MeetingExistsError,
      );
      expect((await store.loadMeeting('mtg'))?.state.title).toBe(state0.title);
    });

    it('commits with compare-and-set on the version and keeps the event log', async () => {
      const s1 = evolveAll(state0, [event]);
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: s1, events: [event], at: 5, actor: 'chair' })).toBe('ok');
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [event], at: 6, actor: 'chair' })).toBe('conflict');
      expect(await store.loadMeeting('mtg')).toEqual({ id: 'mtg', version: 1, state: s1 });
      expect(await store.readEvents('mtg')).toEqual([{ version: 1, at: 5, actor: 'chair', events: [event] }]);
      expect(await store.readEvents('mtg', 1)).toEqual([]);
    });

    it('lets exactly one of two racing commits win', async () => {
      const outcomes = await Promise.all(
        [1, 2].map((n) => store.commit({ meetingId: 'mtg', expectedVersion: 0, state: { ...state0, title: `t${n}` }, events: [event], at: n, actor: null })),
      );
      expect(outcomes.sort()).toEqual(['conflict', 'ok']);
      expect((await store.loadMeeting('mtg'))!.version).toBe(1);
    });

    it('records a vote with its counts once, and refuses the same voter again', async () => {
      const vote = { ballotId: 'b1', voterId: 'm1', increments: ['m2/good', 'm3/excellent'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [], at: 1, actor: null, votes: [vote] })).toBe('ok');
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: state0, events: [], at: 2, actor: null, votes: [vote] })).toBe('already-voted');
      const other = { ballotId: 'b1', voterId: 'm2', increments: ['m3/excellent'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: state0, events: [], at: 3, actor: null, votes: [other] })).toBe('ok');
      expect(await store.readCounts('mtg', 'b1')).toEqual({ 'm2/good': 1, 'm3/excellent': 2 });
      expect(await store.readCounts('mtg', 'b2')).toEqual({});
      expect((await store.loadMeeting('mtg'))!.version).toBe(2);
    });

    it('records several papers in one commit, for several ballots, and sums their counts', async () => {
      const votes = [
        { ballotId: 'b1', voterId: 'm1', increments: ['m2/good', 'm3/excellent'] },
        { ballotId: 'b1', voterId: 'm2', increments: ['m3/excellent'] },
        { ballotId: 'b2', voterId: 'm1', increments: ['question/agree'] },
      ];
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [], at: 1, actor: null, votes })).toBe('ok');
      expect(await store.readCounts('mtg', 'b1')).toEqual({ 'm2/good': 1, 'm3/excellent': 2 });
      expect(await store.readCounts('mtg', 'b2')).toEqual({ 'question/agree': 1 });
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: state0, events: [], at: 2, actor: null, votes: [{ ...votes[1], increments: ['m2/good'] }] })).toBe(
        'already-voted',
      );
      expect((await store.loadMeeting('mtg'))!.version).toBe(1);
    });

    it('stores nothing of a commit that names a voter already counted, or one voter twice', async () => {
      const first = { ballotId: 'b1', voterId: 'm1', increments: ['m2/good'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [], at: 1, actor: null, votes: [first] })).toBe('ok');
      const fresh = { ballotId: 'b1', voterId: 'm2', increments: ['m2/good'] };
      const again = { ballotId: 'b1', voterId: 'm1', increments: ['m3/good'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: state0, events: [], at: 2, actor: null, votes: [fresh, again] })).toBe('already-voted');
      expect(
        await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: state0, events: [], at: 3, actor: null, votes: [fresh, { ...fresh, increments: ['m3/good'] }] }),
      ).toBe('already-voted');
      expect(await store.readCounts('mtg', 'b1')).toEqual({ 'm2/good': 1 });
      expect((await store.loadMeeting('mtg'))!.version).toBe(1);
      expect(await store.readEvents('mtg', 1)).toEqual([]);
      // m2 was not recorded by the refused commits: its paper still counts.
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: state0, events: [], at: 4, actor: null, votes: [fresh] })).toBe('ok');
      expect(await store.readCounts('mtg', 'b1')).toEqual({ 'm2/good': 2 });
    });

    it("stores a ballot's whole key space with its first paper but reads back only counted keys", async () => {
      const ballot = { ...newBallot('b1', BallotDraft.parse({ kind: 'rating', title: 'R', subjects: ['m2', 'm3'] })), status: 'open' as const, eligible: ['m1', 'm2'] };
      const open = { ...state0, ballots: [ballot] };
      const vote = { ballotId: 'b1', voterId: 'm1', increments: ['m3/good', 'm2/excellent'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: open, events: [], at: 1, actor: null, votes: [vote] })).toBe('ok');
      expect(
        await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: open, events: [], at: 2, actor: null, votes: [{ ...vote, voterId: 'm2', increments: ['m3/good'] }] }),
      ).toBe('ok');
      expect(await store.readCounts('mtg', 'b1')).toEqual({ 'm2/excellent': 1, 'm3/good': 2 });
    });

    it('destroys the counts of a ballot the commit says to drop (a cancelled one), and only those', async () => {
      const votes = [
        { ballotId: 'b1', voterId: 'm1', increments: ['m2/good'] },
        { ballotId: 'b2', voterId: 'm1', increments: ['question/agree'] },
      ];
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [], at: 1, actor: null, votes })).toBe('ok');
      const cancel: MeetingEvent = { type: 'ballot.cancelled', ballotId: 'b1', at: 2, reason: 'procedural error' };
      const tallies = { drop: ['b1'], eraseHistory: ['b1'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: state0, events: [cancel], at: 2, actor: 'chair', tallies })).toBe('ok');
      expect(await store.readCounts('mtg', 'b1')).toEqual({});
      expect(await store.readCounts('mtg', 'b2')).toEqual({ 'question/agree': 1 });
    });

    it("acts on the commit's instructions, not on its events", async () => {
      const vote = { ballotId: 'b1', voterId: 'm1', increments: ['m2/good'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [], at: 1, actor: null, votes: [vote] })).toBe('ok');
      const cancel: MeetingEvent = { type: 'ballot.cancelled', ballotId: 'b1', at: 2, reason: 'procedural error' };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 1, state: state0, events: [cancel], at: 2, actor: 'chair' })).toBe('ok');
      expect(await store.readCounts('mtg', 'b1')).toEqual({ 'm2/good': 1 });
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 2, state: state0, events: [], at: 3, actor: 'chair', tallies: { drop: ['b1'] } })).toBe('ok');
      expect(await store.readCounts('mtg', 'b1')).toEqual({});
      expect((await store.readEvents('mtg')).map((r) => r.events)).toEqual([[], [cancel], []]);
    });

    it('drops nothing of a commit that loses the version race', async () => {
      const vote = { ballotId: 'b1', voterId: 'm1', increments: ['m2/good'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [], at: 1, actor: null, votes: [vote] })).toBe('ok');
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [], at: 2, actor: 'chair', tallies: { drop: ['b1'], eraseHistory: ['b1'] } })).toBe(
        'conflict',
      );
      expect(await store.readCounts('mtg', 'b1')).toEqual({ 'm2/good': 1 });
    });

    it('a vote that loses the version race changes no count', async () => {
      const vote = { ballotId: 'b1', voterId: 'm1', increments: ['m2/good'] };
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 7, state: state0, events: [], at: 1, actor: null, votes: [vote] })).toBe('conflict');
      expect(await store.readCounts('mtg', 'b1')).toEqual({});
      expect(await store.commit({ meetingId: 'mtg', expectedVersion: 0, state: state0, events: [], at: 1, actor: null, votes: [vote] })).toBe('ok');
    });

    it('finds token owners, replaces tokens and keeps only the observer token in plain', async () => {
      expect(await store.findToken('h-chair')).toEqual({ meetingId: 'mtg', participantId: 'chair' });
      expect(await store.findToken('h-none')).toBeNull();
      expect(await store.publicToken('mtg')).toBe('plain-obs');
      await store.replaceToken('mtg', 'chair', 'h-chair-2');
      expect(await store.findToken('h-chair')).toBeNull();
      expect(await store.findToken('h-chair-2')).toEqual({ meetingId: 'mtg', participantId: 'chair' });
      await store.replaceToken('mtg', 'obs', 'h-obs-2', 'plain-obs-2');
      expect(await store.publicToken('mtg')).toBe('plain-obs-2');
      expect(await store.findToken('h-obs')).toBeNull();
    });

    it('appends document updates in order, per meeting and document', async () => {
      expect(await store.loadDoc('mtg', 'minutes')).toEqual({ updates: [], through: 0 });
      await store.appendDocUpdate('mtg', 'minutes', new Uint8Array([1, 2, 0, 58]));
      await store.appendDocUpdate('mtg', 'notes-open', new Uint8Array([9]));
      await store.appendDocUpdate('mtg', 'minutes', new Uint8Array([3]));
      const minutes = await store.loadDoc('mtg', 'minutes');
      expect(minutes.updates).toEqual([new Uint8Array([1, 2, 0, 58]), new Uint8Array([3])]);
      expect(minutes.through).toBeGreaterThan(0);
      expect((await store.loadDoc('mtg', 'notes-open')).updates).toEqual([new Uint8Array([9])]);
    });

    it('compacts a document prefix atomically, keeping updates appended after the load', async () => {
      for (const b of [1, 2, 3]) await store.appendDocUpdate('mtg', 'minutes', new Uint8Array([b]));
      const read = await store.loadDoc('mtg', 'minutes');
      await store.appendDocUpdate('mtg', 'minutes', new Uint8Array([4]));
      await store.compactDoc('mtg', 'minutes', new Uint8Array([1, 2, 3]), read.through);
      expect((await store.loadDoc('mtg', 'minutes')).updates).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
      // A late compaction of an older prefix changes nothing: a newer one already covered it.
      await store.compactDoc('mtg', 'minutes', new Uint8Array([7]), read.through - 1);
      expect((await store.loadDoc('mtg', 'minutes')).updates).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
      const again = await store.loadDoc('mtg', 'minutes');
      await store.compactDoc('mtg', 'minutes', new Uint8Array([1, 2, 3, 4]), again.through);
      await store.appendDocUpdate('mtg', 'minutes', new Uint8Array([5]));
      expect((await store.loadDoc('mtg', 'minutes')).updates).toEqual([new Uint8Array([1, 2, 3, 4]), new Uint8Array([5])]);
    });

    it("tells how many bytes a document's log takes: its updates, and no more than a few bytes of framing each", async () => {
      expect(await store.docStoredBytes('mtg', 'notes-none')).toBe(0);
      const updates = [new Uint8Array(1000).fill(7), new Uint8Array(200).fill(8), new Uint8Array([9])];
      for (const u of updates) await store.appendDocUpdate('mtg', 'notes-sized', u);
      await store.appendDocUpdate('mtg', 'notes-other', new Uint8Array(5000));
      const bytes = await store.docStoredBytes('mtg', 'notes-sized');
      expect(bytes).toBeGreaterThanOrEqual(1201);
      expect(bytes).toBeLessThanOrEqual(1201 + updates.length * 24);
      const read = await store.loadDoc('mtg', 'notes-sized');
      await store.compactDoc('mtg', 'notes-sized', new Uint8Array(10), read.through);
      expect(await store.docStoredBytes('mtg', 'notes-sized')).toBeGreaterThanOrEqual(10);
      expect(await store.docStoredBytes('mtg', 'notes-sized')).toBeLessThanOrEqual(10 + 24);
    });

    it("keeps a document's versions whole, each with the editors recorded since the previous one, cleared with it", async () => {
      const meta = (id: string, at: number) => ({ id, docName: 'minutes', at, kind: 'auto' as const, label: null, by: null, textLength: 3, hash: `h-${id}` });
      expect(await store.listDocVersions('mtg', 'minutes')).toEqual([]);
      await store.addDocAuthors('mtg', 'minutes', [[11, 'sec']], ['sec']);
      await store.addDocAuthors('mtg', 'minutes', [[22, 'chair']], ['chair', 'sec']);
      const first = await store.saveDocVersion('mtg', 'minutes', { meta: meta('v1', 100), state: new Uint8Array([1, 0, 58, 255]) });
      expect(first).toEqual({ ...meta('v1', 100), editors: ['sec', 'chair'], bytes: 4 });
      // Cleared with the version: the next one starts with nobody.
      const second = await store.saveDocVersion('mtg', 'minutes', { meta: { ...meta('v2', 200), kind: 'named', label: 'Bản chốt', by: 'chair' }, state: new Uint8Array([2]) });
      expect(second.editors).toEqual([]);
      await store.addDocAuthors('mtg', 'notes-open', [[33, 'm1']], ['m1']);
      await store.saveDocVersion('mtg', 'notes-open', { meta: { ...meta('v3', 150), docName: 'notes-open' }, state: new Uint8Array([3]) });

      expect((await store.listDocVersions('mtg', 'minutes')).map((v) => v.id)).toEqual(['v2', 'v1']);
      expect(await store.loadDocVersion('mtg', 'minutes', 'v1')).toEqual({ meta: first, state: new Uint8Array([1, 0, 58, 255]) });
      expect(await store.loadDocVersion('mtg', 'minutes', 'v3')).toBeNull();
      await store.deleteDocVersions('mtg', 'minutes', ['v1']);
      expect((await store.listDocVersions('mtg', 'minutes')).map((v) => v.id)).toEqual(['v2']);
      expect(await store.loadDocVersion('mtg', 'minutes', 'v1')).toBeNull();
      expect((await store.listDocVersions('mtg', 'notes-open')).map((v) => v.editors)).toEqual([['m1']]);
    });

    it("records each Yjs client id's first participant only", async () => {
      await store.addDocAuthors(
        'mtg',
        'minutes',
        [
          [7, 'sec'],
          [4294967295, 'chair'],
        ],
        [],
      );
      await store.addDocAuthors('mtg', 'minutes', [[7, 'm1']], []);
      expect(await store.loadDocAuthors('mtg', 'minutes')).toEqual(
        new Map([
          [7, 'sec'],
          [4294967295, 'chair'],
        ]),
      );
      expect(await store.loadDocAuthors('mtg', 'notes-open')).toEqual(new Map());
    });

    it("keeps each member's latest self-assessment, per meeting, and reads back only those asked for", async () => {
      const first = { level: 'good', scores: { 'politics-ethics': 25, results: 55 }, exceededShare: null, text: 'Ưu điểm…\n\nKhuyết điểm…', submittedAt: 10 };
      expect(await store.readSelfAssessments('mtg', ['m1'])).toEqual({});
      await store.saveSelfAssessment('mtg', 'm1', first);
      await store.saveSelfAssessment('mtg', 'm2', { ...first, level: 'completed', submittedAt: 11 });
      await store.saveSelfAssessment('mtg', 'm1', { ...first, level: 'excellent', exceededShare: 40, submittedAt: 12 });
      expect(await store.readSelfAssessments('mtg', ['m1', 'm3'])).toEqual({ m1: { ...first, level: 'excellent', exceededShare: 40, submittedAt: 12 } });
      expect(Object.keys(await store.readSelfAssessments('mtg', ['m2', 'm1', 'm2'])).sort()).toEqual(['m1', 'm2']);
      expect(await store.readSelfAssessments('mtg', [])).toEqual({});
      expect(await store.readSelfAssessments('other', ['m1'])).toEqual({});
    });

    it('reports itself healthy', async () => {
      expect(await store.healthy()).toBe(true);
    });
  });
}
