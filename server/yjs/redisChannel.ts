import type { Logger } from '../log.js';
import type { RedisStore } from '../store/redis.js';
import type { DocChannel, DocListener } from './fanout.js';

/** Length of an instance id (hex) at the start of every message. */
export const ID_LENGTH = 16;

/** What a channel needs from the fanout that owns it. */
export interface ChannelHost {
  readonly instanceId: string;
  readonly log: Logger;
  publish(channel: string, kind: 'a' | 'q', payload?: Uint8Array): void;
  remove(channel: RedisDocChannel): void;
}

/**
 * A message on a document's channel: one kind byte, the sending instance's id, then
 *   u  ":<seq>:<update>"  an update, stored at <seq> (published by the append script itself)
 *   a  "<awareness update>"
 *   q  (nothing)          "who is present?", from an instance that just opened the document
 */
export type Message = { kind: 'u'; from: string; seq: number; update: Uint8Array } | { kind: 'a'; from: string; update: Uint8Array } | { kind: 'q'; from: string };

export function parse(raw: Buffer): Message | null {
  const kind = String.fromCharCode(raw[0]);
  const from = raw.subarray(1, 1 + ID_LENGTH).toString('latin1');
  const body = raw.subarray(1 + ID_LENGTH);
  if (kind === 'q') return { kind, from };
  if (kind === 'a') return { kind, from, update: new Uint8Array(body) };
  if (kind !== 'u' || body[0] !== 0x3a) return null;
  const colon = body.indexOf(0x3a, 1);
  const seq = Number(body.subarray(1, colon).toString('latin1'));
  if (colon < 0 || !Number.isInteger(seq)) return null;
  return { kind, from, seq, update: new Uint8Array(body.subarray(colon + 1)) };
}

/** One live document's channel. Tracks which log positions it has seen, to notice what it missed. */
export class RedisDocChannel implements DocChannel {
  private listener: DocListener | null = null;
  private early: Message[] = [];
  /** Every update up to here is in the document; `ahead` holds positions seen beyond a gap. */
  private contiguous = 0;
  private readonly ahead = new Set<number>();
  /** The store's last position at the previous check: it must have arrived by this one. */
  private wanted: number | null = null;
  private healing: Promise<void> | null = null;

  constructor(
    private readonly fanout: ChannelHost,
    private readonly store: RedisStore,
    readonly meetingId: string,
    readonly docName: string,
    readonly name: string,
  ) {}

  get listening(): boolean {
    return this.listener !== null;
  }

  async append(update: Uint8Array): Promise<void> {
    this.seen(await this.store.appendAnnouncedDocUpdate(this.meetingId, this.docName, update, this.fanout.instanceId));
  }

  publishAwareness(update: Uint8Array): void {
    this.fanout.publish(this.name, 'a', update);
  }

  listen(listener: DocListener, through: number): void {
    this.listener = listener;
    this.advance(through);
    for (const message of this.early.splice(0)) this.receive(message);
    // Whoever is already editing elsewhere shows up here without waiting for their next renewal.
    this.fanout.publish(this.name, 'q');
  }

  receive(message: Message): void {
    const listener = this.listener;
    if (!listener) return void this.early.push(message);
    switch (message.kind) {
      case 'u':
        listener.update(message.update);
        return this.seen(message.seq);
      case 'a':
        return listener.awareness(message.update, message.from);
      case 'q':
        return listener.query();
    }
  }

  check(stored: number): void {
    if (this.wanted !== null && this.contiguous < this.wanted) this.heal();
    this.wanted = stored;
  }

  heal(): void {
    const listener = this.listener;
    if (!listener || this.healing) return;
    this.healing = listener
      .heal()
      .then(
        (through) => this.advance(through),
        (e: unknown) => this.fanout.log.warn('reloading a document from the store failed', { doc: this.docName, err: String(e) }),
      )
      .finally(() => {
        this.healing = null;
      });
  }

  forget(instanceId: string): void {
    this.listener?.forget(instanceId);
  }

  async close(): Promise<void> {
    this.listener = null;
    this.early = [];
    this.fanout.remove(this);
  }

  private seen(seq: number): void {
    if (seq <= this.contiguous) return;
    this.ahead.add(seq);
    this.advance(this.contiguous);
  }

  private advance(through: number): void {
    this.contiguous = Math.max(this.contiguous, through);
    for (const seq of this.ahead) if (seq <= this.contiguous) this.ahead.delete(seq);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous++;
  }
}
