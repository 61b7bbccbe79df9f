import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { SharedDoc, type SharedDocDeps } from './sharedDoc.js';

const keyOf = (meetingId: string, docName: string) => `${meetingId}\n${docName}`;

/**
 * The documents this instance has in memory: loaded on the first connection, unloaded (flushed
 * and compacted) when the last one leaves. A document being unloaded is finished before it is
 * loaded again, so a quick reconnect never reads a log that is still being written.
 */
export class LiveDocs {
  private readonly loading = new Map<string, Promise<SharedDoc>>();
  private readonly loaded = new Map<string, SharedDoc>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly deps: Omit<SharedDocDeps, 'retire'>) {}

  /** The live document with a place held for one connection; null when it is full. */
  async hold(meetingId: string, docName: string): Promise<SharedDoc | null> {
    const key = keyOf(meetingId, docName);
    for (;;) {
      const flushing = this.unloading.get(key);
      if (flushing) {
        await flushing;
        continue;
      }
      const live = this.loaded.get(key);
      if (live && !live.closed) return live.hold() ? live : null;
      let entry = this.loading.get(key);
      if (!entry) {
        // Moved from `loading` to `loaded` before anyone awaiting it runs; a failed load (store
        // down) is forgotten, not cached.
        entry = SharedDoc.load(meetingId, docName, { ...this.deps, retire: (doc) => this.retire(key, doc) }).then(
          (doc) => {
            this.loading.delete(key);
            this.loaded.set(key, doc);
            return doc;
          },
          (e: unknown) => {
            this.loading.delete(key);
            throw e;
          },
        );
        this.loading.set(key, entry);
      }
      const doc = await entry;
      if (doc.closed) continue;
      return doc.hold() ? doc : null;
    }
  }

  /** The document if this instance has it loaded now. */
  live(meetingId: string, docName: string): SharedDoc | undefined {
    const doc = this.loaded.get(keyOf(meetingId, docName));
    return doc && !doc.closed ? doc : undefined;
  }

  /** Every loaded document of a meeting. */
  ofMeeting(meetingId: string): SharedDoc[] {
    return [...this.loaded.values()].filter((d) => d.meetingId === meetingId);
  }

  /** Closes every connection and unloads every document, each flushed and compacted. */
  async closeAll(): Promise<void> {
    await Promise.allSettled(this.loading.values());
    for (const [key, doc] of [...this.loaded]) {
      doc.disconnect(null, DOC_CLOSE.goingAway, 'server shutting down; reconnect');
      this.retire(key, doc);
    }
    await Promise.all(this.unloading.values());
  }

  private retire(key: string, doc: SharedDoc): void {
    if (doc.closed) return;
    if (this.loaded.get(key) === doc) this.loaded.delete(key);
    const done: Promise<void> = doc.shutdown().finally(() => {
      if (this.unloading.get(key) === done) this.unloading.delete(key);
    });
    this.unloading.set(key, done);
  }
}
