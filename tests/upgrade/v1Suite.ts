import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/ids.js';
import type { Ballot } from '../../shared/ballots/types.js';
import type { Snapshot } from '../../shared/protocol.js';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/versions.js';
import { Admin, Participant, readNotes, type Json } from '../fixtures/driver.js';
import { summarise } from '../fixtures/fixtureScript.js';
import type { FixtureManifest, FixtureMeeting } from '../fixtures/manifest.js';
import { connectClient } from '../helpers/server.js';
import type { CurrentServer } from './currentServer.js';

/** Reads what the store holds as it holds it, below the load path's migration. */
export interface RawStore {
  /** The stored state's schema stamp (undefined: none, schema 1). */
  stateStamp(meetingId: string): Promise<unknown>;
  /** The schema stamp stored with the event record of `version` (undefined: none). */
  eventStamp(meetingId: string, version: number): Promise<unknown>;
}

export interface OpenedFixture {
  server: CurrentServer;
  raw: RawStore;
}

const byKey = (meetings: FixtureMeeting[], key: FixtureMeeting['key']) => meetings.find((m) => m.key === key)!;

/**
 * What must hold once today's server has opened a store yesterday's wrote: every meeting, ballot,
 * tally, note, PIN and link as the manifest recorded them. `fixture()` is the opened store, set up
 * by the caller's beforeAll. The tests run in order: the last ones change the meetings.
 */
