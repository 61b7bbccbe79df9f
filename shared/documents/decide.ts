import type { CommandOf } from '../meeting/commands.js';
import { accept, reject, type DecideContext, type Decision } from '../meeting/decision.js';
import type { MeetingEvent } from '../meeting/events.js';
import { findItem, findRemovedItem, type MeetingState } from '../meeting/state.js';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, MAX_MEETING_DOCUMENT_BYTES } from '../limits.js';
import { currentVersion, type BlobFacts, type MeetingDocument } from './types.js';
import { showableOnScreen } from './visibility.js';

export type DocumentCommand = CommandOf<'document.add' | 'document.replace' | 'document.edit' | 'document.remove'>;

/**
 * What the store holds against the meeting's cap: each distinct file of every version of the
 * documents not removed (a replaced version stays in the record, so it stays counted; a file uploaded
 * twice is stored once, so it counts once).
 */
export function storedBytes(state: Pick<MeetingState, 'documents'>, extra?: BlobFacts): number {
  const files = new Map<string, number>();
  for (const doc of state.documents) if (doc.removedAt === null) for (const v of doc.versions) files.set(v.sha256, v.bytes);
  if (extra) files.set(extra.sha256, extra.bytes);
  let total = 0;
  for (const bytes of files.values()) total += bytes;
  return total;
}

function checkBlob(state: MeetingState, blob: BlobFacts | null | undefined): Decision | null {
  if (!blob) return reject('not-found', 'no such uploaded file: upload the file first', 'no-such-file');
  if (blob.bytes > MAX_DOCUMENT_BYTES) return reject('payload-too-large', `a document is at most ${MAX_DOCUMENT_BYTES} bytes`, 'file-too-large', { max: MAX_DOCUMENT_BYTES });
  if (storedBytes(state, blob) > MAX_MEETING_DOCUMENT_BYTES)
    return reject('payload-too-large', `the meeting's documents are at most ${MAX_MEETING_DOCUMENT_BYTES} bytes in all`, 'meeting-files-full', { max: MAX_MEETING_DOCUMENT_BYTES });
  return null;
}

function checkItem(state: MeetingState, itemId: string | null | undefined): Decision | null {
  if (itemId === null || itemId === undefined) return null;
  if (findItem(state, itemId)) return null;
  return findRemovedItem(state, itemId) ? reject('invalid-state', `item ${itemId} was removed from the agenda`, 'item-removed') : reject('not-found', `no agenda item ${itemId}`);
}

function liveDocument(state: MeetingState, documentId: string): MeetingDocument | Decision {
  const doc = state.documents.find((d) => d.id === documentId);
  if (!doc) return reject('not-found', `no document ${documentId}`);
  if (doc.removedAt !== null) return reject('invalid-state', `document ${documentId} was removed`, 'document-removed');
  return doc;
}

const isDecision = (x: MeetingDocument | Decision): x is Decision => 'ok' in x;

/** Leaves a document the screen can no longer show: back to the agenda. */
function leaveScreen(state: MeetingState, after: Pick<MeetingDocument, 'id' | 'visibility' | 'removedAt'>): MeetingEvent[] {
  return state.screen.show === 'document' && state.screen.documentId === after.id && !showableOnScreen(after) ? [{ type: 'screen.shown', screen: { show: 'agenda' } }] : [];
}

/**
 * The presidium's documents (docs/DOCUMENTS.md): add a stored file as a document, replace its file by
 * a new version, edit what it is called, where it belongs and who sees it, remove it. `by` is the
 * participant, or null for the organiser (admin API, the definition's files). The file itself was
 * stored and checked before (`ctx.blob`): only the server reads the store.
 */
export function decideDocumentAs(state: MeetingState, command: DocumentCommand, by: string | null, ctx: DecideContext): Decision {
  switch (command.type) {
    case 'document.add': {
      const refused = checkBlob(state, ctx.blob) ?? checkItem(state, command.itemId);
      if (refused) return refused;
      if (state.documents.filter((d) => d.removedAt === null).length >= MAX_DOCUMENTS)
        return reject('invalid-state', `a meeting has at most ${MAX_DOCUMENTS} documents`, 'too-many-documents', { max: MAX_DOCUMENTS });
      const itemId = command.itemId ?? null;
      const siblings = state.documents.filter((d) => d.itemId === itemId && d.removedAt === null);
      const order = command.order ?? siblings.reduce((max, d) => Math.max(max, d.order + 1), 1);
      const document: MeetingDocument = {
        id: ctx.newId(),
        title: command.title,
        itemId,
        order,
        visibility: command.visibility,
        versions: [{ ...ctx.blob!, version: 1, at: ctx.now, by }],
        removedAt: null,
        removedBy: null,
      };
      return accept({ type: 'document.added', document });
    }
    case 'document.replace': {
      const doc = liveDocument(state, command.documentId);
      if (isDecision(doc)) return doc;
      const refused = checkBlob(state, ctx.blob);
      if (refused) return refused;
      const blob = ctx.blob!;
      // The same file again is no new version: a second click, or a retried upload.
      if (currentVersion(doc).sha256 === blob.sha256) return accept();
      return accept({ type: 'document.replaced', documentId: doc.id, version: { ...blob, version: currentVersion(doc).version + 1, at: ctx.now, by } });
    }
    case 'document.edit': {
      const doc = liveDocument(state, command.documentId);
      if (isDecision(doc)) return doc;
      const refused = checkItem(state, command.changes.itemId);
      if (refused) return refused;
      const changes = Object.fromEntries(Object.entries(command.changes).filter(([k, v]) => doc[k as keyof typeof command.changes] !== v));
      if (Object.keys(changes).length === 0) return accept();
      const edited: MeetingEvent = { type: 'document.edited', documentId: doc.id, changes, at: ctx.now, by };
      return accept(edited, ...leaveScreen(state, { ...doc, ...changes }));
    }
    case 'document.remove': {
      const doc = liveDocument(state, command.documentId);
      if (isDecision(doc)) return doc;
      return accept({ type: 'document.removed', documentId: doc.id, at: ctx.now, by }, ...leaveScreen(state, { ...doc, removedAt: ctx.now }));
    }
  }
}

/** The command from a participant's device (or the upload route acting for them). */
export const decideDocument = (state: MeetingState, command: DocumentCommand, actor: { participantId: string }, ctx: DecideContext): Decision =>
  decideDocumentAs(state, command, actor.participantId, ctx);

export function evolveDocument(state: MeetingState, event: Extract<MeetingEvent, { type: `document.${string}` }>): MeetingState {
  const update = (id: string, change: (d: MeetingDocument) => MeetingDocument) => ({ ...state, documents: state.documents.map((d) => (d.id === id ? change(d) : d)) });
  switch (event.type) {
    case 'document.added':
      // An upsert: outside the presidium every change of a document arrives as the whole document (visibility.ts).
      return state.documents.some((d) => d.id === event.document.id)
        ? update(event.document.id, () => event.document)
        : { ...state, documents: [...state.documents, event.document] };
    case 'document.replaced':
      return update(event.documentId, (d) => ({ ...d, versions: [...d.versions, event.version] }));
    case 'document.edited':
      return update(event.documentId, (d) => ({ ...d, ...event.changes }));
    case 'document.removed':
      return update(event.documentId, (d) => ({ ...d, removedAt: event.at, removedBy: event.by }));
    case 'document.hidden':
      return { ...state, documents: state.documents.filter((d) => d.id !== event.documentId) };
  }
}
