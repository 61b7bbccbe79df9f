import { expect } from 'vitest';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import type { TestClient, TestServer } from './server.js';
import { waitFor } from './wait.js';

/** Everyone of the test meeting who sits in the room or follows it, each on their own socket. */
export const ROOM = ['chair', 'sec', 'm1', 'm2', 'guest', 'obs'] as const;
export type RoomMember = (typeof ROOM)[number];

export async function connectRoom(server: TestServer, ids: readonly string[] = ROOM): Promise<Record<string, TestClient>> {
  const clients = await Promise.all(ids.map((id) => server.connectAs(id)));
  return Object.fromEntries(ids.map((id, i) => [id, clients[i]]));
}

/** The version an accepted command's ack reports; fails the test with the error otherwise. */
export function accepted(ack: Ack<CommandResult>): number {
  if (!ack.ok) expect.fail(`refused: ${ack.error.code}: ${ack.error.message}`);
  return ack.version;
}

/**
 * Waits until every client has the stored version, then checks that each holds exactly the stored
 * state and received exactly the same batches: every change reached every client, identically.
 * For clients that connected at the same version (before the changes under test).
 */
export async function expectConverged(server: TestServer, clients: readonly TestClient[]): Promise<void> {
  const stored = (await server.store.loadMeeting(server.meeting.meetingId))!;
  for (const c of clients) await c.waitForVersion(stored.version);
  for (const c of clients) {
    expect(c.version).toBe(stored.version);
    expect(c.state).toEqual(stored.state);
    expect(c.batches).toEqual(clients[0].batches);
  }
}

/** Waits until every client's latest `presence` lists exactly `ids`. */
export async function waitForOnline(clients: readonly TestClient[], ids: readonly string[]): Promise<void> {
  const want = [...ids].sort();
  await waitFor(() => clients.every((c) => JSON.stringify(c.online) === JSON.stringify(want)), 5000, `presence ${want.join(',')}`);
}
