import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode, RefusalReason } from '../../shared/errors.js';
import { accepted } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';

describe('each kind of bad command gets its own error code and changes nothing', () => {
  let server: TestServer;
  let chair: TestClient;
  let version: number;
  beforeAll(async () => {
    server = await startServer();
    chair = await server.connectAs('chair');
    accepted(await chair.send({ type: 'agenda.open', itemId: 'open' }));
    accepted(await chair.send({ type: 'queue.give', participantId: 'm1' }));
    version = accepted(await chair.send({ type: 'queue.end' }));
  });
  afterAll(async () => {
    await server.stop();
  });

  const emit = (payload: unknown) => chair.socket.timeout(5000).emitWithAck('command', payload);
  const cases: [string, () => unknown, ErrorCode, RefusalReason?][] = [
    ['not an envelope', () => 'agenda.next', 'invalid-payload'],
    ['an envelope without a command', () => ({ meetingId: server.meeting.meetingId }), 'invalid-payload'],
    ['an envelope with an extra key', () => ({ meetingId: server.meeting.meetingId, command: { type: 'agenda.next' }, as: 'admin' }), 'invalid-payload'],
    ['a command with an extra key', () => ({ meetingId: server.meeting.meetingId, command: { type: 'agenda.next', force: true } }), 'invalid-payload'],
    ['a field of the wrong type', () => ({ meetingId: server.meeting.meetingId, command: { type: 'queue.extend', seconds: '60' } }), 'invalid-payload'],
    ['an unknown type', () => ({ meetingId: server.meeting.meetingId, command: { type: 'agenda.delete-all' } }), 'unknown-command'],
    ['over 64 KB', () => ({ meetingId: server.meeting.meetingId, command: { type: 'announcement.post', text: 'x'.repeat(70_000) } }), 'payload-too-large'],
    ['another meeting', () => ({ meetingId: 'other-meeting', command: { type: 'agenda.next' } }), 'wrong-meeting'],
    ['an unknown item', () => ({ meetingId: server.meeting.meetingId, command: { type: 'agenda.open', itemId: 'nope' } }), 'not-found'],
    ['stale: ending a speech that already ended', () => ({ meetingId: server.meeting.meetingId, command: { type: 'queue.end' } }), 'invalid-state', 'nobody-speaking'],
  ];

  for (const [what, payload, code, reason] of cases) {
    it(what, async () => {
      const answer = await emit(payload());
      // A refusal of the rules also says which rule, for the console to explain (docs/PROTOCOL.md).
      expect(answer).toEqual({ ok: false, error: { code, message: expect.any(String), ...(reason ? { reason } : {}) } });
      expect((await server.store.loadMeeting(server.meeting.meetingId))!.version).toBe(version);
    });
  }

  it('not allowed for the role', async () => {
    const m1 = await server.connectAs('m1');
    expect(await m1.send({ type: 'queue.give' })).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(chair.version).toBe(version);
  });

  it('an unknown event, with an ack', async () => {
    const socket = chair.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } };
    expect(await socket.timeout(5000).emitWithAck('vote', {})).toEqual({ ok: false, error: { code: 'unknown-command', message: expect.any(String) } });
  });
});
