import type { MeetingEvent } from '../meeting/events.js';
import { isPublicRole, manages } from '../meeting/roles.js';
import type { MeetingState, Role, ScreenMode } from '../meeting/state.js';
import { observerRulesOf, type ObserverRules } from '../meeting/visibility.js';
import type { MeetingDocument } from './types.js';

/**
 * Who receives what of the documents. Three audiences, each its own Socket.IO channel
 * (server/realtime/rooms.ts): the presidium (chair, secretary) sees every document, removed ones
 * included (for the record); the room (members, guests, the room screen) those for everyone and for
 * participants; the public observer link those for everyone, and only when the definition lets the
 * public see documents (`observers.documents`, default no).
 */
export type Audience = 'presidium' | 'room' | 'public';

export function audienceOf(role: Role): Audience {
  if (manages(role)) return 'presidium';
  return isPublicRole(role) ? 'public' : 'room';
}

/** Whether a role may see (list, download, be shown) this document. The one rule; the server applies it on every path. */
export function maySeeDocument(role: Role, doc: Pick<MeetingDocument, 'visibility' | 'removedAt'>, rules: ObserverRules): boolean {
  return audienceSees(audienceOf(role), doc, rules);
}

export function audienceSees(audience: Audience, doc: Pick<MeetingDocument, 'visibility' | 'removedAt'>, rules: ObserverRules): boolean {
  if (audience === 'presidium') return true;
  if (doc.removedAt !== null) return false;
  if (audience === 'room') return doc.visibility !== 'presidium';
  return doc.visibility === 'everyone' && rules.documents;
}

/** The room screen shows a document only one the whole room may see; a presidium-only one never. */
export const showableOnScreen = (doc: Pick<MeetingDocument, 'visibility' | 'removedAt'>): boolean => doc.removedAt === null && doc.visibility !== 'presidium';

/** What the screen shows, as an audience sees it: a document it may not see leaves it on the agenda. */
function screenFor(audience: Audience, state: MeetingState, screen: ScreenMode): ScreenMode {
  if (screen.show !== 'document') return screen;
  const doc = state.documents.find((d) => d.id === screen.documentId);
  return doc && audienceSees(audience, doc, observerRulesOf(state)) ? screen : { show: 'agenda' };
}

/** The documents part of the state an audience is sent (the rest is `publicState`'s, for the public). */
export function documentsFor(audience: Audience, state: MeetingState): Pick<MeetingState, 'documents' | 'screen'> {
  if (audience === 'presidium') return { documents: state.documents, screen: state.screen };
  const rules = observerRulesOf(state);
  return { documents: state.documents.filter((d) => audienceSees(audience, d, rules)), screen: screenFor(audience, state, state.screen) };
}

/**
 * A batch of events as an audience is sent it, `state` being the meeting after them. Outside the
 * presidium a document event becomes what the audience needs to stay in step: the whole document as
 * it now is (`document.added`, which `evolve` applies as an upsert), or `document.hidden` when the
 * audience may no longer (or never could) see it. So a document moved to "presidium only" disappears
 * from the tablets, and one moved back reappears, without the tablets ever holding what they may not see.
 */
export function documentEventsFor(audience: Audience, state: MeetingState, events: readonly MeetingEvent[]): MeetingEvent[] {
  if (audience === 'presidium') return [...events];
  const rules = observerRulesOf(state);
  const sent = events.map((e): MeetingEvent => {
    if (e.type === 'screen.shown') return { ...e, screen: screenFor(audience, state, e.screen) };
    const documentId = documentIdOf(e);
    if (documentId === null) return e;
    const doc = state.documents.find((d) => d.id === documentId);
    return doc && audienceSees(audience, doc, rules) ? { type: 'document.added', document: doc } : { type: 'document.hidden', documentId };
  });
  // The document on the screen may have just become visible, or invisible, to this audience while the
  // room's screen stayed on it: what this audience's screen shows changes without a `screen.shown`.
  const screen = state.screen;
  const touchesScreen = screen.show === 'document' && events.some((e) => documentIdOf(e) === screen.documentId);
  return touchesScreen ? [...sent, { type: 'screen.shown', screen: screenFor(audience, state, screen) }] : sent;
}

function documentIdOf(e: MeetingEvent): string | null {
  switch (e.type) {
    case 'document.added':
      return e.document.id;
    case 'document.replaced':
    case 'document.edited':
    case 'document.removed':
    case 'document.hidden':
      return e.documentId;
    default:
      return null;
  }
}
