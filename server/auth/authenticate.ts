import type { MeetingState, Participant } from '../../shared/meeting/state.js';
import { findParticipant } from '../../shared/meeting/state.js';
import { hashToken } from '../ids.js';
import type { Rooms } from '../realtime/rooms.js';
import type { Store } from '../store/store.js';

/** Longer than any link this server hands out: not worth a hash and a store lookup. */
const MAX_TOKEN = 200;

export type Authentication =
  | { ok: true; meetingId: string; participant: Participant; tokenHash: string }
  /**
   * `no-token`: none given, or not one this server could have issued. `unknown`: no participant holds
   * it (never did, or the link was reissued). `other-meeting`: valid, but for another meeting than the one asked for.
   */
  | { ok: false; failure: 'no-token' | 'unknown' | 'other-meeting' };

export interface AuthDeps {
  store: Store;
  /** The meeting's state, to find the participant: the room's cached copy where there is one. */
  meeting: (meetingId: string) => Promise<MeetingState | null>;
}

/** `AuthDeps.meeting` from the rooms this instance holds (a room is loaded on first use). */
export const roomStates =
  (rooms: Pick<Rooms, 'get'>) =>
  async (meetingId: string): Promise<MeetingState | null> =>
    (await rooms.get(meetingId))?.current().state ?? null;

/**
 * Who a link token belongs to: the one check behind Socket.IO's handshake, the Yjs upgrade and the
 * HTTP export. With `meetingId`, a token of another meeting fails before that meeting is loaded.
 * Throws StoreUnavailableError when the store cannot answer.
 */
export async function authenticate(token: unknown, deps: AuthDeps, meetingId?: string): Promise<Authentication> {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN) return { ok: false, failure: 'no-token' };
  const tokenHash = hashToken(token);
  const owner = await deps.store.findToken(tokenHash);
  if (!owner) return { ok: false, failure: 'unknown' };
  if (meetingId !== undefined && owner.meetingId !== meetingId) return { ok: false, failure: 'other-meeting' };
  const state = await deps.meeting(owner.meetingId);
  const participant = state && findParticipant(state, owner.participantId);
  if (!participant) return { ok: false, failure: 'unknown' };
  return { ok: true, meetingId: owner.meetingId, participant, tokenHash };
}

/**
 * Whether a link checked when its connection opened is still valid once the connection has joined
 * the participant's channel. A link reissued in between closed the participant's connections before
 * this one was among them; the store already holds the new token by then, so asking it again catches that.
 */
export async function stillValid(store: Store, session: { meetingId: string; participantId: string; tokenHash: string }): Promise<boolean> {
  const owner = await store.findToken(session.tokenHash);
  return owner !== null && owner.meetingId === session.meetingId && owner.participantId === session.participantId;
}
