import type { Role } from '../../shared/meeting/state.js';
import { findItem, findParticipant } from '../../shared/meeting/state.js';
import { canEditDoc, parseDocName } from '../../shared/notes/access.js';
import { hashToken } from '../ids.js';
import type { Rooms } from '../realtime/rooms.js';
import type { Store } from '../store/store.js';

export type DocAccess =
  | { ok: true; meetingId: string; docName: string; participantId: string; name: string; role: Role; canEdit: boolean; tokenHash: string }
  | { ok: false; status: 401 | 403 | 404; message: string };

const MAX_TOKEN = 200;

function segments(url: string): { meetingId: string; docName: string; token: string | null } | null {
  const parsed = new URL(url, 'http://upgrade.invalid');
  const parts = parsed.pathname.split('/');
  if (parts.length !== 4 || parts[1] !== 'yjs') return null;
  try {
    return { meetingId: decodeURIComponent(parts[2]), docName: decodeURIComponent(parts[3]), token: parsed.searchParams.get('token') };
  } catch {
    return null;
  }
}

/**
 * Who may open `/yjs/<meetingId>/<docName>?token=…`, decided before the WebSocket exists.
 * The token is checked first, so nobody without a valid link learns which meetings or documents
 * exist. Throws StoreUnavailableError when the store cannot answer.
 */
export async function authoriseDoc(url: string, deps: { store: Store; rooms: Rooms }): Promise<DocAccess> {
  const target = segments(url);
  if (!target) return { ok: false, status: 404, message: 'expected /yjs/<meetingId>/<docName>' };
  const { meetingId, docName, token } = target;
  if (!token || token.length > MAX_TOKEN) return { ok: false, status: 401, message: 'a token parameter is required' };
  const tokenHash = hashToken(token);
  const owner = await deps.store.findToken(tokenHash);
  if (!owner) return { ok: false, status: 401, message: 'this link is not valid (anymore)' };
  if (owner.meetingId !== meetingId) return { ok: false, status: 403, message: 'this link belongs to another meeting' };
  const room = await deps.rooms.get(meetingId);
  const participant = room && findParticipant(room.current().state, owner.participantId);
  if (!room || !participant) return { ok: false, status: 401, message: 'this link is not valid (anymore)' };
  const ref = parseDocName(docName);
  if (!ref) return { ok: false, status: 404, message: `no document ${docName}: expected notes-<itemId> or minutes` };
  if (ref.kind === 'notes' && !findItem(room.current().state, ref.itemId)) {
    // With a shared store another instance may just have added the item.
    if (deps.store.kind === 'redis') await room.refresh();
    if (!findItem(room.current().state, ref.itemId)) return { ok: false, status: 404, message: `no agenda item ${ref.itemId}` };
  }
  return { ok: true, meetingId, docName, participantId: participant.id, name: participant.name, role: participant.role, canEdit: canEditDoc(participant.role, ref), tokenHash };
}

/**
 * Whether a link checked at the upgrade is still valid once its connection has joined. A link
 * reissued in between closed the participant's connections before this one was among them; the
 * store already has the new token by then, so asking it again catches that.
 */
export async function stillValid(store: Store, access: { meetingId: string; participantId: string; tokenHash: string }): Promise<boolean> {
  const owner = await store.findToken(access.tokenHash);
  return owner !== null && owner.meetingId === access.meetingId && owner.participantId === access.participantId;
}
