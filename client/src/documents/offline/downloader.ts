import { hex, isQuotaError, type HeldFiles } from './heldFiles.js';
import { nextToFetch, unreferenced, type HeldFile, type StopReason, type WantedFile } from './plan.js';
import { CHUNK_BYTES, nextRange, rangeStart } from './range.js';
import { digestSha256 } from './sha256.js';
import { pdfPageCount } from './pdfPages.js';
import { isPdf } from '../../../../shared/documents/types.js';

export interface DownloaderDeps {
  files: HeldFiles;
  fetch: typeof fetch;
  /** A version's bytes (shared/documents/urls.ts, `documentFilePath` with the version). */
  urlOf: (file: WantedFile) => string;
  token: string;
  digest?: (data: ArrayBuffer) => Promise<ArrayBuffer>;
  chunkBytes?: number;
  /** Longest wait between two tries after a network failure. */
  maxBackoffMs?: number;
}

export interface DownloaderView {
  wanted: readonly WantedFile[];
  held: ReadonlyMap<string, HeldFile>;
  stopped: ReadonlyMap<string, StopReason>;
  /** The file being fetched now, or null. */
  fetching: string | null;
  /** Set after a network failure, until the next try succeeds: the list says "waiting for the network". */
  offline: boolean;
}

class Transient extends Error {}
class Stop extends Error {
  constructor(readonly reason: StopReason) {
    super(reason);
  }
}

/**
 * Keeps on this device the files of the documents it may see, one at a time, a chunk (Range request)
 * at a time, so a dropped Wi-Fi resumes where it stopped; a file counts only once its SHA-256 is
 * checked. A refusal (401/403/404/410), a file whose bytes do not match, or a full quota stops that
 * file for this session rather than trying again and again; a network failure waits and resumes.
 */
export class Downloader {
  private view: DownloaderView = { wanted: [], held: new Map(), stopped: new Map(), fetching: null, offline: false };
  private listeners = new Set<() => void>();
  private running = false;
  private closed = false;
  private wakeUp: (() => void) | null = null;
  private loaded: Promise<void> | null = null;
  /** The list changed during a run: run again, if only to drop what is no longer needed. */
  private changed = false;

