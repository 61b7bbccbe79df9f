import { afterAll, describe, expect, it } from 'vitest';
import { OFFICIAL_SCALE } from '../../shared/ballots/scale.js';
import type { CreatedMeeting } from '../../server/meetings/create.js';
import { hashToken } from '../../server/ids.js';
import { createLogger } from '../../server/log.js';
import type { Store } from '../../server/store/store.js';
import { markPresent, pinOf, setPins, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { ADMIN_TOKEN, connectClient, startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { connectDoc } from '../helpers/yjs.js';

/**
 * "A test captures every line the server writes during a meeting with ballots at debug level and
 * finds no token, token hash or paper" (issue 15): the in-process logger's every line, and a real
 * server process's whole output, after a meeting that sets and changes PINs, tries a wrong one,
 * votes on a rating and a motion, closes and publishes both, has a PIN reset by the organiser,
 * reissues a link and opens the notes.
 */

const MEMBERS = committeeIds(5);
const CHAIR = MEMBERS[0];
const SUBJECTS = [...MEMBERS, 'collective'];
const ANSWERS = [...OFFICIAL_SCALE.map((o) => o.id), 'abstain'];
const definition = committeeDefinition(MEMBERS.length, { ballotRules: { votingPin: 'required' } });

/** A PIN nobody else has: u02's changed one. Six digits that pass `pinWeakness`. */
const NEW_PIN = '483920';

/** Each voter's rating paper: a fixed, varied answer per subject, never themself. */
const ratingPaper = (voter: string) => Object.fromEntries(SUBJECTS.filter((s) => s !== voter).map((s, i) => [s, ANSWERS[(MEMBERS.indexOf(voter) + i) % ANSWERS.length]]));

interface Secrets {
  /** Exact strings no line may hold. */
  strings: string[];
  /** Shapes no line may hold: a paper's "subject":"answer", a count key subject/answer. */
  patterns: RegExp[];
}

const alternatives = (xs: string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => x.replace(/[-/]/g, '\\$&'))
    .join('|');
const PAPER_SHAPES = [
  new RegExp(`"(${alternatives(SUBJECTS)})"\\s*:\\s*"(${alternatives([...ANSWERS, 'agree', 'disagree'])})"`),
  new RegExp(`(${alternatives(SUBJECTS)})/(${alternatives(ANSWERS)})`),
  new RegExp(`question/(agree|disagree|abstain)`),
];

/** Closes a ballot, unless the last paper closed it already. */
async function close(chair: TestClient, ballotId: string): Promise<void> {
  const ack = await chair.send({ type: 'ballot.close', ballotId });
  if (!ack.ok) expect(ack.error.code).toBe('invalid-state');
}

/**
 * The meeting, driven through real Socket.IO, Yjs and HTTP clients. Returns every secret it saw:
 * link tokens (and the reissued one), their hashes, PINs, the admin token.
 */
async function meetingWithBallots(url: string, meeting: CreatedMeeting, adminToken: string): Promise<Secrets> {
  const tokenOf = (id: string) => {
    const link = meeting.links.find((l) => l.participantId === id)!;
    return link.url.slice(link.url.lastIndexOf('/') + 1);
  };
  const tokens = meeting.links.map((l) => l.url.slice(l.url.lastIndexOf('/') + 1));
  const clients = new Map<string, TestClient>();
  for (const id of [...MEMBERS, 'obs', 'sec']) clients.set(id, await connectClient(url, tokenOf(id)));
  const client = (id: string) => clients.get(id)!;
  const chair = client(CHAIR);
  const pins = MEMBERS.map(pinOf);
  try {
    await markPresent(chair, MEMBERS);
    await setPins(MEMBERS.map((id) => [id, client(id)] as [string, TestClient]));
    // u02 changes their PIN (the current one given), u03 tries a wrong one.
    versionOf(await client('u02').send({ type: 'pin.set', pin: NEW_PIN, currentPin: pinOf('u02') }));
    const pinNow = (id: string) => (id === 'u02' ? NEW_PIN : pinOf(id));

    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'peer', kind: 'rating', title: 'Phiếu đánh giá, xếp loại', subjects: SUBJECTS, allowAbstain: true } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'peer' }));
    const wrong = await client('u03').send({ type: 'ballot.vote', ballotId: 'peer', paper: ratingPaper('u03'), pin: pinNow('u04') });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    for (const id of MEMBERS) versionOf(await client(id).send({ type: 'ballot.vote', ballotId: 'peer', paper: ratingPaper(id), pin: pinNow(id) }));
    await close(chair, 'peer');
    versionOf(await chair.send({ type: 'ballot.publish', ballotId: 'peer' }));

    // The organiser resets u04's PIN (admin API); u04 sets a new one and votes on a motion.
    const reset = await fetch(`${url}/api/meetings/${meeting.meetingId}/participants/u04/pin/reset`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
    expect(reset.status).toBe(200);
    versionOf(await client('u04').send({ type: 'pin.set', pin: pinOf('u04') }));
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'motion', kind: 'motion', title: 'Thông qua nghị quyết' } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'motion' }));
    for (const [i, id] of MEMBERS.entries()) {
      versionOf(await client(id).send({ type: 'ballot.vote', ballotId: 'motion', paper: { question: i % 2 ? 'agree' : 'disagree' }, pin: pinNow(id) }));
    }
    await close(chair, 'motion');
    versionOf(await chair.send({ type: 'ballot.publish', ballotId: 'motion' }));

    // A reissued link: the new token is a secret as well.
    const reissued = await chair.send({ type: 'link.reissue', participantId: 'guest' });
    expect(reissued.ok).toBe(true);
    const newLink = reissued.ok ? reissued.link! : '';
    tokens.push(newLink.slice(newLink.lastIndexOf('/') + 1));

    // The notes, with the token in the connection.
    versionOf(await chair.send({ type: 'agenda.open', itemId: 'open' }));
    const doc = connectDoc(url, meeting.meetingId, 'minutes', tokenOf('sec'));
    await doc.synced();
    doc.destroy();
    // A refused connection, a bad admin token and a failing export, for the logs' error paths.
    await connectClient(url, 'not-a-token-of-this-meeting').then(
      (c) => c.close(),
      () => undefined,
    );
    await fetch(`${url}/api/meetings`, { method: 'POST', headers: { authorization: `Bearer ${tokenOf(CHAIR)}` } });
    await fetch(`${url}/api/meetings/${meeting.meetingId}/export?format=docx`, { headers: { authorization: `Bearer ${tokenOf('obs')}` } });
  } finally {
    for (const c of clients.values()) c.close();
  }
  return {
    strings: [...tokens, ...tokens.map(hashToken), ...pins, NEW_PIN, adminToken],
    patterns: PAPER_SHAPES,
  };
}

