import { decideOverdue } from '../../shared/ballots/decide.js';
import { appendEvents } from '../../shared/batches.js';
import type { Command } from '../../shared/meeting/commands.js';
import { decide } from '../../shared/meeting/decide.js';
import { mergeTallies, type Decision, type TallyWork, type VoteRecord } from '../../shared/meeting/decision.js';
import type { MeetingEvent } from '../../shared/meeting/events.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import { entryFor } from '../../shared/meeting/registry.js';
import type { Actor } from '../../shared/meeting/roles.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { error } from '../../shared/errors.js';
import type { Ack, CommandResult, EventBatch } from '../../shared/protocol.js';
import { supplied } from '../commands/needs.js';
import { newId } from '../ids.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { BlobLookup } from '../files/blobFacts.js';
import { HeldTurnout } from './turnout.js';

/** Work a command's entry needs done outside the meeting state, before its events are committed (server/commands/needs.ts). */
export type BeforeCommit = (meetingId: string, command: Command, actor: Actor, state: MeetingState, events: readonly MeetingEvent[]) => Promise<Partial<CommandResult>>;

const MAX_ATTEMPTS = 5;
/**
 * With several instances a command loses the race to every command another instance has in line
 * (the winner is a store round trip ahead: the loser reloads first). Each lost race means the
 * meeting moved on, so this only bounds a pathological case; five would refuse some of
 * fifteen members voting at the same moment on two instances.
 */
const SHARED_MAX_ATTEMPTS = 50;
/**
 * A deadline timer wakes at least this often and asks the clock again, so a wall clock corrected
 * forward (NTP) or a laptop resumed from sleep closes an overdue ballot within a second.
 */
const DEADLINE_RECHECK_MS = 1000;

/** A ballot paper (a `batched` command) waiting in line with the others that arrived while the line was busy. */
interface WaitingPaper {
  actor: Actor;
  pinVerified: boolean;
  command: Command;
  answer: (ack: Ack<CommandResult>) => void;
  fail: (e: unknown) => void;
}

/** What one version stores: its events, any papers, the state they lead to if already computed, and what the tallies need. */
interface Change {
  events: MeetingEvent[];
  votes?: VoteRecord[];
  state?: MeetingState;
  tallies?: TallyWork;
}

interface RoomDeps {
  store: Store;
  log: Logger;
  /** Sends a batch to the meeting's devices. */
  publish: (batch: EventBatch) => void;
  /** Tells the other instances, each version on its own and at once (their copies decide there). */
  announce?: (batch: EventBatch) => void;
  beforeCommit: BeforeCommit;
  /** Who is connected to the meeting now, on any instance (presence.ts), for commands whose entry needs it. */
  online?: () => Promise<string[]>;
  /** The documents' file store, for commands that name a stored file (`document.add`, `document.replace`). */
  files?: BlobLookup;
  /** Other instances commit to the same store, so the cached copy may be behind. */
  shared?: boolean;
  /** With a shared store: whether this is the only instance running now (the adapter's count). */
  alone?: () => Promise<boolean>;
  /** Tests stretch it to see batches merge without racing a 200 ms timer. */
  turnoutEveryMs?: number;
  clock?: () => number;
}

/**
 * One meeting on this server: the cached state, and the single line commands wait in.
 * Commands of one meeting run one at a time here; across instances the store's version check
 * decides, and the loser reloads and decides again.
 *
 * Ballot papers are the exception to one command per version: a burst of them (a thousand voters
 * within a second) would otherwise cost a store commit, a whole-state write and a broadcast to
 * every device per paper. Papers that arrive while the line is busy wait together and are decided
 * in arrival order, then committed as one version.
 */
export class MeetingRoom {
  private line: Promise<unknown> = Promise.resolve();
  /** The papers waiting for their turn; null once their turn came or another command got in line behind them. */
  private papers: WaitingPaper[] | null = null;
  /** Committed papers' events not yet sent to the devices. */
  private readonly turnout: HeldTurnout;
  private deadlineTimer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(
    readonly id: string,
    private state: MeetingState,
    private version: number,
    private readonly deps: RoomDeps,
  ) {
    this.turnout = new HeldTurnout(deps.publish, deps.turnoutEveryMs);
    this.scheduleDeadline();
  }

  current(): { state: MeetingState; version: number } {
    return { state: this.state, version: this.version };
  }

  /**
   * The state to send a device as its snapshot. The turnout held back goes out first: a batch that
   * began before the snapshot's version and ended after it would not fit the device's copy.
   */
  snapshot(): { state: MeetingState; version: number } {
    this.turnout.send();
    return this.current();
  }

  /** `pinVerified`: the server checked this paper's PIN (server/ballots/pinGuard.ts) before it came here. */
  execute(actor: Actor, command: Command, { pinVerified = false } = {}): Promise<Ack<CommandResult>> {
    if (entryFor(command.type).batched) return this.cast(actor, command, pinVerified);
    return this.enqueue(() => this.attempt(actor, command, 1));
  }

