import type { Store } from '../store/store.js';

/**
 * What a live document hears from the other instances holding it. With one instance (SQLite)
 * nothing ever calls it.
 */
export interface DocListener {
  /** An update another instance stored: apply it and relay it to this instance's connections only. */
  update(update: Uint8Array): void;
  /** Presence of another instance's clients. */
  awareness(update: Uint8Array, instanceId: string): void;
  /** Another instance opened the document and asks who is present here. */
  query(): void;
  /** Another instance is gone without saying goodbye: its clients' presence goes with it. */
  forget(instanceId: string): void;
  /**
   * Announcements may have been missed (a Redis blip, a gap in the log's seq): reload the stored
   * log and apply it (Yjs updates are idempotent). Resolves to the log position it was read at.
   */
  heal(): Promise<number>;
}

/** One live document's line to the store and to the other instances. */
export interface DocChannel {
  /** Stores an update; once this resolves it survives kill -9 and every instance holding the document gets it. */
  append(update: Uint8Array): Promise<void>;
  /** Tells the other instances about a change of this instance's clients' presence. */
  publishAwareness(update: Uint8Array): void;
  /**
   * Starts delivery to the document, beginning with whatever arrived since `open`.
   * `through`: the log position the document was loaded at.
   */
  listen(listener: DocListener, through: number): void;
  close(): Promise<void>;
}

/** How live documents reach each other across instances. */
export interface DocFanout {
  /** Opened before the document's log is read, so nothing announced in between is missed. */
  open(meetingId: string, docName: string): Promise<DocChannel>;
  close(): Promise<void>;
}

/** One instance alone: updates are stored, and there is nobody to tell. */
export function localFanout(store: Store): DocFanout {
  return {
    open: async (meetingId, docName) => ({
      append: (update) => store.appendDocUpdate(meetingId, docName, update),
      publishAwareness: () => undefined,
      listen: () => undefined,
      close: async () => undefined,
    }),
    close: async () => undefined,
  };
}
