import { expect } from 'vitest';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import type { TestClient } from './server.js';

/** The version an accepted command's ack reports; fails the test on a refusal. */
export function versionOf(ack: Ack<CommandResult>): number {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code}: ${ack.error.message}`);
  return ack.version;
}

/** The chair marks each of `ids` present, one command at a time. */
export async function markPresent(chair: TestClient, ids: readonly string[]): Promise<number> {
  let version = chair.version;
  for (const id of ids) version = versionOf(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' }));
  return version;
}

/** Expects a refusal with this error code. */
export function expectRefused(ack: Ack<CommandResult>, code: string): void {
  expect(ack).toMatchObject({ ok: false, error: { code } });
}


/** Adds a paper's answers to running counts, keyed as the store keys them. */
export function addPaper(counts: Record<string, number>, paper: Record<string, string>): void {
  for (const [row, answer] of Object.entries(paper)) counts[`${row}/${answer}`] = (counts[`${row}/${answer}`] ?? 0) + 1;
}