export function v1Suite(manifest: FixtureManifest, meetings: FixtureMeeting[], fixture: () => OpenedFixture): void {
  const admin = () => new Admin(fixture().server.url, manifest.adminToken);
  const example = byKey(meetings, 'example');

  describe('after the upgrade', () => {
    it('holds every meeting as it was: agenda, speakers, queue, attendance, announcement, ballots, results, notices', async () => {
      for (const m of meetings) {
        const { version, state } = await admin().meeting(m.id);
        expect(state.schemaVersion).toBe(SCHEMA_VERSION);
        const { tokens, revokedTokens, pins, notes } = m;
        const sealed = Object.fromEntries(
          Object.entries(m.ballots)
            .filter(([, b]) => b.sealedCounts)
            .map(([id, b]) => [id, b.sealedCounts!]),
        );
        expect(summarise(m.key, m.id, version, state, { tokens, revokedTokens, pins, notes }, sealed)).toEqual(m);
        // Migrated on load, and only there: the store keeps the old state until the meeting next changes.
        expect(await fixture().raw.stateStamp(m.id)).toBeUndefined();
      }
      expect((await admin().request<{ meetings: { id: string }[] }>('GET', '/api/meetings')).meetings.map((x) => x.id).sort()).toEqual(meetings.map((m) => m.id).sort());
    });

    it('keeps every link: each token opens its own meeting, for clients of either protocol; a reissued one stays refused', async () => {
      const { url, store } = fixture().server;
      for (const m of meetings) {
        for (const [participantId, token] of Object.entries(m.tokens)) {
          expect(await store.findToken(hashToken(token)), `${m.key}/${participantId}`).toEqual({ meetingId: m.id, participantId });
        }
        for (const token of Object.values(m.revokedTokens)) expect(await store.findToken(hashToken(token))).toBeNull();
      }
      // Yesterday's client (no version in its handshake) and today's both get the meeting.
      const yesterday = await connectClient(url, example.tokens.m01);
      expect(yesterday.snapshot.version).toBe(example.version);
      expect(yesterday.state.schemaVersion).toBe(SCHEMA_VERSION);
      yesterday.close();
      const today = io(url, { auth: { token: example.tokens.chair, protocol: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
      const snapshot = await new Promise<Snapshot>((resolve, reject) => {
        today.once('snapshot', resolve);
        today.once('connect_error', reject);
      });
      today.close();
      expect(snapshot.you).toMatchObject({ participantId: 'chair', role: 'chair' });
      expect(snapshot.state.ballots.map((b: Ballot) => [b.id, b.status])).toEqual(Object.entries(example.ballots).map(([id, b]) => [id, b.status]));
      await expect(connectClient(url, example.revokedTokens.guest2)).rejects.toMatchObject({ code: 'unauthorized' });
    });

    it('keeps every note, as a y-websocket client reads it', async () => {
      for (const m of meetings) {
        const reader = m.tokens.chair ?? m.tokens.c;
        for (const [docName, paragraphs] of Object.entries(m.notes)) {
          const text = await readNotes(fixture().server.url, m.id, docName, reader);
          for (const p of paragraphs) expect(text, `${m.key}/${docName}`).toContain(p);
        }
      }
    });

    it('publishes the ballot closed yesterday with the counts of its papers; the cancelled one has none', async () => {
      const { url, store } = fixture().server;
      const [sealedId, sealed] = Object.entries(example.ballots).find(([, b]) => b.status === 'closed')!;
      const [cancelledId] = Object.entries(example.ballots).find(([, b]) => b.status === 'cancelled')!;
      expect(await store.readCounts(example.id, sealedId)).toEqual(sealed.sealedCounts);
      expect(await store.readCounts(example.id, cancelledId)).toEqual({});
      const chair = await Participant.connect(url, example.id, 'chair', example.tokens.chair);
      try {
        await chair.send({ type: 'ballot.publish', ballotId: sealedId });
      } finally {
        chair.close();
      }
      const { state } = await admin().meeting(example.id);
      const ballot = (state.ballots as Json[]).find((b) => b.id === sealedId) as unknown as Ballot;
      expect(ballot.status).toBe('published');
      const row = ballot.results!.subjects[0];
      const published = Object.fromEntries(
        Object.entries(row.counts)
          .filter(([, n]) => n > 0)
          .map(([option, n]) => [`${row.subject}/${option}`, n]),
      );
      expect(published).toEqual(sealed.sealedCounts);
      expect(ballot.results!.turnout).toBe(sealed.turnout);
    });

    it("keeps the voting PINs: a paper with yesterday's PIN counts, one with a wrong PIN is refused", async () => {
      const { url } = fixture().server;
      const [chair, m01, m02] = await Promise.all(['chair', 'm01', 'm02'].map((id) => Participant.connect(url, example.id, id, example.tokens[id])));
      try {
        await chair.send({ type: 'ballot.create', ballot: { kind: 'motion', title: 'Biểu quyết sau khi nâng cấp' } });
        const ballotId = ((await admin().meeting(example.id)).state.ballots as Json[]).find((b) => b.title === 'Biểu quyết sau khi nâng cấp')!.id as string;
        await chair.send({ type: 'ballot.open', ballotId });
        await m01.send({ type: 'ballot.vote', ballotId, paper: { question: 'agree' }, pin: example.pins.m01 });
        const wrong = example.pins.m02 === '135790' ? '246801' : '135790';
        expect(await m02.attempt({ type: 'ballot.vote', ballotId, paper: { question: 'agree' }, pin: wrong })).toBe('wrong-pin');
        await chair.send({ type: 'ballot.cancel', ballotId, reason: 'Chỉ để thử' });
      } finally {
        for (const p of [chair, m01, m02]) p.close();
      }
    });

    it("reads every event record back in today's schema, and stamps the records and state written since", async () => {
      const { store } = fixture().server;
      const { version } = await admin().meeting(example.id);
      const records = await store.readEvents(example.id);
      expect(records.map((r) => r.version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
      expect(await fixture().raw.eventStamp(example.id, 1)).toBeUndefined();
      for (const e of records.flatMap((r) => r.events)) {
        if (e.type === 'attendance.marked') expect(e.at).toEqual(expect.any(Number));
        if (e.type === 'ballot.created') expect(e.ballot.majority.threshold).toBeDefined();
      }
      expect(await fixture().raw.eventStamp(example.id, version)).toBe(SCHEMA_VERSION);
      expect(await fixture().raw.stateStamp(example.id)).toBe(SCHEMA_VERSION);
      const state = (await store.loadMeeting(example.id))!.state;
      expect(state.schemaVersion).toBe(SCHEMA_VERSION);
    });
  });
}
