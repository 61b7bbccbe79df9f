import type { IncomingMessage } from 'node:http';
import type { Role } from '../../shared/meeting/state.js';
import { findItem, findRemovedItem } from '../../shared/meeting/state.js';
import { annotationsOwner, canEditDoc, canReadDocs, mayOpenAnnotations, parseDocName } from '../../shared/notes/access.js';
import { DOC_SUBPROTOCOL } from '../../shared/notes/protocol.js';
import { isDocProtocolEntry } from '../../shared/versions.js';
import { observerRulesOf } from '../../shared/meeting/visibility.js';
import { authenticate, roomStates } from '../auth/authenticate.js';
import type { Rooms } from '../realtime/rooms.js';
import type { Store } from '../store/store.js';

/** How the upgrade presented its token: the subprotocol, or the deprecated `?token=` query. */
export type TokenCarrier = 'subprotocol' | 'query';

export type DocAccess =
  | { ok: true; meetingId: string; docName: string; participantId: string; name: string; role: Role; canEdit: boolean; tokenHash: string; carrier: TokenCarrier }
  | { ok: false; status: 401 | 403 | 404; message: string };

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
  const protocols = (offered ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (!protocols.includes(DOC_SUBPROTOCOL)) return { token: query, carrier: 'query' };
  // Besides the token, a client may name its protocol version (`phong-hop.v2`, server/realtime/protocolVersion.ts).
  const others = protocols.filter((p) => p !== DOC_SUBPROTOCOL && !isDocProtocolEntry(p));
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
  const auth = await authenticate(token, { store: deps.store, meeting: roomStates(deps.rooms) }, meetingId);
  if (!auth.ok) {
    if (auth.failure === 'no-token') return { ok: false, status: 401, message: `a token is required: offer the subprotocols ${DOC_SUBPROTOCOL} and <token>` };
    if (auth.failure === 'other-meeting') return { ok: false, status: 403, message: 'this link belongs to another meeting' };
    return { ok: false, status: 401, message: 'this link is not valid (anymore)' };
  }
  const { participant, tokenHash } = auth;
  const room = await deps.rooms.get(meetingId);
  if (!room) return { ok: false, status: 401, message: 'this link is not valid (anymore)' };
  const owner = annotationsOwner(docName);
  if (owner !== null) {
    // Private to their owner (docs/DOCUMENTS.md, "Annotations"): the same answer whether the other
    // participant exists or not, so nobody learns who keeps annotations.
    if (!mayOpenAnnotations({ participantId: participant.id, role: participant.role }, owner))
      return { ok: false, status: 403, message: "only their owner opens a participant's annotations" };
    return { ok: true, meetingId, docName, participantId: participant.id, name: participant.name, role: participant.role, canEdit: true, tokenHash, carrier };
  }
  const ref = parseDocName(docName);
  if (!ref) return { ok: false, status: 404, message: `no document ${docName}: expected notes-<itemId> or minutes` };
  if (!canReadDocs(participant.role, observerRulesOf(room.current().state))) return { ok: false, status: 403, message: "the public link does not show this meeting's notes" };
  // A removed item's notes are still served (read-only, canEditDoc): nothing disappears with an item.
  const known = (itemId: string) => findItem(room.current().state, itemId) ?? findRemovedItem(room.current().state, itemId);
  if (ref.kind === 'notes' && !known(ref.itemId)) {
    // With a shared store another instance may just have added the item.
    if (deps.store.kind === 'redis') await room.refresh();
    if (!known(ref.itemId)) return { ok: false, status: 404, message: `no agenda item ${ref.itemId}` };
  }
  return {
    ok: true,
    meetingId,
    docName,
    participantId: participant.id,
    name: participant.name,
    role: participant.role,
    canEdit: canEditDoc(participant.role, ref, room.current().state),
    tokenHash,
    carrier,
  };
}

/** The subprotocol the server answers an upgrade with: `phong-hop` when offered, never anything else. */
export function chooseSubprotocol(offered: ReadonlySet<string>): string | false {
  return offered.has(DOC_SUBPROTOCOL) ? DOC_SUBPROTOCOL : false;
}