/** The PIN hashes as stored: they may not be logged either. */
async function pinHashes(store: Store, meetingId: string): Promise<string[]> {
  const hashes: string[] = [];
  for (const id of MEMBERS) {
    const pin = await store.readPin(meetingId, id);
    if (pin) hashes.push(...pin.hash.split(/[$:.]/).filter((part) => part.length >= 12));
  }
  return hashes;
}

function expectNoSecret(lines: string[], secrets: Secrets): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    for (const s of secrets.strings) expect(line.includes(s), `${s} in ${line.slice(0, 300)}`).toBe(false);
    for (const p of secrets.patterns) expect(p.test(line), `${p} in ${line.slice(0, 300)}`).toBe(false);
  }
}

describe('logs: no token, token hash, PIN or paper in any line the server writes', () => {
  const servers: TestServer[] = [];
  const processes: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    for (const p of processes) {
      await p.terminate();
      removeDataDir(p.dataDir);
    }
  });

  it('in process, at debug level: every line of a meeting with ballots', { timeout: 60_000 }, async () => {
    const server = await startServer({ definition, logLevel: 'debug', commandsPerSecond: 1000, commandBurst: 1000 });
    servers.push(server);
    const secrets = await meetingWithBallots(server.url, server.meeting, ADMIN_TOKEN);
    secrets.strings.push(...(await pinHashes(server.store, server.meeting.meetingId)));
    const lines = [...server.logs];
    // The log did see the meeting: connections, commands, votes (without their papers), the PIN reset.
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.some((l) => l.level === 'debug' && l.msg === 'connected')).toBe(true);
    expect(parsed.filter((l) => l.type === 'ballot.vote').length).toBe(2 * MEMBERS.length);
    expect(parsed.some((l) => l.msg === 'voting PIN reset')).toBe(true);
    // Without the time, which is digits a PIN could happen to match.
    expectNoSecret(
      parsed.map(({ t: _t, ...rest }) => JSON.stringify(rest)),
      secrets,
    );
  });

  it('a real server process at debug level: its whole output (JSON log on stdout, banner on stderr)', { timeout: 90_000 }, async () => {
    const server = await spawnServer({ env: { LOG_LEVEL: 'debug', ADMIN_TOKEN: 'logs-process-admin-token' } });
    processes.push(server);
    const created = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(definition),
    });
    expect(created.status).toBe(201);
    const meeting = (await created.json()) as CreatedMeeting;
    const secrets = await meetingWithBallots(server.url, meeting, server.adminToken);
    await server.terminate();
    const lines = server.output().split('\n').filter(Boolean);
    const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json.some((l) => l.level === 'debug')).toBe(true);
    expect(json.filter((l) => l.type === 'ballot.vote').length).toBe(2 * MEMBERS.length);
    expectNoSecret(
      lines.map((l) => l.replace(/"t":"[^"]*"/, '')),
      secrets,
    );
  });

  it("a careless caller's secrets are redacted at any depth", () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.info('careless', {
      request: { headers: { Authorization: 'Bearer s3cr3t-admin', cookie: 'sid=abc123' } },
      session: { participant: 'u01', token: 'tok-deep-1' },
      batch: [{ vote: { u02: 'good' } }, { pin: '483920', currentPin: '111222' }],
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/s3cr3t|abc123|tok-deep-1|good|483920|111222/);
    expect(JSON.parse(lines[0])).toMatchObject({
      session: { participant: 'u01', token: '[redacted]' },
      request: { headers: { Authorization: '[redacted]', cookie: '[redacted]' } },
    });
  });
});
