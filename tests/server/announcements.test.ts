import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accepted, connectRoom, expectConverged } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';

describe('announcements, live', () => {
  let server: TestServer;
  let all: TestClient[];
  let room: Record<string, TestClient>;
  beforeEach(async () => {
    server = await startServer();
    room = await connectRoom(server, ['chair', 'sec', 'm1', 'm2', 'guest', 'obs', 'screen']);
    all = Object.values(room);
  });
  afterEach(async () => {
    await server.stop();
  });

  it('reaches the room screen and every device, with a countdown in server time, and is cleared everywhere', async () => {
    const before = Date.now();
    accepted(await room.chair.send({ type: 'announcement.post', text: 'Nghỉ giải lao 15 phút', countdownSec: 900 }));
    await expectConverged(server, all);
    const shown = room.screen.state.announcement!;
    expect(shown.text).toBe('Nghỉ giải lao 15 phút');
    expect(shown.postedAt).toBeGreaterThanOrEqual(before);
    expect(shown.postedAt).toBeLessThanOrEqual(Date.now());
    expect(shown.endsAt).toBe(shown.postedAt + 900_000);

    accepted(await room.chair.send({ type: 'announcement.post', text: 'Mời các đồng chí trở lại phòng họp' }));
    await expectConverged(server, all);
    expect(room.m1.state.announcement).toMatchObject({ text: 'Mời các đồng chí trở lại phòng họp', endsAt: null });

    accepted(await room.chair.send({ type: 'announcement.clear' }));
    expect(await room.chair.send({ type: 'announcement.clear' })).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    await expectConverged(server, all);
    expect(room.obs.state.announcement).toBeNull();
  });

  it('only the chair announces; bad messages are refused', async () => {
    for (const who of ['sec', 'm1', 'guest', 'obs', 'screen']) {
      expect(await room[who].send({ type: 'announcement.post', text: 'Xin chào' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await room.chair.send({ type: 'announcement.post', text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await room.chair.send({ type: 'announcement.post', text: 'x'.repeat(281) })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await room.chair.send({ type: 'announcement.post', text: 'Nghỉ', countdownSec: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    await expectConverged(server, all);
    expect(room.chair.version).toBe(0);
  });
});
