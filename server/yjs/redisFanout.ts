import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { RedisStore } from '../store/redis.js';
import { StoreUnavailableError } from '../store/store.js';
import type { DocChannel, DocFanout } from './fanout.js';
import { ID_LENGTH, parse, RedisDocChannel, type ChannelHost } from './redisChannel.js';

/** How often the stored logs are compared with what arrived, and remote instances checked. */
const CHECK_MS = 2000;
/** An instance renews its key this often; a key not renewed for INSTANCE_TTL_MS means it is gone. */
const HEARTBEAT_MS = 5000;
const INSTANCE_TTL_MS = 15_000;

interface Subscription {
  channels: Set<RedisDocChannel>;
  subscribed: Promise<unknown>;
}

/**
 * Live documents across instances, through Redis pub/sub on a connection of its own. Each update
 * is stored and published by one script, so an instance hears of an update only once it is stored
 * and never misses one that was stored while it was subscribed. Pub/sub forgets what it could not
 * deliver (a dropped subscriber connection), so every document also heals: on resubscribing, when
 * the log's seq shows a gap that does not close, it reloads the stored log and applies it.
 */
export class RedisFanout implements DocFanout, ChannelHost {
  readonly instanceId = randomBytes(ID_LENGTH / 2).toString('hex');
  private readonly sub: Redis;
  private readonly subscriptions = new Map<string, Subscription>();
  /** Instances whose clients' presence is shown here: checked for being alive. */
  private readonly remote = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private connectedOnce = false;
  private closed = false;

  constructor(
    private readonly store: RedisStore,
    url: string,
    readonly log: Logger,
    opts: { checkMs?: number } = {},
  ) {
    this.sub = new Redis(url, {
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      // Named, so an operator (or a test) can tell it apart in CLIENT LIST.
      connectionName: `phong-hop-yjs-${this.instanceId}`,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.sub.on('error', () => undefined);
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.deliver(channel.toString(), message));
    this.sub.on('ready', () => {
      if (this.connectedOnce) void this.resubscribe();
      this.connectedOnce = true;
    });
    const every = (ms: number, work: () => Promise<void>) => {
      const timer = setInterval(() => void work().catch(() => undefined), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(HEARTBEAT_MS, () => this.heartbeat());
    every(opts.checkMs ?? CHECK_MS, () => this.check());
  }

  /** Resolves once the subscriber connection is up, for start-up. */
  async ready(timeoutMs = 5000): Promise<void> {
    if (this.sub.status !== 'ready') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new StoreUnavailableError(new Error(`Redis subscriber not ready after ${timeoutMs} ms`))), timeoutMs);
        this.sub.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await this.heartbeat();
  }

  async open(meetingId: string, docName: string): Promise<DocChannel> {
    if (this.closed || this.sub.status !== 'ready') throw new StoreUnavailableError(new Error('Redis subscriber not connected'));
    const name = this.store.docChannel(meetingId, docName);
    const channel = new RedisDocChannel(this, this.store, meetingId, docName, name);
    let subscription = this.subscriptions.get(name);
    if (!subscription) {
      subscription = { channels: new Set(), subscribed: this.sub.subscribe(name) };
      this.subscriptions.set(name, subscription);
    }
    subscription.channels.add(channel);
    try {
      await subscription.subscribed;
    } catch (e) {
      this.remove(channel);
      throw new StoreUnavailableError(e);
    }
    return channel;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    // Others would find out within INSTANCE_TTL_MS; saying so makes it immediate.
    await this.store.redis.del(this.store.instanceKey(this.instanceId)).catch(() => undefined);
    this.sub.disconnect();
  }

  publish(channel: string, kind: 'a' | 'q', payload: Uint8Array = new Uint8Array()): void {
    if (this.closed) return;
    // Presence is soft state: a lost message is repaired by the client's next renewal.
    this.store.redis.publish(channel, Buffer.concat([Buffer.from(kind + this.instanceId, 'latin1'), payload])).catch(() => undefined);
  }

  remove(channel: RedisDocChannel): void {
    const subscription = this.subscriptions.get(channel.name);
    if (!subscription?.channels.delete(channel) || subscription.channels.size > 0) return;
    this.subscriptions.delete(channel.name);
    // Commands on one connection run in order: a later SUBSCRIBE to the same name wins.
    if (this.sub.status === 'ready') this.sub.unsubscribe(channel.name).catch(() => undefined);
  }

  private deliver(name: string, raw: Buffer): void {
    const subscription = this.subscriptions.get(name);
    const message = subscription && parse(raw);
    if (!message || message.from === this.instanceId) return;
    if (message.kind === 'a') this.remote.add(message.from);
    for (const channel of subscription.channels) channel.receive(message);
  }

  /** After a reconnect: subscribe again, then fetch from the store whatever went by meanwhile. */
  private async resubscribe(): Promise<void> {
    const names = [...this.subscriptions.keys()];
    try {
      if (names.length > 0) await this.sub.subscribe(...names);
    } catch {
      return; // the next 'ready' tries again
    }
    this.log.info('document channels resubscribed', { count: names.length });
    for (const { channels } of this.subscriptions.values()) {
      for (const channel of channels) {
        channel.heal();
        this.publish(channel.name, 'q');
      }
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.closed) return;
    await this.store.redis.set(this.store.instanceKey(this.instanceId), '1', 'PX', INSTANCE_TTL_MS);
  }

  private async check(): Promise<void> {
    const channels = [...this.subscriptions.values()].flatMap((s) => [...s.channels]).filter((c) => c.listening);
    if (channels.length > 0) {
      const seqs = await this.store.docSeqs(channels);
      channels.forEach((channel, i) => channel.check(seqs[i]));
    }
    if (this.remote.size === 0) return;
    const ids = [...this.remote];
    const pipeline = this.store.redis.pipeline();
    for (const id of ids) pipeline.exists(this.store.instanceKey(id));
    const replies = (await pipeline.exec()) ?? [];
    ids.forEach((id, i) => {
      const [err, exists] = replies[i] ?? [new Error('no reply')];
      if (err || exists !== 0) return;
      this.remote.delete(id);
      this.log.info('instance gone; forgetting its clients', { instance: id });
      for (const { channels: all } of this.subscriptions.values()) for (const channel of all) channel.forget(id);
    });
  }
}
