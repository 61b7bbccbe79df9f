import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingDefinition } from '../../shared/definition.js';
import { MAX_PAYLOAD_BYTES } from '../../shared/limits.js';
import { DEMO_DEFINITION } from '../../server/paths.js';
import type { CreatedMeeting } from '../../server/meetings/create.js';
import { ADMIN_TOKEN, connectClient, startServer, type TestServer } from '../helpers/server.js';

const example = readFileSync(DEMO_DEFINITION, 'utf8');
const participants = MeetingDefinition.parse(JSON.parse(example)).participants;
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/join/') + '/join/'.length);

type Created = CreatedMeeting & { ok: true; cardsHtml?: string };
type Failed = { ok: false; error: { code: string; message: string }; issues?: { path: string; message: string }[] };

describe('POST /api/meetings', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  const post = (body: string, opts: { token?: string | null; type?: string; query?: string } = {}) =>
    fetch(`${server.url}/api/meetings${opts.query ?? ''}`, {
      method: 'POST',
      headers: {
        'content-type': opts.type ?? 'application/json',
        ...(opts.token === null ? {} : { authorization: `Bearer ${opts.token ?? ADMIN_TOKEN}` }),
      },
      body,
    });
  const meetingCount = async () =>
    ((await (await fetch(`${server.url}/api/meetings`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { meetings: unknown[] }).meetings.length;

  it("creates the meeting and answers 201 with every participant's working personal link", async () => {
    const res = await post(example);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Created;
    expect(body.ok).toBe(true);
    expect(body.title).toBe('Hội nghị kiểm điểm tập thể và cá nhân năm 2024');
    expect(body.links.map((l) => [l.participantId, l.name, l.role])).toEqual(participants.map((p) => [p.id, p.name, p.role]));
    expect(body.cardsHtml).toBeUndefined();
    for (const link of body.links) expect(link.url).toMatch(/^http:\/\/placeholder\/join\/[A-Za-z0-9_-]+$/);

    const clients = await Promise.all(body.links.map((l) => connectClient(server.url, tokenOf(l.url))));
    try {
      expect(clients.map((c) => [c.snapshot.meetingId, c.snapshot.you.participantId, c.snapshot.you.role])).toEqual(
        body.links.map((l) => [body.meetingId, l.participantId, l.role]),
      );
      expect(clients[0].state.agenda).toHaveLength(JSON.parse(example).agenda.length);
    } finally {
      for (const c of clients) c.close();
    }
  });

  it('returns the printable join cards too when asked with ?cards=1', async () => {
    const res = await post(example, { query: '?cards=1' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Created;
    expect(body.cardsHtml).toMatch(/^<!doctype html>/);
    for (const link of body.links) {
      expect(body.cardsHtml).toContain(link.name);
      expect(body.cardsHtml).toContain(link.url);
    }
    expect(body.cardsHtml!.match(/<svg /g)).toHaveLength(body.links.length);
    expect((await post(example, { query: '?cards=please' })).status).toBe(400);
  });

  it('refuses with 401 and creates nothing without the admin token, or with a wrong one', async () => {
    const before = await meetingCount();
    for (const res of [
      await post(example, { token: null }),
      await post(example, { token: 'wrong-token' }),
      await post(example, { token: `${ADMIN_TOKEN}x` }),
      await fetch(`${server.url}/api/meetings`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${ADMIN_TOKEN}` }, body: example }),
    ]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(await meetingCount()).toBe(before);
  });

  it('refuses an invalid definition with 400, naming the field of every problem', async () => {
    const before = await meetingCount();
    const def = JSON.parse(example);
    def.agenda[7].subject = 'nobody';
    delete def.agenda[8].subject;
    def.days = ['2024-12-26'];
    const res = await post(JSON.stringify(def));
    expect(res.status).toBe(400);
    const body = (await res.json()) as Failed;
    expect(body.error.code).toBe('invalid-payload');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { path: 'agenda[7].subject', message: 'unknown participant nobody' },
        { path: 'agenda[8].subject', message: 'an individual review needs its subject' },
        expect.objectContaining({ path: expect.stringMatching(/^agenda\[\d+\]\.day$/), message: 'day 2 is not one of the 1 days' }),
      ]),
    );
    expect(body.error.message).toContain('agenda[7].subject: unknown participant nobody');

    const missing = (await (await post(JSON.stringify({ ...def, title: undefined, participants: [{ id: 'a b', name: 'X', role: 'boss' }] }))).json()) as Failed;
    expect(missing.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['title', 'participants[0].id', 'participants[0].role']));
    expect(await meetingCount()).toBe(before);
  });

  it('refuses a body over 64 KB with 413, and a body that is not JSON with 400', async () => {
    const before = await meetingCount();
    const big = JSON.stringify({ ...JSON.parse(example), padding: 'x'.repeat(MAX_PAYLOAD_BYTES) });
    const tooLarge = await post(big);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });

    for (const res of [await post('{"title": '), await post('not json at all'), await post('"a string"'), await post(example, { type: 'text/plain' })]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(await meetingCount()).toBe(before);
  });

  it('a link of one meeting is worthless in another', async () => {
    const a = (await (await post(example)).json()) as Created;
    const b = (await (await post(example)).json()) as Created;
    const chairA = tokenOf(a.links.find((l) => l.role === 'chair')!.url);

    // Socket.IO: the connection is bound to meeting A; commands naming B are refused.
    const client = await connectClient(server.url, chairA);
    try {
      expect(client.snapshot.meetingId).toBe(a.meetingId);
      expect(await client.send({ type: 'agenda.next' }, b.meetingId)).toMatchObject({ ok: false, error: { code: 'wrong-meeting' } });
      expect((await server.store.loadMeeting(b.meetingId))!.version).toBe(0);
    } finally {
      client.close();
    }

    // Yjs: B's documents refuse A's token at the upgrade.
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${b.meetingId}/minutes?token=${chairA}`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => {
        ws.close();
        reject(new Error('opened'));
      });
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);

    // The record export: A's chair may export A, not B.
    const exportOf = (id: string) => fetch(`${server.url}/api/meetings/${id}/export?format=md`, { headers: { authorization: `Bearer ${chairA}` } });
    expect((await exportOf(a.meetingId)).status).toBe(200);
    expect((await exportOf(b.meetingId)).status).toBe(403);
  });
});
