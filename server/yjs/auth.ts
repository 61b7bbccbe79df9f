import type { IncomingMessage } from 'node:http';
import type { Role } from '../../shared/meeting/state.js';
import { findItem, findParticipant } from '../../shared/meeting/state.js';
import { canEditDoc, canReadDocs, parseDocName } from '../../shared/notes/access.js';
import { DOC_SUBPROTOCOL } from '../../shared/notes/protocol.js';
import { observerRulesOf } from '../../shared/meeting/visibility.js';
import { hashToken } from '../ids.js';
import type { Rooms } from '../realtime/rooms.js';
import type { Store } from '../store/store.js';


/** How the upgrade presented its token: the subprotocol, or the deprecated `?token=` query. */
export type TokenCarrier = 'subprotocol' | 'query';

export type DocAccess =
  | { ok: true; meetingId: string; docName: string; participantId: string; name: string; role: Role; canEdit: boolean; tokenHash: string; carrier: TokenCarrier }
  | { ok: false; status: 401 | 403 | 404; message: string };

const MAX_TOKEN = 200;

function segments(url: string): { meetingId: string; docName: string; query: string | null } | null {
  const parsed = new URL(url, 'http://upgrade.invalid');
  const parts = parsed.pathname.split('/');
  if (parts.length !== 4 || parts[1] !== 'yjs') return null;
  try {
    return { meetingId: decodeURIComponent(parts[2]), docName: decodeURIComponent(parts[3]), query: parsed.searchParams.get('token') };
  } catch {
    return null;
  }
}

/**
 * The token of an upgrade. A client offering the `phong-hop` subprotocol sends its token as the one
 * other subprotocol, and a `?token=` in its URL is then ignored. Without `phong-hop` the deprecated
 * query is read: clients loaded before the subprotocol existed (docs/YJS.md, "Connecting").
 * A browser only lets a page send subprotocols, never an Authorization header, on a WebSocket.
 */
function tokenOf(offered: string | undefined, query: string | null): { token: string | null; carrier: TokenCarrier } {
  const protocols = (offered ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (!protocols.includes(DOC_SUBPROTOCOL)) return { token: query, carrier: 'query' };
  const others = protocols.filter((p) => p !== DOC_SUBPROTOCOL);
  return { token: others.length === 1 ? others[0] : null, carrier: 'subprotocol' };
}

/**
 * Who may open `/yjs/<meetingId>/<docName>`, decided before the WebSocket exists. The token is
 * checked first, so nobody without a valid link learns which meetings or documents exist. Throws
 * StoreUnavailableError when the store cannot answer.
 */
export async function authoriseDoc(req: Pick<IncomingMessage, 'url' | 'headers'>, deps: { store: Store; rooms: Rooms }): Promise<DocAccess> {
  const target = segments(req.url ?? '');
  if (!target) return { ok: false, status: 404, message: 'expected /yjs/<meetingId>/<docName>' };
  const { meetingId, docName } = target;
  const { token, carrier } = tokenOf(req.headers['sec-websocket-protocol'], target.query);
  if (!token || token.length > MAX_TOKEN) return { ok: false, status: 401, message: `a token is required: offer the subprotocols ${DOC_SUBPROTOCOL} and <token>` };
  const tokenHash = hashToken(token);
  const owner = await deps.store.findToken(tokenHash);
  if (!owner) return { ok: false, status: 401, message: 'this link is not valid (anymore)' };
  if (owner.meetingId !== meetingId) return { ok: false, status: 403, message: 'this link belongs to another meeting' };
  const room = await deps.rooms.get(meetingId);
  const participant = room && findParticipant(room.current().state, owner.participantId);
  if (!room || !participant) return { ok: false, status: 401, message: 'this link is not valid (anymore)' };
  const ref = parseDocName(docName);
  if (!ref) return { ok: false, status: 404, message: `no document ${docName}: expected notes-<itemId> or minutes` };
  if (!canReadDocs(participant.role, observerRulesOf(room.current().state))) return { ok: false, status: 403, message: 'the public link does not show this meeting\'s notes' };
  if (ref.kind === 'notes' && !findItem(room.current().state, ref.itemId)) {
    // With a shared store another instance may just have added the item.
    if (deps.store.kind === 'redis') await room.refresh();
    if (!findItem(room.current().state, ref.itemId)) return { ok: false, status: 404, message: `no agenda item ${ref.itemId}` };
  }
  return { ok: true, meetingId, docName, participantId: participant.id, name: participant.name, role: participant.role, canEdit: canEditDoc(participant.role, ref), tokenHash, carrier };
}

/** The subprotocol the server answers an upgrade with: `phong-hop` when offered, never anything else. */
export function chooseSubprotocol(offered: ReadonlySet<string>): string | false {
  return offered.has(DOC_SUBPROTOCOL) ? DOC_SUBPROTOCOL : false;
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
