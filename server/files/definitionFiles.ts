import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { DefinitionDocument } from '../../shared/definition.js';
import { decideDocumentAs } from '../../shared/documents/decide.js';
import type { BlobFacts } from '../../shared/documents/types.js';
import { MAX_DOCUMENT_BYTES } from '../../shared/limits.js';
import { evolveAll } from '../../shared/meeting/evolve.js';
import { newId } from '../ids.js';
import type { Store } from '../store/store.js';
import { FileRefused, putFile, type FileStore } from './fileStore.js';

/** A definition's file that cannot be a document: named as the definition names it, for the organiser. */
export class DefinitionFileError extends Error {}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * Stores the files a definition lists (docs/DOCUMENTS.md, "In the definition"), each a path relative
 * to the definition's folder and inside it, symbolic links included: the schema refuses `..` and
 * absolute paths, and this checks where the path really leads. Done before the meeting is created,
 * so a missing or refused file creates nothing (a file stored already is only unused).
 */
export async function storeDefinitionFiles(files: FileStore, documents: readonly DefinitionDocument[], folder: string): Promise<BlobFacts[]> {
  const root = await realpath(folder);
  const stored: BlobFacts[] = [];
  for (const d of documents) {
    const path = resolve(root, d.file);
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      throw new DefinitionFileError(`documents: ${d.file}: no such file beside the definition`);
    }
    if (!inside(root, path) || !inside(root, real)) throw new DefinitionFileError(`documents: ${d.file}: not inside the definition's folder`);
    if (!(await stat(real)).isFile()) throw new DefinitionFileError(`documents: ${d.file}: not a file`);
    try {
      stored.push(await putFile(files, createReadStream(real), MAX_DOCUMENT_BYTES));
    } catch (e) {
      if (e instanceof FileRefused) throw new DefinitionFileError(`documents: ${d.file}: ${e.message}`);
      throw e;
    }
  }
  return stored;
}

/** Version races lost in a row before giving up (a server already changing the new meeting). */
const MAX_ATTEMPTS = 20;

/**
 * Adds the stored files to the meeting as the organiser's documents (`by: null`), straight into the
 * store, in the definition's order, as one version. Returns the documents' ids.
 */
export async function addDefinitionDocuments(
  store: Store,
  meetingId: string,
  documents: readonly DefinitionDocument[],
  blobs: readonly BlobFacts[],
  now: () => number = Date.now,
): Promise<string[]> {
  if (documents.length === 0) return [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const meeting = await store.loadMeeting(meetingId);
    if (!meeting) throw new Error(`no meeting ${meetingId}`);
    const at = now();
    let state = meeting.state;
    const events = [];
    for (const [i, d] of documents.entries()) {
      const command = { type: 'document.add' as const, blob: blobs[i].sha256, title: d.title, itemId: d.item ?? null, visibility: d.visibility, order: d.order };
      const decision = decideDocumentAs(state, command, null, { now: at, newId: () => newId(), blob: blobs[i] });
      if (!decision.ok) throw new DefinitionFileError(`documents: ${d.file}: ${decision.error.message}`);
      state = evolveAll(state, decision.events);
      events.push(...decision.events);
    }
    const outcome = await store.commit({ meetingId, expectedVersion: meeting.version, state, events, at, actor: null });
    if (outcome === 'ok') return events.flatMap((e) => (e.type === 'document.added' ? [e.document.id] : []));
  }
  throw new Error('the meeting changed too often; try again');
}
