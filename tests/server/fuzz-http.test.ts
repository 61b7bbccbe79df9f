import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { ERROR_CODES } from '../../shared/errors.js';
import type { MeetingDefinitionInput } from '../../shared/definition.js';
import { testDefinition } from '../helpers/definitions.js';
import { fuzzSeed, nested, otherType, Rng } from '../helpers/fuzz.js';
import { ADMIN_TOKEN, startServer, type TestServer } from '../helpers/server.js';

const SEED = fuzzSeed();
const DEFINITION = testDefinition() as MeetingDefinitionInput;

/** Ways to spoil a valid definition that its schema must catch. */
function spoil(rng: Rng): { body: unknown; how: string } {
  const def = structuredClone(DEFINITION) as Record<string, unknown> & MeetingDefinitionInput;
  const how = rng.pick([
    'drop',
    'wrong-type',
    'no-chair',
    'duplicate-id',
    'bad-day',
    'bad-quorum',
    'long-title',
    'agenda-day',
    'unknown-subject',
    'short-speech',
    'time-zone',
    'blank-name',
    'ballot-subject',
  ]);
  switch (how) {
    case 'drop': {
      const key = rng.pick(['title', 'organisation', 'days', 'participants', 'agenda']);
      delete def[key];
      return { body: def, how: `${how} ${key}` };
    }
    case 'wrong-type': {
      const key = rng.pick(['title', 'organisation', 'days', 'participants', 'agenda', 'quorum', 'speakingSeconds']);
      def[key] = otherType(rng, def[key]);
      return { body: def, how: `${how} ${key}` };
    }
    case 'no-chair':
      def.participants = def.participants.map((p) => ({ ...p, role: p.role === 'chair' ? 'member' : p.role }));
      break;
    case 'duplicate-id':
      def.participants = [...def.participants, { ...def.participants[2] }];
      break;
    case 'bad-day':
      def.days = [rng.pick(['2024-13-45', '26/12/2024', '2024-02-30', '', 'hôm nay'])];
      break;
    case 'bad-quorum':
      def.quorum = rng.pick([[3, 2], [0, 1], [1, 0], [1]]) as [number, number];
      break;
    case 'long-title':
      def.title = 'Hội nghị '.repeat(60 + rng.int(500));
      break;
    case 'agenda-day':
      def.agenda = [...def.agenda, { day: 3, title: 'Ngày thứ ba', kind: 'procedure', plannedMinutes: 5 }];
      break;
    case 'unknown-subject':
      def.agenda = [...def.agenda, { day: 1, title: 'Kiểm điểm', kind: 'individual-review', plannedMinutes: 5, subject: 'nobody' }];
      break;
    case 'short-speech':
      def.speakingSeconds = rng.pick([0, 5, 14, 3601]);
      break;
    case 'time-zone':
      def.timeZone = rng.pick(['Mars/Olympus', 'GMT+7+', '']);
      break;
    case 'blank-name':
      def.participants = [{ ...def.participants[0], name: '   ' }, ...def.participants.slice(1)];
      break;
    default:
      def.ballots = [{ kind: 'rating', title: 'Xếp loại', subjects: ['nobody'] }];
  }
  return { body: def, how };
}

describe(`fuzzing the HTTP API (seed ${SEED}; rerun with FUZZ_SEED=${SEED})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('bad, oversized and non-JSON bodies, with and without the admin token, get typed errors and create nothing', async () => {
    const rng = new Rng(SEED);
    const requests: { how: string; path: string; method: string; headers: Record<string, string>; body?: string | Buffer }[] = [];
    const post = (how: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      const auth = rng.pick([`Bearer ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN}`, '', 'Bearer ', 'Bearer wrong', `Basic ${ADMIN_TOKEN}`, `bearer ${ADMIN_TOKEN}x`]);
      requests.push({
        how: `${how} [auth: ${auth.slice(0, 12) || 'none'}]`,
        path: '/api/meetings',
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
      });
    };
    for (let i = 0; i < 150; i++) {
      const { body, how } = spoil(rng);
      post(`spoilt definition: ${how}`, JSON.stringify(body));
    }
    for (let i = 0; i < 60; i++) post('random JSON', JSON.stringify(rng.json(3)) ?? 'null');
    for (let i = 0; i < 30; i++) post('not JSON', rng.pick(['{', '{"title":', "{'a':1}", 'undefined', 'NaN', '[1,]', rng.string(40), '{"a":1}{"b":2}']));
    for (let i = 0; i < 20; i++) post('over 64 KB', JSON.stringify({ ...DEFINITION, title: 'x'.repeat(65_536 + rng.int(2_000_000)) }));
    for (let i = 0; i < 10; i++) post('invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]));
    for (let i = 0; i < 10; i++) {
      const n = 10_000 + rng.int(20_000);
      post('deep nesting', rng.chance(0.5) ? '['.repeat(n) + ']'.repeat(n) : JSON.stringify(nested(1000)));
    }
    for (let i = 0; i < 10; i++)
      post('wrong content type', JSON.stringify(DEFINITION), {
        'content-type': rng.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          'application/json; charset=latin-9',
        ]),
      });
    for (let i = 0; i < 10; i++)
      post('bad encoding', rng.pick([Buffer.from('not gzip at all'), gzipSync(Buffer.from('{"title":')), gzipSync(Buffer.alloc(3_000_000, 0x20))]), {
        'content-encoding': rng.pick(['gzip', 'deflate', 'br', 'bogus']),
      });
    for (let i = 0; i < 20; i++) {
      const path = rng.pick([
        '/api/meetings/%00',
        `/api/meetings/${'x'.repeat(300)}`,
        '/api/nope',
        '/api/meetings/..%2f..%2fetc',
        `/api/meetings/z${encodeURIComponent(rng.string(10))}`,
      ]);
      requests.push({ how: 'unknown path', path, method: rng.pick(['GET', 'POST', 'DELETE', 'PUT']), headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    }

    const problems: string[] = [];
    const statuses: Record<number, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < requests.length) {
          const r = requests[next++];
          const res = await fetch(server.url + r.path, {
            method: r.method,
            headers: r.headers,
            body: r.method === 'GET' || r.body === undefined ? undefined : new Uint8Array(Buffer.from(r.body)),
          });
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const text = await res.text();
          let body: { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null = null;
          try {
            body = JSON.parse(text);
          } catch {
            /* reported below */
          }
          const typed = body?.ok === false && (ERROR_CODES as readonly unknown[]).includes(body.error?.code) && typeof body.error?.message === 'string';
          if (!typed || ![400, 401, 404, 413].includes(res.status)) problems.push(`${r.method} ${r.path.slice(0, 40)} ${r.how} → ${res.status} ${text.slice(0, 200)}`);
        }
      }),
    );
    console.log(`HTTP fuzz: ${requests.length} requests, statuses ${JSON.stringify(statuses)}`);
    expect(requests.length).toBeGreaterThanOrEqual(300);
    expect(problems).toEqual([]);
    expect(server.logs.filter((l) => JSON.parse(l).level === 'error')).toEqual([]);
    expect(await server.store.listMeetings()).toHaveLength(1);

    // Still serving: health, and a valid definition creates a meeting.
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, store: 'sqlite' });
    const created = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(DEFINITION),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ ok: true, links: expect.arrayContaining([expect.objectContaining({ participantId: 'chair' })]) });
  }, 120_000);
});