  constructor(private readonly deps: DownloaderDeps) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): DownloaderView => this.view;

  /** The files to keep now (`wantedFiles` of the state): drops the others, fetches what is missing. */
  setWanted(wanted: readonly WantedFile[]): void {
    this.update({ wanted });
    this.changed = true;
    void this.run();
  }

  /** Tries again now rather than after the backoff (the browser says the network is back). */
  wake(): void {
    this.wakeUp?.();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Resolves once there is nothing left to try (every file held or stopped); for the tests. */
  async idle(): Promise<void> {
    while (this.running) await new Promise<void>((r) => setTimeout(r, 5));
  }

  private update(change: Partial<DownloaderView>): void {
    this.view = { ...this.view, ...change };
    this.listeners.forEach((l) => l());
  }

  private async run(): Promise<void> {
    if (this.running || this.closed) return;
    this.running = true;
    this.changed = false;
    try {
      this.loaded ??= this.deps.files.list().then((held) => this.update({ held }));
      await this.loaded;
      await this.prune();
      let failures = 0;
      for (let next = this.next(); next && !this.closed; next = this.next()) {
        try {
          this.update({ fetching: next.sha256 });
          await this.step(next);
          failures = 0;
          if (this.view.offline) this.update({ offline: false });
        } catch (e) {
          if (e instanceof Stop) this.stop(next.sha256, e.reason);
          else if (isQuotaError(e)) this.quotaFull();
          else {
            failures += 1;
            this.update({ offline: true, fetching: null });
            await this.pause(Math.min(this.deps.maxBackoffMs ?? 30_000, 500 * 2 ** Math.min(failures, 10)));
          }
        }
      }
    } finally {
      this.running = false;
      this.update({ fetching: null });
    }
    // The list may have changed while the last file was fetched.
    if (!this.closed && (this.changed || this.next())) void this.run();
  }

  private next(): WantedFile | null {
    return nextToFetch(this.view.wanted, this.view.held, this.view.stopped);
  }

  private async prune(): Promise<void> {
    for (const sha of unreferenced(this.view.held.keys(), this.view.wanted)) {
      await this.deps.files.drop(sha);
      const held = new Map(this.view.held);
      held.delete(sha);
      this.update({ held });
    }
  }

  private setHeld(sha256: string, file: HeldFile | null): void {
    const held = new Map(this.view.held);
    if (file) held.set(sha256, file);
    else held.delete(sha256);
    this.update({ held });
  }

  private stop(sha256: string, reason: StopReason): void {
    this.update({ stopped: new Map(this.view.stopped).set(sha256, reason) });
  }

  /** Nothing more fits: every file not yet whole is stopped, and what is held stays readable. */
  private quotaFull(): void {
    const stopped = new Map(this.view.stopped);
    for (const w of this.view.wanted) if (!this.view.held.get(w.sha256)?.complete) stopped.set(w.sha256, 'quota');
    this.update({ stopped });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(), ms);
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      this.wakeUp = finish;
    });
  }

  /** One chunk of `file`, or its check once all of it is here. */
  private async step(file: WantedFile): Promise<void> {
    const have = this.view.held.get(file.sha256)?.received ?? 0;
    if (have >= file.bytes) return this.check(file);
    let res: Response;
    try {
      res = await this.deps.fetch(this.deps.urlOf(file), {
        headers: { Authorization: `Bearer ${this.deps.token}`, Range: nextRange(have, file.bytes, this.deps.chunkBytes ?? CHUNK_BYTES) },
        cache: 'no-store',
      });
    } catch (e) {
      throw new Transient(String(e));
    }
    if (res.status === 401 || res.status === 403) throw new Stop('auth');
    if (res.status === 404 || res.status === 410) throw new Stop('gone');
    if (res.status === 416) {
      // The server has fewer bytes than are held: what is held is not this file.
      await this.restart(file);
      return;
    }
    if (res.status !== 200 && res.status !== 206) throw new Transient(`HTTP ${res.status}`);
    const body = await res.arrayBuffer().catch((e: unknown) => {
      throw new Transient(String(e));
    });
    // A 200 is the whole file (a server or proxy that ignores Range): start over from it.
    const start = res.status === 200 ? 0 : rangeStart(res.headers.get('Content-Range'));
    if (start === null) throw new Transient('206 without a Content-Range');
    if (start !== have) {
      if (start !== 0) throw new Transient(`asked from ${have}, got from ${start}`);
      await this.restart(file);
    }
    if (body.byteLength === 0) throw new Transient('empty answer');
    const fits = body.slice(0, Math.max(0, file.bytes - start));
    const received = await this.deps.files.append(file.sha256, start, fits, file.mime);
    this.setHeld(file.sha256, { received, complete: false });
  }

  private async restart(file: WantedFile): Promise<void> {
    await this.deps.files.drop(file.sha256);
    this.setHeld(file.sha256, null);
  }

  private async check(file: WantedFile): Promise<void> {
    const blob = await this.deps.files.read(file.sha256);
    const digest = this.deps.digest ?? digestSha256;
    const bytes = blob ? await blob.arrayBuffer() : new ArrayBuffer(0);
    const sha = blob ? hex(await digest(bytes)) : '';
    if (sha !== file.sha256) {
      await this.restart(file);
      throw new Stop('corrupt');
    }
    const pages = isPdf(file.mime) ? pdfPageCount(new Uint8Array(bytes)) : 1;
    await this.deps.files.markComplete(file.sha256, pages);
    this.setHeld(file.sha256, { received: file.bytes, complete: true, pages });
  }
}
