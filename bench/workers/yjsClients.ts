/**
 * Worker process of the notes benchmark: unmodified y-websocket `WebsocketProvider`s (Node, `ws`),
 * each with its own Y.Doc, editing TipTap's XmlFragment `default` as the notes editor does
 * (paragraphs holding a Y.XmlText). Used against ours and against the reference server alike: only
 * the provider's server URL, room and params differ.
 *
 * Requests (bench/lib/workers.ts protocol):
 * - open { serverUrl, room, clients: [{ token, editor }], seed }: connects and waits for every first sync;
 * - seed { paragraphs }: the first editor here writes the starting paragraphs (one transaction);
 * - type { startAt, durationMs, charsPerSecond }: every editor types from `startAt` (wall ms) for
 *   `durationMs`, one character per keystroke at a cursor that jumps to a random place every few
 *   characters; resolves after this worker's last keystroke with every editor's final clock;
 * - converge { target, timeoutMs }: waits until every replica here has the `target` state vector,
 *   and answers, per replica, when its last change arrived and a digest of its content;
 * - deliveries { stamps }: how long each keystroke took to reach each other replica here;
 * - probe { serverUrl, room, token, target, timeoutMs }: a fresh provider loads the document;
 * - close: destroys every provider.
 */
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { seeded } from '../../tests/helpers/random.js';
import { wallMs } from '../lib/stats.js';
import { serveRequests } from '../lib/workers.js';

/** TipTap's field (server/export/prosemirror.ts TIPTAP_FIELD): what the notes editor edits. */
const FIELD = 'default';
/** Typed characters: Vietnamese letters (one UTF-16 unit each) and spaces. */
const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạếềệọớờụứừ      ';
/** A cursor stays put for a word or so, then the typist clicks somewhere else. */
const JUMP_EVERY = 6;

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  editor: boolean;
  /** Wall ms of the last change that reached this replica (or was made in it). */
  lastChangeAt: number;
  /** Close codes seen: any close during a run is a reconnect, which the scenario must not hide. */
  closes: number[];
  cursor: { paragraph: number; pos: number } | null;
  /** Remote changes as they arrived, and when (wall ms); decoded only after the run. */
  arrived: Uint8Array[];
  arrivedAt: number[];
}

/** An editor's keystrokes: the clock of its first one and when each was typed (one clock each). */
export type Stamps = [clientID: number, firstClock: number, typedAt: number[]];

export interface ReplicaReport {
  editor: boolean;
  lastChangeAt: number;
  digest: string;
  chars: number;
  closes: number[];
}

// y-websocket adds a process 'exit' listener per provider in Node.
process.setMaxListeners(0);

let clients: Client[] = [];
let rng = seeded(1);

function connect(serverUrl: string, room: string, token: string, editor: boolean): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const client: Client = { doc, provider, editor, lastChangeAt: 0, closes: [], cursor: null, arrived: [], arrivedAt: [] };
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const at = wallMs();
    client.lastChangeAt = at;
    if (origin !== provider) return;
    client.arrived.push(update);
    client.arrivedAt.push(at);
  });
  provider.on('connection-close', (event) => {
    if (event) client.closes.push(event.code);
  });
  return client;
}

function forget(c: Client): void {
  c.arrived = [];
  c.arrivedAt = [];
}

function fragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(FIELD);
}

/** The Y.XmlText of each paragraph, in order. */
function texts(doc: Y.Doc): Y.XmlText[] {
  return fragment(doc)
    .toArray()
    .flatMap((p) => (p instanceof Y.XmlElement ? p.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText) : []));
}

function digest(doc: Y.Doc): { digest: string; chars: number } {
  const chars = texts(doc).reduce((n, t) => n + t.length, 0);
  return { digest: createHash('sha256').update(fragment(doc).toString()).digest('hex').slice(0, 16), chars };
}

