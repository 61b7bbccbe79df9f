/**
 * Voters for the ballots scenario: this process holds a share of the V voters' socket.io-client
 * connections (websocket only), and on request hands in every paper at its scheduled moment,
 * timing each one from send to acknowledgement.
 *
 * Requests (see bench/lib/workers.ts):
 * - `connect` { url, voters: [{ id, auth }], snapshot }: opens one connection per voter; with
 *   `snapshot` (our server) waits for each one's first snapshot, as a client does before voting.
 * - `burst` { kind, meetingId, ballotId, startAt, schedule: [{ id, offsetMs, paper }] }: sends each
 *   paper at wall-clock `startAt + offsetMs`; `kind` 'ours' sends our `command` envelope,
 *   'bare' the baseline's `vote` event. Answers every paper's latency (NaN where none came), the
 *   first send and last ack, the refusals, and the papers whose connection closed before their
 *   acknowledgement (`lost`: a heartbeat missed while the server was swamped; connections do not
 *   reconnect, so such a voter never learns whether their paper counted).
 * - `close`: disconnects everything.
 */
import { io, type Socket } from 'socket.io-client';
import { serveRequests } from '../lib/workers.js';
import { wallMs } from '../lib/stats.js';

interface Voter {
  id: string;
  auth: Record<string, string>;
}

interface Slot {
  id: string;
  offsetMs: number;
  paper: Record<string, string>;
}

interface Ack {
  ok: boolean;
  error?: { code: string; message: string };
}

export interface BurstResult {
  /** Send → acknowledgement, ms, one per paper, in the schedule's order. */
  latencies: number[];
  firstSend: number;
  lastAck: number;
  /** How late the sends left, on average, against their schedule (this process's own lag). */
  meanSendLagMs: number;
  /** Refusals, by "voter: code". */
  refused: string[];
  /** Papers whose connection closed before their acknowledgement came, by "voter: reason". */
  lost: string[];
}

const sockets = new Map<string, Socket>();

/** At most this many handshakes in flight, so connecting a thousand does not look like a flood. */
const CONNECT_CONCURRENCY = 50;
const CONNECT_TIMEOUT_MS = 60_000;
/** A paper still unacknowledged this long after the burst began is lost: the burst fails. */
const GUARD_MS = 300_000;

function open(url: string, voter: Voter, waitSnapshot: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: voter.auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: CONNECT_TIMEOUT_MS });
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error(`${voter.id}: no ${waitSnapshot ? 'snapshot' : 'connection'} within ${CONNECT_TIMEOUT_MS} ms`));
    }, CONNECT_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      sockets.set(voter.id, socket);
      resolve();
    };
    socket.once('connect_error', (e: Error & { data?: unknown }) => {
      clearTimeout(timer);
      reject(new Error(`${voter.id}: ${e.message} ${JSON.stringify(e.data ?? '')}`));
    });
    if (waitSnapshot) socket.once('snapshot', done);
    else socket.once('connect', done);
  });
}

async function connectAll(url: string, voters: Voter[], waitSnapshot: boolean): Promise<number> {
  let next = 0;
  const lane = async () => {
    while (next < voters.length) {
      const voter = voters[next++];
      await open(url, voter, waitSnapshot);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, voters.length) }, lane));
  return sockets.size;
}

function burst(kind: 'ours' | 'bare', meetingId: string, ballotId: string, startAt: number, schedule: Slot[]): Promise<BurstResult> {
  const latencies = new Array<number>(schedule.length).fill(Number.NaN);
  const refused: string[] = [];
  const lost: string[] = [];
  let firstSend = Infinity;
  let lastAck = 0;
  let lag = 0;
  let pending = schedule.length;
  const cleanups: (() => void)[] = [];
  return new Promise((resolve, reject) => {
    const settle = () => {
      if (--pending > 0) return;
      clearTimeout(guard);
      for (const c of cleanups) c();
      resolve({ latencies, firstSend, lastAck, meanSendLagMs: lag / schedule.length, refused, lost });
    };
    const guard = setTimeout(
      () => {
        for (const c of cleanups) c();
        reject(new Error(`${pending} of ${schedule.length} papers unacknowledged after ${GUARD_MS / 1000} s`));
      },
      GUARD_MS + (startAt - wallMs()),
    );
    if (pending === 0) return settle();
    schedule.forEach((slot, i) => {
      const socket = sockets.get(slot.id);
      if (!socket) throw new Error(`no connection for ${slot.id}`);
      let answered = false;
      // A connection that closes before the acknowledgement (a heartbeat missed under load) never
      // gets it: the paper may or may not have been counted, and its voter cannot know which.
      const onDisconnect = (reason: string) => {
        if (answered) return;
        answered = true;
        lost.push(`${slot.id}: ${reason}`);
        settle();
      };
      socket.on('disconnect', onDisconnect);
      cleanups.push(() => socket.off('disconnect', onDisconnect));
      const due = startAt + slot.offsetMs;
      setTimeout(
        () => {
          if (answered) return;
          if (!socket.connected) return onDisconnect('not connected when its paper was due');
          const sentAt = wallMs();
          lag += sentAt - due;
          firstSend = Math.min(firstSend, sentAt);
          const onAck = (ack: Ack) => {
            if (answered) return;
            answered = true;
            const at = wallMs();
            latencies[i] = at - sentAt;
            lastAck = Math.max(lastAck, at);
            if (!ack?.ok) refused.push(`${slot.id}: ${ack?.error?.code ?? 'no answer'}`);
            settle();
          };
          if (kind === 'ours') socket.emit('command', { meetingId, command: { type: 'ballot.vote', ballotId, paper: slot.paper } }, onAck);
          else socket.emit('vote', { ballotId, paper: slot.paper }, onAck);
        },
        Math.max(0, due - wallMs()),
      );
    });
  });
}

serveRequests({
  connect: (a) => connectAll(a.url as string, a.voters as Voter[], a.snapshot === true),
  burst: (a) => burst(a.kind as 'ours' | 'bare', a.meetingId as string, a.ballotId as string, a.startAt as number, a.schedule as Slot[]),
  close: () => {
    for (const s of sockets.values()) s.disconnect();
    sockets.clear();
    return null;
  },
});
