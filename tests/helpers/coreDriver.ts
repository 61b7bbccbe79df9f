import { expect } from 'vitest';
import type { z } from 'zod';
import type { ErrorCode } from '../../shared/errors.js';
import { Command } from '../../shared/meeting/commands.js';
import { decide, type Decision } from '../../shared/meeting/decide.js';
import type { MeetingEvent } from '../../shared/meeting/events.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import type { Actor } from '../../shared/meeting/permissions.js';
import { findItem, initialState, type AgendaItem, type MeetingState } from '../../shared/meeting/state.js';
import type { SelfAssessment } from '../../shared/review/types.js';
import type { BlobFacts } from '../../shared/documents/types.js';
import { entryFor } from '../../shared/meeting/registry.js';
import { testDefinition } from './definitions.js';

export type CommandInput = z.input<typeof Command>;

/** 08:00 on the first day in Asia/Ho_Chi_Minh (UTC+7): the meeting's clock starts here in unit tests. */
export const T0 = Date.UTC(2024, 11, 26, 1, 0, 0);

/**
 * Freezes a state deeply, so that any mutation by `decide` or `evolve` throws instead of passing
 * unnoticed: the core must build new values, never change the ones it was given.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Drives the pure core as the server does — parse, `decide`, `evolveAll` — with an explicit clock
 * and deterministic ids (`id-1`, `id-2`, …), so every test reads as the meeting it describes.
 */
export class CoreDriver {
  state: MeetingState;
  now = T0;
  private ids = 0;
  /** Who the server would say is connected now (presence), for commands that need it. */
  online: string[] = [];
  /** The stored self-assessments the server would read for a step that may disclose them (the store's, not the state's). */
  selfAssessments: Record<string, SelfAssessment> = {};
  /** The files the server's file store would hold, by SHA-256, for commands that name one (`document.add`). */
  blobs: Record<string, BlobFacts> = {};
  /** Every event accepted so far, in order: replaying them on the initial state gives `state`. */
  readonly log: MeetingEvent[] = [];
  readonly initial: MeetingState;

  constructor(state: MeetingState = initialState('m-test', testDefinition())) {
    this.initial = deepFreeze(state);
    this.state = this.initial;
  }

  actor(participantId: string): Actor {
    const p = this.state.participants.find((x) => x.id === participantId);
    if (!p) throw new Error(`no participant ${participantId} in the test meeting`);
    return { participantId: p.id, role: p.role };
  }

  /** Moves the clock on by `seconds`. */
  advance(seconds: number): this {
    this.now += seconds * 1000;
    return this;
  }

  /** What `decide` says, without applying anything. */
  decide(by: string, input: CommandInput): Decision {
    const command = Command.parse(input);
    const sha256 = entryFor(command.type).needs?.blob?.(command);
    return decide(this.state, command, this.actor(by), {
      now: this.now,
      newId: () => `id-${++this.ids}`,
      online: this.online,
      selfAssessments: this.selfAssessments,
      ...(sha256 === undefined ? {} : { blob: this.blobs[sha256] ?? null }),
    });
  }

  /** Runs a command that must be accepted, applies its events, and returns them. */
  ok(by: string, input: CommandInput): MeetingEvent[] {
    const decision = this.decide(by, input);
    if (!decision.ok) throw new Error(`${by} ${input.type} was refused: ${decision.error.code}: ${decision.error.message}`);
    this.state = deepFreeze(evolveAll(this.state, decision.events));
    this.log.push(...decision.events);
    return decision.events;
  }

  /**
   * Runs a command that must be refused with `code`; returns the message. A refusal carries no
   * events, and the frozen state guarantees that deciding it changed nothing in place.
   */
  refuse(by: string, input: CommandInput, code: ErrorCode): string {
    const decision = this.decide(by, input);
    expect(decision, `${by} ${input.type}`).toMatchObject({ ok: false, error: { code } });
    expect(decision).not.toHaveProperty('events');
    return decision.ok ? '' : decision.error.message;
  }

  item(id: string): AgendaItem {
    const item = findItem(this.state, id);
    if (!item) throw new Error(`no agenda item ${id}`);
    return item;
  }

  /** The open item's waiting requests as `participantId:kind`, in queue order. */
  waiting(itemId = this.state.activeItemId ?? ''): string[] {
    return this.item(itemId).queue.requests.map((r) => `${r.participantId}:${r.kind}`);
  }
}

/** A meeting that has started, with `itemId` open (by default the first item, "Khai mạc"). */
export function runningMeeting(itemId = 'open', state?: MeetingState): CoreDriver {
  const m = new CoreDriver(state);
  m.ok('chair', { type: 'agenda.open', itemId });
  return m;
}
