import { join } from 'node:path';
import WebSocket from 'ws';
import { MeetingDefinition } from '../../shared/definition.js';
import { createMeeting } from '../../server/meetings/create.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { committeeDefinition } from './definitions.js';

/**
 * A meeting near the size the limits allow (1500 participants, 150 agenda items: a snapshot of about
 * 250 KB), written into `dataDir`'s store before the server starts on it, since the admin API takes
 * definitions of at most 64 KB. Its chair is u00; `obs` holds the public observer link.
 */
export async function createLargeMeeting(dataDir: string): Promise<{ meetingId: string; chairToken: string; observerToken: string }> {
  const agenda = Array.from({ length: 150 }, (_, i) => ({
    id: `item-${i}`,
    day: 1 + (i % 2),
    kind: 'discussion' as const,
    plannedMinutes: 10,
    title: `Mục ${i}: ${'kiểm điểm tập thể và cá nhân năm 2024, '.repeat(8)}`.slice(0, 300),
  }));
  const store = new SqliteStore(join(dataDir, 'phong-hop.sqlite'));
  try {
    const created = await createMeeting(store, MeetingDefinition.parse(committeeDefinition(1500, { agenda })), 'http://placeholder');
    const token = (id: string) => {
      const url = created.links.find((l) => l.participantId === id)!.url;
      return url.slice(url.lastIndexOf('/') + 1);
    };
    return { meetingId: created.meetingId, chairToken: token('u00'), observerToken: token('obs') };
  } finally {
    await store.close();
  }
}

/**
 * Clients that stop reading, as an attacker holding the public observer link would: each speaks
 * Engine.IO 4 over a raw WebSocket, joins, then pauses its socket (the kernel's buffers fill, and
 * the server is left holding everything it sends after that). It keeps the connection alive by
 * sending Engine.IO pongs without waiting for pings, and asks for snapshots at `syncsPerSecond`.
 * A connection the server cuts is opened again, so `count` stay held. Used by
 * tests/security/slow-readers.test.ts and `npm run bench` (bench/scenarios/hostile.ts).
 */
export interface SlowReaders {
  /** Connections opened, first ones included. */
  opened(): number;
  /** Connections that ended (cut by the server, or refused). */
  ended(): number;
  /** Connections currently held open (joined and paused). */
  held(): number;
  stop(): void;
}

export interface SlowReaderOptions {
  count: number;
  syncsPerSecond: number;
  /** Blind pongs: Engine.IO takes a pong as a sign of life even when it sent no ping. */
  pongEveryMs?: number;
}

export function holdSlowReaders(baseUrl: string, token: string, opts: SlowReaderOptions): SlowReaders {
  let opened = 0;
  let ended = 0;
  let stopped = false;
  const live = new Set<WebSocket>();
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;

  const open = (): void => {
    if (stopped) return;
    opened++;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    let joined = false;
    let timers: NodeJS.Timeout[] = [];
    let ack = 1;
    const send = (frame: string) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(frame, () => undefined);
    };
    ws.on('message', (data) => {
      const text = (data as Buffer).toString(); // ws's default binaryType: every frame one Buffer
      if (text.startsWith('0')) send(`40${JSON.stringify({ token })}`);
      else if (text === '2') send('3');
      else if (text.startsWith('44')) ws.terminate();
      // The snapshot that follows the join: from here on, nothing more is read.
      else if (text.startsWith('42["snapshot"') && !joined) {
        joined = true;
        live.add(ws);
        ws.pause();
        timers = [setInterval(() => send('3'), opts.pongEveryMs ?? 10_000), setInterval(() => send(`42${ack++}["sync",{}]`), 1000 / opts.syncsPerSecond)];
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      for (const t of timers) clearInterval(t);
      live.delete(ws);
      ended++;
      if (!stopped) setTimeout(open, 200);
    });
  };

  for (let i = 0; i < opts.count; i++) open();
  return {
    opened: () => opened,
    ended: () => ended,
    held: () => live.size,
    stop: () => {
      stopped = true;
      for (const ws of live) ws.terminate();
    },
  };
}
