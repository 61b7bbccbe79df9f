import type { AgendaItem, MeetingState, RemovedItem, RequestKind } from '../../shared/meeting/state.js';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import type { Store } from '../store/store.js';
import { attributedBlocks } from '../yjs/docBlocks.js';
import { loadStoredDoc } from '../yjs/persistence.js';
import { recordBallots, type RecordBallot } from './ballots.js';
import { noticeLines } from './noticeLines.js';
import { recordDocuments, type DocumentRow } from './documents.js';
import { blocksOf, type Block } from './prosemirror.js';

/** Everything the written record of a meeting holds, gathered once for every format. */
export interface MeetingRecord {
  state: MeetingState;
  items: RecordItem[];
  /** Items removed from the agenda, oldest removal first, with the notes they kept. */
  removed: RemovedRecordItem[];
  minutes: Block[];
  /** Every ballot that left draft; counts only for rows published under the rules (ballots.ts). */
  ballots: RecordBallot[];
  /** Every notice, oldest first, as the record words it (noticeLines.ts). */
  notices: string[];
  /** The documents handed to the room, with their versions and removals (documents.ts). */
  documents: { meeting: DocumentRow[]; byItem: Map<string, DocumentRow[]> };
  generatedAt: number;
}

export interface RecordItem {
  item: AgendaItem;
  presenter: string | null;
  speeches: { name: string; kind: RequestKind; startedAt: number; durationSec: number; ongoing: boolean }[];
  notes: Block[];
  /** Who wrote the text the notes show now, by name, in the order their text first appears (docs/YJS.md, "Attribution"). */
  authors: string[];
}

export interface RemovedRecordItem {
  item: RemovedItem;
  notes: Block[];
}

const nameOf = (state: MeetingState, id: string | null) => (id === null ? null : (state.participants.find((p) => p.id === id)?.name ?? id));

async function docBlocks(store: Store, meetingId: string, docName: string): Promise<Block[]> {
  return (await docWithAuthors(store, meetingId, docName)).blocks;
}

/** A document's blocks and the participants with visible text in it (not whitespace alone). */
async function docWithAuthors(store: Store, meetingId: string, docName: string): Promise<{ blocks: Block[]; authors: string[] }> {
  const [{ doc }, clients] = await Promise.all([loadStoredDoc(store, meetingId, docName), store.loadDocAuthors(meetingId, docName)]);
  try {
    const authors = new Set<string>();
    for (const block of attributedBlocks(doc, clients)) for (const run of block.runs) if (run.author !== null && run.text.trim() !== '') authors.add(run.author);
    return { blocks: blocksOf(doc), authors: [...authors] };
  } finally {
    doc.destroy();
  }
}

/**
 * Reads the documents from the store, where every edit anyone has seen already is: this works the
 * same whether or not the document is open on this instance, or on another one.
 */
export async function gatherRecord(store: Store, state: MeetingState, now: number): Promise<MeetingRecord> {
  const items = await Promise.all(
    state.agenda.map(async (item): Promise<RecordItem> => {
      const notes = await docWithAuthors(store, state.id, notesDocName(item.id));
      const speeches = [...item.queue.speeches.map((s) => ({ ...s, ongoing: false })), ...(item.queue.current ? [{ ...item.queue.current, endedAt: now, ongoing: true }] : [])];
      return {
        item,
        presenter: nameOf(state, item.presenter),
        speeches: speeches.map((s) => ({
          name: nameOf(state, s.participantId) ?? s.participantId,
          kind: s.kind,
          startedAt: s.startedAt,
          durationSec: Math.max(0, Math.round((s.endedAt - s.startedAt) / 1000)),
          ongoing: s.ongoing,
        })),
        notes: notes.blocks,
        authors: notes.authors.map((id) => nameOf(state, id) ?? id),
      };
    }),
  );
  const removed = await Promise.all(state.removedItems.map(async (item) => ({ item, notes: await docBlocks(store, state.id, notesDocName(item.id)) })));
  return {
    state,
    items,
    removed,
    minutes: await docBlocks(store, state.id, MINUTES_DOC),
    ballots: recordBallots(state),
    notices: noticeLines(state),
    documents: recordDocuments(state),
    generatedAt: now,
  };
}
