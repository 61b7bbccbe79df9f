import type { Request, Response } from 'express';
import { z } from 'zod';
import { decideDocumentAs, storedBytes } from '../../shared/documents/decide.js';
import { DOCUMENT_VISIBILITIES, type BlobFacts } from '../../shared/documents/types.js';
import { error, type ErrorInfo } from '../../shared/errors.js';
import { MAX_TEXT } from '../../shared/limits.js';
import { Command } from '../../shared/meeting/commands.js';
import { manages } from '../../shared/meeting/roles.js';
import type { Ack, CommandResult } from '../../shared/protocol.js';
import { FileRefused, type FileStore, type StagedFile } from '../files/fileStore.js';
import { newId } from '../ids.js';
import type { Logger } from '../log.js';
import type { MeetingRoom } from '../realtime/room.js';
import { sendRefusal, type Asker } from './documentsAccess.js';

/** The upload's query (shared/documents/urls.ts): what `document.add` needs besides the file. */
export const UploadQuery = z
  .object({
    title: z.string().trim().min(1).max(MAX_TEXT),
    itemId: z
      .string()
      .max(64)
      .optional()
      .transform((v) => (v === undefined || v === '' ? null : v)),
    visibility: z.enum(DOCUMENT_VISIBILITIES).default('participants'),
    order: z.coerce.number().int().min(0).max(100_000).optional(),
  })
  .strict();

export interface UploadLimits {
  /** One file (MAX_DOCUMENT_BYTES; tests set less). */
  maxFileBytes: number;
  /** Every file of the meeting, each counted once (MAX_MEETING_DOCUMENT_BYTES; tests set less). */
  maxMeetingBytes: number;
}

const NO_FILE: BlobFacts = { sha256: '0'.repeat(64), bytes: 0, mime: 'application/pdf' };

type DocumentCommand = Extract<Command, { type: 'document.add' | 'document.replace' }>;

type DocumentCommandInput = { type: 'document.add'; title: string; itemId: string | null; visibility: string; order?: number } | { type: 'document.replace'; documentId: string };

/** A refusal sent before the body was read: the connection closes after it, rather than reading up to a gigabyte nobody wants. */
function refuseUnread(req: Request, res: Response, info: ErrorInfo): void {
  if (!req.complete) res.setHeader('Connection', 'close');
  sendRefusal(res, info);
}

/**
 * An upload (POST) or a new version (PUT), for the presidium or the organiser: the body streams to a
 * temporary file, hashed, capped and checked by content (server/files/receive.ts); the meeting's cap
 * and the rules are asked before the file takes its name in the store; then the command goes
 * through the meeting's line like any other, so every device hears of it.
 */
export async function upload(
  req: Request,
  res: Response,
  deps: { files: FileStore; log: Logger; limits: UploadLimits },
  room: MeetingRoom,
  asker: Asker,
  what: DocumentCommandInput,
): Promise<void> {
  const { files, limits } = deps;
  if (asker.kind === 'participant' && !manages(asker.participant.role)) return refuseUnread(req, res, error('forbidden', 'only the chair and the secretary add documents'));

  // The rules that do not depend on the file (the item exists, the document is not removed) are
  // asked before a byte is read, with an empty stand-in for it.
  const early = Command.safeParse({ ...what, blob: NO_FILE.sha256 });
  if (!early.success) return refuseUnread(req, res, error('invalid-payload', early.error.issues[0]?.message ?? 'invalid document'));
  const ahead = decideDocumentAs(room.current().state, early.data as DocumentCommand, null, { now: Date.now(), newId: () => 'precheck', blob: NO_FILE });
  if (!ahead.ok) return refuseUnread(req, res, ahead.error);
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxFileBytes)
    return refuseUnread(req, res, error('payload-too-large', `a document is at most ${limits.maxFileBytes} bytes`, 'file-too-large', { max: limits.maxFileBytes }));

  let staged: StagedFile;
  try {
    staged = await files.stage(req, limits.maxFileBytes);
  } catch (e) {
    if (!(e instanceof FileRefused)) {
      // The uploader went away mid-file: nobody to answer.
      if (req.destroyed || req.readableAborted) return;
      throw e;
    }
    const info = e.reason === 'file-too-large' ? error('payload-too-large', e.message, 'file-too-large', { max: e.max! }) : error('invalid-payload', e.message, 'not-a-document');
    return refuseUnread(req, res, info);
  }
  try {
    const blob = staged.facts;
    // The command's own schema has the last word on the query's values (ids, lengths).
    const parsed = Command.safeParse({ ...what, blob: blob.sha256 });
    if (!parsed.success) return sendRefusal(res, error('invalid-payload', parsed.error.issues[0]?.message ?? 'invalid document'));
    const command = parsed.data as DocumentCommand;
    const by = asker.kind === 'admin' ? null : asker.participant.id;
    // Asked before the file takes its name in the store, so a refused upload leaves nothing behind.
    const refused = precheck(room, command, by, blob, limits);
    if (refused) return sendRefusal(res, refused);
    await staged.commit();
    const ack = await run(room, command, asker, blob, limits);
    if (!ack.ok) return sendRefusal(res, ack.error);
    const documentId = command.type === 'document.add' ? ack.documentId : command.documentId;
    const document = room.current().state.documents.find((d) => d.id === documentId);
    deps.log.info('document stored', { meetingId: room.id, documentId, sha256: blob.sha256, bytes: blob.bytes, by });
    res.status(command.type === 'document.add' ? 201 : 200).json({ ok: true, version: ack.version, document });
  } finally {
    await staged.discard();
  }
}

function precheck(room: MeetingRoom, command: DocumentCommand, by: string | null, blob: BlobFacts, limits: UploadLimits): ErrorInfo | null {
  const { state } = room.current();
  if (storedBytes(state, blob) > limits.maxMeetingBytes)
    return error('payload-too-large', `the meeting's documents are at most ${limits.maxMeetingBytes} bytes in all`, 'meeting-files-full', { max: limits.maxMeetingBytes });
  const decision = decideDocumentAs(state, command, by, { now: Date.now(), newId: () => 'precheck', blob });
  return decision.ok ? null : decision.error;
}

/** Through the meeting's line: as the participant (their role checked again there), or as the organiser (`by: null`). */
function run(room: MeetingRoom, command: DocumentCommand, asker: Asker, blob: BlobFacts, limits: UploadLimits): Promise<Ack<CommandResult>> {
  if (asker.kind === 'participant') return room.execute({ participantId: asker.participant.id, role: asker.participant.role }, command);
  const id = newId();
  return room
    .system((state, now) => {
      if (storedBytes(state, blob) > limits.maxMeetingBytes)
        return {
          ok: false,
          error: error('payload-too-large', `the meeting's documents are at most ${limits.maxMeetingBytes} bytes in all`, 'meeting-files-full', { max: limits.maxMeetingBytes }),
        };
      return decideDocumentAs(state, command, null, { now, newId: () => id, blob });
    })
    .then((ack) => (ack.ok && command.type === 'document.add' ? { ...ack, documentId: id } : ack));
}
