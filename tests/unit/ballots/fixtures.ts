import type { z } from 'zod';
import { findBallot } from '../../../shared/ballots/decide.js';
import type { Ballot } from '../../../shared/ballots/types.js';
import type { MeetingDefinition } from '../../../shared/definition.js';
import type { Command } from '../../../shared/meeting/commands.js';
import { Command as CommandSchema } from '../../../shared/meeting/commands.js';
import { decide, type Decision } from '../../../shared/meeting/decide.js';
import { evolveAll } from '../../../shared/meeting/evolve.js';
import { entryFor } from '../../../shared/meeting/registry.js';
import { findParticipant, initialState, type MeetingState } from '../../../shared/meeting/state.js';
import type { Counts } from '../../../shared/ballots/types.js';
import { marks } from '../../helpers/attendance.js';
import { testDefinition } from '../../helpers/definitions.js';

/** A fresh meeting from `def` with `present` checked in. */
export function meeting(def: MeetingDefinition = testDefinition(), present: string[] = ['chair', 'm1', 'm2', 'm3', 'm4']): MeetingState {
  const state = initialState('mtg', def);
  return { ...state, attendance: marks(Object.fromEntries(present.map((id) => [id, 'present' as const]))) };
}

/**
 * The pure core as the server drives it: parse the command with its schema, decide as `by`, apply
 * the events. Keeps the sealed counts beside the state, as the store does, so a test can publish.
 */
export class Session {
  counts: Record<string, Counts> = {};
  now = 1_735_200_000_000;
  last: Decision | null = null;

  constructor(public state: MeetingState) {}

  run(by: string, input: z.input<typeof CommandSchema>): Decision {
    const command: Command = CommandSchema.parse(input);
    const who = findParticipant(this.state, by);
    if (!who) throw new Error(`no participant ${by}`);
    const ballotId = entryFor(command.type).needs?.counts?.(command);
    const counts = ballotId === undefined ? undefined : (this.counts[ballotId] ?? {});
    let n = 0;
    const decision = decide(this.state, command, { participantId: who.id, role: who.role }, { now: this.now, newId: () => `id-${++n}`, counts });
    this.last = decision;
    if (decision.ok) {
      this.state = evolveAll(this.state, decision.events);
      if (decision.vote) {
        const tally = (this.counts[decision.vote.ballotId] ??= {});
        for (const key of decision.vote.increments) tally[key] = (tally[key] ?? 0) + 1;
      }
    }
    return decision;
  }

  ballot(id: string): Ballot {
    const ballot = findBallot(this.state, id);
    if (!ballot) throw new Error(`no ballot ${id}`);
    return ballot;
  }
}

/** The error code of a refused decision, or 'ok'. */
export const outcome = (d: Decision) => (d.ok ? 'ok' : d.error.code);
