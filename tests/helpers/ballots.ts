import { expect } from 'vitest';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import { pinWeakness } from '../../shared/ballots/pin.js';
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

/** A fixed, acceptable voting PIN for a test participant: six digits derived from the id. */
export function pinOf(participantId: string): string {
  let n = [...participantId].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 900_000, 7);
  for (;;) {
    const pin = String(100_000 + n);
    if (pinWeakness(pin) === null) return pin;
    n = (n + 7) % 900_000;
  }
}

/** Each client sets its participant's PIN (`pinOf`), one command at a time. */
export async function setPins(clients: Iterable<[string, TestClient]>): Promise<void> {
  for (const [id, client] of clients) versionOf(await client.send({ type: 'pin.set', pin: pinOf(id) }));
}
