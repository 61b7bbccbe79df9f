import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedMeeting } from '../../server/meetings/create.js';
import { pinOf, versionOf } from '../helpers/ballots.js';
import { testDefinition } from '../helpers/definitions.js';
import { CLI_COMMAND, freePort, removeDataDir, spawnServer, type ServerProcess } from '../helpers/process.js';
import { ADMIN_TOKEN, connectClient, startServer, type TestClient, type TestServer } from '../helpers/server.js';

/**
 * `npm run meeting -- reset-pin`: the organiser's reset of a voter's PIN. With a server running on
 * PORT it goes through the admin API, so the room hears of it at once; with none, straight into the
 * store, with the `pin.reset` event committed so the room and the record see it when the server starts.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
const EXAMPLE = 'examples/self-review-2024.json';
const tokenOf = (created: CreatedMeeting, id: string) => {
  const url = created.links.find((l) => l.participantId === id)!.url;
  return url.slice(url.lastIndexOf('/join/') + '/join/'.length);
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(CLI_COMMAND[0], [...CLI_COMMAND.slice(1), ...args], { cwd: ROOT, env: { ...process.env, REDIS_URL: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Five wrong current PINs: voting locked, as a brute force would leave it. */
async function lockOut(client: TestClient, pin: string): Promise<void> {
  versionOf(await client.send({ type: 'pin.set', pin }));
  for (const wrong of ['246813', '975312', '135792', '864209', '192837']) {
    expect((await client.send({ type: 'pin.set', pin: '482916', currentPin: wrong })).ok).toBe(false);
  }
  expect(await client.send({ type: 'pin.set', pin: '482916', currentPin: pin })).toMatchObject({ ok: false, error: { code: 'voting-locked' } });
}

describe('npm run meeting -- reset-pin', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const clean of cleanups.splice(0).reverse()) await clean();
  });

  it('with a server running on PORT: through its admin API, announced in the room at once', { timeout: 60_000 }, async () => {
    const server: TestServer = await startServer({ definition: testDefinition({ ballotRules: { votingPin: 'required' } }) });
    cleanups.push(() => server.stop());
    const m2 = await server.connectAs('m2');
    const screen = await server.connectAs('screen');
    await lockOut(m2, pinOf('m2'));
    // An empty DATA_DIR: the CLI does not need the store when the server answers.
    const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-cli-pin-'));
    cleanups.push(() => removeDataDir(dataDir));
    const env = { DATA_DIR: dataDir, PORT: new URL(server.url).port, ADMIN_TOKEN };
    const meetingId = server.meeting.meetingId;

    const run = await cli(['reset-pin', meetingId, 'm2', '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { ok: boolean; via: string; version: number };
    expect(out).toMatchObject({ ok: true, meetingId, participantId: 'm2', via: 'server' });
    await screen.waitForVersion(out.version, 1000);
    expect(screen.state.notices?.at(-1)).toMatchObject({ kind: 'pin-reset', participantId: 'm2' });
    expect(screen.state.pins?.m2).toBeUndefined();
    expect(await server.store.readPin(meetingId, 'm2')).toBeNull();
    // The member sets a new PIN, with no current one to give.
    versionOf(await m2.send({ type: 'pin.set', pin: '482916' }));

    const text = await cli(['reset-pin', meetingId, 'm2'], env);
    expect([text.code, text.stdout]).toEqual([0, expect.stringContaining('Đã đặt lại mã PIN bỏ phiếu của m2')]);
    // The server's refusals are the CLI's: exit 1, nothing reset, and no second try on the store.
    const wrongToken = await cli(['reset-pin', meetingId, 'm2', '--json'], { ...env, ADMIN_TOKEN: 'not-the-token' });
    expect(wrongToken.code).toBe(1);
    expect(JSON.parse(wrongToken.stdout)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const guest = await cli(['reset-pin', meetingId, 'guest', '--json'], env);
    expect([guest.code, JSON.parse(guest.stdout).error.code]).toEqual([1, 'not-found']);
  });

  it('with no server: straight into the store, the notice committed for the room and the record', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'phong-hop-cli-pin-'));
    cleanups.push(() => removeDataDir(dataDir));
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ADMIN_TOKEN: 'process-admin-token' };
    const created = JSON.parse((await cli(['create', EXAMPLE, '--json', '--no-cards'], env)).stdout) as CreatedMeeting;
    const { meetingId } = created;

    let server: ServerProcess = await spawnServer({ dataDir, port });
    cleanups.push(() => server.terminate());
    const m05 = await connectClient(server.url, tokenOf(created, 'm05'));
    await lockOut(m05, pinOf('m05'));
    m05.close();
    await server.terminate();

    // Something else on PORT: refused, and not taken for "no server" (the store is left alone).
    const other = createServer((_req, res) => res.end('<html>not this server</html>'));
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    cleanups.push(() => new Promise((ok) => other.close(ok)));
    const otherPort = String((other.address() as { port: number }).port);
    const elsewhere = await cli(['reset-pin', meetingId, 'm05', '--json'], { ...env, PORT: otherPort });
    expect([elsewhere.code, JSON.parse(elsewhere.stdout).error]).toEqual([1, { code: 'internal', message: expect.stringContaining('something other than this server') }]);

    const run = await cli(['reset-pin', meetingId, 'm05', '--json'], env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { version: number };
    expect(out).toMatchObject({ ok: true, meetingId, participantId: 'm05', via: 'store' });
    const text = await cli(['reset-pin', meetingId, 'm05'], env);
    expect([text.code, text.stdout]).toEqual([0, expect.stringContaining(`no server on port ${port}`)]);

    // Unknown meeting, unknown participant, one who never votes: exit 1, nothing changed.
    const wrong = [
      ['nope', 'm05'],
      [meetingId, 'ghost'],
      [meetingId, 'observer'],
    ];
    const [usage, ...refusals] = await Promise.all([cli(['reset-pin', meetingId], env), ...wrong.map((args) => cli(['reset-pin', ...args, '--json'], env))]);
    for (const [i, refused] of refusals.entries()) expect([refused.code, JSON.parse(refused.stdout).error.code], wrong[i].join(' ')).toEqual([1, 'not-found']);
    expect([usage.code, usage.stderr.includes('reset-pin MEETING_ID PARTICIPANT_ID')]).toEqual([2, true]);

    // The server started again finds the reset: the notice in the state, the PIN gone, a new one accepted.
    server = await spawnServer({ dataDir, port });
    const again = await connectClient(server.url, tokenOf(created, 'm05'));
    cleanups.push(() => again.close());
    expect(again.version).toBe(out.version + 1);
    expect(again.state.notices?.filter((n) => n.kind === 'pin-reset')).toEqual([
      expect.objectContaining({ participantId: 'm05' }),
      expect.objectContaining({ participantId: 'm05' }),
    ]);
    expect(again.state.pins?.m05).toBeUndefined();
    versionOf(await again.send({ type: 'pin.set', pin: '482916' }));
    const record = await (await fetch(`${server.url}/api/meetings/${meetingId}/export?format=md`, { headers: { authorization: 'Bearer process-admin-token' } })).text();
    expect(record).toContain('được ban tổ chức đặt lại');
  });
});
