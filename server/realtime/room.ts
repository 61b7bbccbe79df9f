import type { Command } from '../../shared/meeting/commands.js';
import { decide } from '../../shared/meeting/decide.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import type { Actor } from '../../shared/meeting/permissions.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { error } from '../../shared/errors.js';
import type { Ack, CommandResult, EventBatch } from '../../shared/protocol.js';
import { newId } from '../ids.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';

/** Work a command needs done outside the meeting state, before its events are committed. */
export type BeforeCommit = (meetingId: string, command: Command, actor: Actor, state: MeetingState) => Promise<Partial<CommandResult>>;

const MAX_ATTEMPTS = 5;

/**
 * One meeting on this server: the cached state, and the single line commands wait in.
 * Commands of one meeting run one at a time here; across instances the store's version check
 * decides, and the loser reloads and decides again.
 */
export class MeetingRoom {
  private line: Promise<unknown> = Promise.resolve();

  constructor(
    readonly id: string,
    private state: MeetingState,
    private version: number,
    private readonly deps: {
      store: Store;
      log: Logger;
      publish: (batch: EventBatch) => void;
      beforeCommit: BeforeCommit;
      clock?: () => number;
    },
  ) {}

  current(): { state: MeetingState; version: number } {
    return { state: this.state, version: this.version };
  }

  execute(actor: Actor, command: Command): Promise<Ack<CommandResult>> {
    const run = this.line.then(() => this.attempt(actor, command, 1));
    this.line = run.catch(() => undefined);
    return run;
  }

  private async attempt(actor: Actor, command: Command, n: number): Promise<Ack<CommandResult>> {
    const now = (this.deps.clock ?? Date.now)();
    const decision = decide(this.state, command, actor, { now, newId: () => newId() });
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true, version: this.version };

    const extra = await this.deps.beforeCommit(this.id, command, actor, this.state);
    const next = evolveAll(this.state, decision.events);
    const outcome = await this.deps.store.commit({
      meetingId: this.id, expectedVersion: this.version, state: next, events: decision.events, at: now, actor: actor.participantId,
    });
    if (outcome === 'conflict') {
      if (n >= MAX_ATTEMPTS) return { ok: false, error: error('conflict', 'the meeting changed too often; try again') };
      await this.reload();
      return this.attempt(actor, command, n + 1);
    }
    this.state = next;
    this.version += 1;
    this.deps.log.info('command', { meetingId: this.id, type: command.type, actor: actor.participantId, version: this.version });
    this.deps.publish({ version: this.version, events: decision.events });
    return { ok: true, version: this.version, ...extra };
  }

  /** Picks up what another instance committed. */
  async reload(): Promise<void> {
    const stored = await this.deps.store.loadMeeting(this.id);
    if (stored) {
      this.state = stored.state;
      this.version = stored.version;
    }
  }
}