  /**
   * Commits what the server itself decides rather than anyone present (a voter's lock after wrong
   * PINs, the organiser's PIN reset), in line with the meeting's commands.
   */
  system(decideNow: (state: MeetingState, now: number) => Decision): Promise<Ack<CommandResult>> {
    return this.enqueue(async () => {
      for (let n = 1; ; n++) {
        const now = this.now();
        const decision = decideNow(this.state, now);
        if (!decision.ok || decision.events.length === 0) return decision.ok ? { ok: true, version: this.version } : decision;
        const outcome = await this.commit({ events: decision.events, tallies: decision.tallies }, now, null);
        if (outcome === 'ok') {
          this.deps.log.info('command', { meetingId: this.id, type: decision.events[0].type, version: this.version });
          return { ok: true, version: this.version };
        }
        if (n >= this.maxAttempts) return { ok: false, error: error('conflict', 'the meeting changed too often; try again') };
      }
    });
  }

  /** Puts a paper in line: with the papers already waiting, or as the first of a new group. */
  private cast(actor: Actor, command: Command, pinVerified: boolean): Promise<Ack<CommandResult>> {
    return new Promise((answer, fail) => {
      if (!this.papers) {
        const group: WaitingPaper[] = [];
        void this.enqueue(() => this.countPapers(group));
        this.papers = group;
      }
      this.papers.push({ actor, pinVerified, command, answer, fail });
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    // A paper arriving after this must not overtake it (a paper after the chair's "close" is refused).
    this.papers = null;
    const run = this.line.then(work);
    this.line = run.catch(() => undefined);
    return run;
  }

  private get maxAttempts(): number {
    return this.deps.shared ? SHARED_MAX_ATTEMPTS : MAX_ATTEMPTS;
  }

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  private async attempt(actor: Actor, command: Command, n: number): Promise<Ack<CommandResult>> {
    // A deadline that passed closes its ballot before anything else is decided, even if the timer
    // has not fired yet: a paper arriving after the deadline is refused, never counted.
    await this.closeOverdueBallots();
    const now = this.now();
    const decision = decide(this.state, command, actor, { now, newId: () => newId(), ...(await supplied(this.deps, this.id, command, this.state)) });
    const answer = decision.ok ? entryFor(command.type).answer?.(decision.events) : undefined;
    if (!decision.ok || decision.events.length === 0) {
      // A refusal or a no-op changes nothing, so no version check catches a stale copy: with other
      // instances committing (a ballot just opened there), make sure the answer is the current one.
      if (this.deps.shared && n < this.maxAttempts && (await this.deps.store.currentVersion(this.id)) !== this.version) {
        await this.reload();
        return this.attempt(actor, command, n + 1);
      }
      return decision.ok ? { ok: true, version: this.version, ...answer } : decision;
    }

    const extra = { ...answer, ...(await this.deps.beforeCommit(this.id, command, actor, this.state, decision.events)) };
    // Papers never come this way (see `cast`), so the only other outcome is a lost race.
    const outcome = await this.commit({ events: decision.events, tallies: decision.tallies }, now, actor.participantId);
    if (outcome !== 'ok') {
      if (n >= this.maxAttempts) return { ok: false, error: error('conflict', 'the meeting changed too often; try again') };
      return this.attempt(actor, command, n + 1);
    }
    this.deps.log.info('command', { meetingId: this.id, type: command.type, actor: actor.participantId, version: this.version });
    return { ok: true, version: this.version, ...extra };
  }

  /**
   * Decides a group of papers in arrival order, each against the state the earlier ones left, and
   * commits the counted ones as one version. Every paper is answered: counted with that version,
   * or refused with its own reason.
   */
  private async countPapers(group: WaitingPaper[]): Promise<void> {
    // The papers already received by the socket layer join first. The SQLite store commits within
    // the task that asked, so without this turn of the event loop no group would hold two papers.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.papers === group) this.papers = null;
    try {
      for (let n = 1; ; n++) {
        await this.closeOverdueBallots();
        const now = this.now();
        let state = this.state;
        let events: MeetingEvent[] = [];
        let tallies: TallyWork | undefined;
        const votes: VoteRecord[] = [];
        const answers: [WaitingPaper, Ack<CommandResult> | null][] = [];
        for (const paper of group) {
          const decision = decide(state, paper.command, paper.actor, { now, newId: () => newId(), pinVerified: paper.pinVerified });
          if (!decision.ok) {
            answers.push([paper, decision]);
            continue;
          }
          state = evolveAll(state, decision.events);
          events = appendEvents(events, decision.events);
          if (decision.vote) votes.push(decision.vote);
          tallies = mergeTallies(tallies, decision.tallies);
          answers.push([paper, null]);
        }
        const retry = n < this.maxAttempts;
        if (votes.length === 0) {
          // As in `attempt`: with other instances, a refusal may come from a stale copy.
          if (retry && this.deps.shared && (await this.deps.store.currentVersion(this.id)) !== this.version) {
            await this.reload();
            continue;
          }
          for (const [paper, ack] of answers) paper.answer(ack ?? { ok: true, version: this.version });
          return;
        }
        // A vote's event names its voter already; the row's actor stays empty so no column invites more.
        const outcome = await this.commit({ events, votes, state, tallies }, now, null, true);
        if (outcome !== 'ok' && retry) continue;
        const lost =
          outcome === 'already-voted'
            ? error('already-voted', 'a paper of this ballot was already counted for one of the voters; try again')
            : error('conflict', 'the meeting changed too often; try again');
        for (const [paper, ack] of answers) paper.answer(ack ?? (outcome === 'ok' ? { ok: true, version: this.version } : { ok: false, error: lost }));
        // One line per counted paper, as for any command, naming no one.
        if (outcome === 'ok') for (const [paper, ack] of answers) if (!ack) this.deps.log.info('command', { meetingId: this.id, type: paper.command.type, version: this.version });
        return;
      }
    } catch (e) {
      for (const paper of group) paper.fail(e);
    }
  }

  /**
   * Stores accepted events and publishes them; on a lost race, reloads and reports it. Papers'
   * events (`turnout`) go out with the next turnout broadcast, after their acknowledgements.
   */
  private async commit(change: Change, at: number, actor: string | null, turnout = false): Promise<'ok' | 'conflict' | 'already-voted'> {
    // With other instances committing too, versions reach the devices in order only if each is sent
    // before the others hear of it: the turnout is held back only where no other instance runs.
    // (One that starts meanwhile may send a later version first; devices then resync.)
    const hold = turnout && (!this.deps.shared || (await this.deps.alone?.()) === true);
    const next = change.state ?? evolveAll(this.state, change.events);
    const outcome = await this.deps.store.commit({
      meetingId: this.id,
      expectedVersion: this.version,
      state: next,
      events: change.events,
      at,
      actor,
      votes: change.votes,
      tallies: change.tallies,
    });
    if (outcome !== 'ok') {
      await this.reload();
      return outcome;
    }
    this.state = next;
    this.version += 1;
    const batch = { version: this.version, events: change.events };
    if (hold) this.turnout.hold(batch);
    else {
      this.turnout.send();
      this.deps.publish(batch);
    }
    this.deps.announce?.(batch);
    this.scheduleDeadline();
    return 'ok';
  }

  /** Commits the closing of every ballot whose deadline has passed, as the server rather than as anyone present. */
  private async closeOverdueBallots(): Promise<void> {
    for (let n = 0; n < this.maxAttempts; n++) {
      const now = this.now();
      const closing = decideOverdue(this.state, now);
      if (!closing.ok || closing.events.length === 0 || (await this.commit({ events: closing.events, tallies: closing.tallies }, now, null)) === 'ok') return;
    }
  }

  private scheduleDeadline(): void {
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = null;
    if (this.disposed) return;
    const deadlines = this.state.ballots.filter((b) => b.status === 'open' && b.deadline !== null).map((b) => b.deadline as number);
    if (deadlines.length === 0) return;
    const wait = Math.max(0, Math.min(...deadlines) - this.now());
    this.deadlineTimer = setTimeout(
      () => {
        void this.enqueue(async () => {
          await this.closeOverdueBallots();
          // Nothing was due yet (the wake-up was a re-check): look again later.
          if (!this.deadlineTimer) this.scheduleDeadline();
        }).catch((e) => {
          this.deps.log.error('closing overdue ballots failed', { meetingId: this.id, err: String(e) });
          // The store may be back at the next wake-up; until then every command closes them first anyway.
          if (!this.deadlineTimer) this.scheduleDeadline();
        });
        this.deadlineTimer = null;
      },
      Math.min(wait, DEADLINE_RECHECK_MS),
    );
    this.deadlineTimer.unref();
  }

  /** Applies a batch another instance committed, or reloads when batches were missed. */
  applyRemote(batch: EventBatch): Promise<void> {
    return this.enqueue(async () => {
      if (batch.version <= this.version) return;
      if (batch.version !== this.version + 1) return this.reload();
      this.state = evolveAll(this.state, batch.events);
      this.version = batch.version;
      this.scheduleDeadline();
    });
  }

  /** Makes sure the cached copy is the stored one (other instances may have moved on). */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      if ((await this.deps.store.currentVersion(this.id)) !== this.version) await this.reload();
    });
  }

  /** Waits for every command already in line and sends the turnout held back, for a graceful shutdown. */
  drain(): Promise<void> {
    return this.enqueue(async () => this.turnout.send());
  }

  /** Picks up what another instance committed. */
  async reload(): Promise<void> {
    const stored = await this.deps.store.loadMeeting(this.id);
    if (stored) {
      this.state = stored.state;
      this.version = stored.version;
      this.scheduleDeadline();
    }
  }

  dispose(): void {
    this.turnout.send();
    this.disposed = true;
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
  }
}
