/**
 * What folding the WAL after every vote costs: commits 15-member ballots' papers on a SQLite store
 * in a temporary directory and reports how long a vote's commit takes and how much of it is the
 * checkpoint that truncates the WAL (docs/BALLOTS.md quotes the figures).
 *   node --import tsx scripts/bench-vote-wal.ts [ballots]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide } from '../shared/meeting/decide.js';
import { evolveAll } from '../shared/meeting/evolve.js';
import { initialState, type MeetingState } from '../shared/meeting/state.js';
import type { Command } from '../shared/meeting/commands.js';
import { SqliteStore } from '../server/store/sqlite.js';
import { committeeDefinition, committeeIds } from '../tests/helpers/definitions.js';

const BALLOTS = Number(process.argv[2] ?? 10);
const MEMBERS = committeeIds(15);
const SUBJECTS = [...MEMBERS, 'collective'];
const LEVELS = ['excellent', 'good', 'completed', 'not-completed'];

const dir = mkdtempSync(join(tmpdir(), 'phong-hop-bench-'));
const store = new SqliteStore(join(dir, 'bench.sqlite'));
let checkpointMs = 0;
const pragma = store.db.pragma.bind(store.db);
store.db.pragma = (source: string, options?: object) => {
  if (!source.startsWith('wal_checkpoint')) return pragma(source, options);
  const start = performance.now();
  try {
    return pragma(source, options);
  } finally {
    checkpointMs += performance.now() - start;
  }
};

const def = committeeDefinition(15);
let state: MeetingState = initialState('bench', def);
let version = 0;
await store.createMeeting({ id: 'bench', createdAt: 0, definition: def, state, tokens: [] });

async function run(by: string, command: Command): Promise<{ ms: number; checkpoint: number }> {
  const who = state.participants.find((p) => p.id === by)!;
  const counts = command.type === 'ballot.publish' ? await store.readCounts('bench', command.ballotId) : undefined;
  const decision = decide(state, command, { participantId: who.id, role: who.role }, { now: Date.now(), newId: () => 'x', counts });
  if (!decision.ok) throw new Error(decision.error.message);
  const next = evolveAll(state, decision.events);
  const before = checkpointMs;
  const start = performance.now();
  const outcome = await store.commit({
    meetingId: 'bench',
    expectedVersion: version,
    state: next,
    events: decision.events,
    at: Date.now(),
    actor: null,
    votes: decision.vote && [decision.vote],
    tallies: decision.tallies,
  });
  const ms = performance.now() - start;
  if (outcome !== 'ok') throw new Error(outcome);
  state = next;
  version += 1;
  return { ms, checkpoint: checkpointMs - before };
}

for (const id of MEMBERS) await run(MEMBERS[0], { type: 'attendance.mark', participantId: id, status: 'present' });
const votes: { ms: number; checkpoint: number }[] = [];
const others: number[] = [];
for (let b = 0; b < BALLOTS; b++) {
  const ballotId = `b${b}`;
  others.push(
    (
      await run(MEMBERS[0], {
        type: 'ballot.create',
        ballot: {
          id: ballotId,
          kind: 'rating',
          title: `Phiếu ${b}`,
          subjects: SUBJECTS,
          allowAbstain: false,
          selfRating: false,
          eligibility: 'present-members',
          closeWhenAllVoted: false,
          quorum: [2, 3],
          majority: { base: 'cast', fraction: [1, 2], threshold: 'more-than' },
        },
      })
    ).ms,
  );
  others.push((await run(MEMBERS[0], { type: 'ballot.open', ballotId })).ms);
  for (const voter of MEMBERS) {
    const paper = Object.fromEntries(SUBJECTS.filter((s) => s !== voter).map((s, i) => [s, LEVELS[(i + b) % LEVELS.length]]));
    votes.push(await run(voter, { type: 'ballot.vote', ballotId, paper }));
  }
  others.push((await run(MEMBERS[0], { type: 'ballot.close', ballotId })).ms);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms (n=${s.length})`;
};
console.log(`state ${(JSON.stringify(state).length / 1024).toFixed(1)} KB`);
console.log(`vote commit, WAL folded and truncated: ${stats(votes.map((v) => v.ms))}`);
console.log(`  of which the checkpoint:             ${stats(votes.map((v) => v.checkpoint))}`);
console.log(`other commits (no checkpoint):        ${stats(others)}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