function hasState(doc: Y.Doc, target: [number, number][]): boolean {
  return target.every(([client, clock]) => Y.getState(doc.store, client) >= clock);
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Each keystroke inserts one character: one clock of its author's. */
function keystroke(client: Client): void {
  const paragraphs = texts(client.doc);
  if (paragraphs.length === 0) throw new Error('no paragraph to type into (seed first)');
  let at = client.cursor;
  if (!at || at.paragraph >= paragraphs.length || rng() < 1 / JUMP_EVERY) {
    const paragraph = Math.floor(rng() * paragraphs.length);
    at = { paragraph, pos: Math.floor(rng() * (paragraphs[paragraph].length + 1)) };
  }
  const text = paragraphs[at.paragraph];
  // Others' characters may have landed before the cursor: it stays where it was, clamped.
  const pos = Math.min(at.pos, text.length);
  text.insert(pos, ALPHABET[Math.floor(rng() * ALPHABET.length)]);
  client.cursor = { paragraph: at.paragraph, pos: pos + 1 };
}

const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
  open: async (args) => {
    const { serverUrl, room, seed } = args as { serverUrl: string; room: string; seed: number };
    const wanted = args.clients as { token: string; editor: boolean }[];
    rng = seeded(seed);
    for (const c of wanted) clients.push(connect(serverUrl, room, c.token, c.editor));
    await until(() => clients.every((c) => c.provider.synced), 30_000, `${clients.length} providers to sync`);
    return { clientIDs: clients.map((c) => c.doc.clientID) };
  },

  seed: (args) => {
    const { paragraphs } = args as { paragraphs: number };
    const author = clients.find((c) => c.editor);
    if (!author) throw new Error('no editor in this worker');
    author.doc.transact(() => {
      for (let i = 0; i < paragraphs; i++) {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        text.insert(0, `Ý kiến ${i + 1}: `);
        paragraph.insert(0, [text]);
        fragment(author.doc).insert(fragment(author.doc).length, [paragraph]);
      }
    });
    return { target: [[author.doc.clientID, Y.getState(author.doc.store, author.doc.clientID)]] };
  },

  type: async (args) => {
    const { startAt, durationMs, charsPerSecond } = args as { startAt: number; durationMs: number; charsPerSecond: number };
    const interval = 1000 / charsPerSecond;
    const editors = clients.filter((c) => c.editor);
    // Each typist has its own phase within the interval; the schedule is in time order.
    const phased = editors.map((client) => ({ client, phase: rng() * interval })).sort((a, b) => a.phase - b.phase);
    const schedule: { client: Client; at: number }[] = [];
    for (let i = 0; i * interval < durationMs; i++) {
      for (const { client, phase } of phased) if (i * interval + phase < durationMs) schedule.push({ client, at: startAt + i * interval + phase });
    }
    const stamps = new Map<Client, Stamps>(editors.map((c) => [c, [c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID), []]]));
    for (const c of clients) forget(c);
    let next = 0;
    let maxLateMs = 0;
    let lastKeystrokeAt = 0;
    await new Promise<void>((resolve, reject) => {
      const tick = () => {
        try {
          const now = wallMs();
          while (next < schedule.length && schedule[next].at <= now) {
            const { client, at } = schedule[next++];
            keystroke(client);
            lastKeystrokeAt = wallMs();
            stamps.get(client)![2].push(lastKeystrokeAt);
            maxLateMs = Math.max(maxLateMs, lastKeystrokeAt - at);
          }
          if (next >= schedule.length) return resolve();
          setTimeout(tick, Math.max(0, schedule[next].at - wallMs()));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
      setTimeout(tick, Math.max(0, startAt - wallMs()));
    });
    return {
      clocks: editors.map((c) => [c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID)]),
      stamps: [...stamps.values()],
      keystrokes: schedule.length,
      lastKeystrokeAt,
      maxLateMs,
    };
  },

  converge: async (args) => {
    const { target, timeoutMs } = args as { target: [number, number][]; timeoutMs: number };
    try {
      await until(() => clients.every((c) => hasState(c.doc, target)), timeoutMs, 'every replica to converge');
    } catch (e) {
      const behind = clients.filter((c) => !hasState(c.doc, target)).length;
      throw new Error(`${(e as Error).message}: ${behind} of ${clients.length} replicas behind (closes: ${clients.flatMap((c) => c.closes).join(',') || 'none'})`, { cause: e });
    }
    return clients.map((c): ReplicaReport => ({ editor: c.editor, lastChangeAt: c.lastChangeAt, ...digest(c.doc), closes: c.closes }));
  },

  /**
   * How long each keystroke took to reach each other replica (ms, rounded to 0.1), from every
   * editor's `stamps` (what arrived since typing began).
   */
  deliveries: (args) => {
    const { stamps } = args as { stamps: Stamps[] };
    const byClient = new Map(stamps.map(([id, first, typedAt]) => [id, { first, typedAt }]));
    const out: number[] = [];
    for (const c of clients) {
      c.arrived.forEach((update, i) => {
        const { from, to } = Y.parseUpdateMeta(update);
        for (const [id, end] of to) {
          const typed = byClient.get(id);
          if (!typed) continue;
          for (let clock = Math.max(from.get(id) ?? end, typed.first); clock < end && clock - typed.first < typed.typedAt.length; clock++) {
            out.push(Math.round((c.arrivedAt[i] - typed.typedAt[clock - typed.first]) * 10) / 10);
          }
        }
      });
      forget(c);
    }
    return out;
  },

  probe: async (args) => {
    const { serverUrl, room, token, target, timeoutMs } = args as { serverUrl: string; room: string; token: string; target: [number, number][]; timeoutMs: number };
    const fresh = connect(serverUrl, room, token, false);
    try {
      await until(() => fresh.provider.synced && hasState(fresh.doc, target), timeoutMs, 'a fresh client to load the document');
      return digest(fresh.doc);
    } finally {
      fresh.provider.destroy();
      fresh.doc.destroy();
    }
  },

  close: () => {
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
    clients = [];
    return null;
  },
};

// Errors go back with the request's name and where they were thrown.
serveRequests(
  Object.fromEntries(
    Object.entries(handlers).map(([type, handle]) => [
      type,
      async (args: Record<string, unknown>) => {
        try {
          return await handle(args);
        } catch (e) {
          throw new Error(`${type}: ${e instanceof Error ? e.stack : String(e)}`, { cause: e });
        }
      },
    ]),
  ),
);
