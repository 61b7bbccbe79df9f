import type { MeetingDefinition } from '../../shared/definition.js';
import { isPublicRole } from '../../shared/meeting/roles.js';
import { initialState, type Participant } from '../../shared/meeting/state.js';
import { hashToken, newId, newToken } from '../ids.js';
import type { Store } from '../store/store.js';

export interface ParticipantLink {
  participantId: string;
  name: string;
  position: string;
  role: Participant['role'];
  url: string;
}

export interface CreatedMeeting {
  meetingId: string;
  title: string;
  links: ParticipantLink[];
}

export function joinUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/join/${token}`;
}

/** Creates a meeting and one secret link per participant. The plain tokens exist only in the result. */
export async function createMeeting(store: Store, def: MeetingDefinition, publicUrl: string, opts: { id?: string; now?: number } = {}): Promise<CreatedMeeting> {
  const id = opts.id ?? newId(6);
  const state = initialState(id, def);
  const tokens = state.participants.map((p) => ({ participant: p, token: newToken() }));
  await store.createMeeting({
    id,
    createdAt: opts.now ?? Date.now(),
    definition: def,
    state,
    tokens: tokens.map((t) => ({
      participantId: t.participant.id,
      tokenHash: hashToken(t.token),
      publicToken: isPublicRole(t.participant.role) ? t.token : undefined,
    })),
  });
  return {
    meetingId: id,
    title: state.title,
    links: tokens.map(({ participant: p, token }) => ({
      participantId: p.id,
      name: p.name,
      position: p.position,
      role: p.role,
      url: joinUrl(publicUrl, token),
    })),
  };
}
