import { actualMinutes } from '../../shared/meeting/stats.js';
import { ballotSection } from './ballotSection.js';
import { filedParts } from './filed.js';
import type { FormalBlock, FormalDocument } from './formal.js';
import { formalToDocx } from './formalDocx.js';
import { formalToPdf } from './formalPdf.js';
import { dateTime, day, duration, LABEL, minutes, SPEECH_LABEL, STATUS_LABEL } from './format.js';
import type { MeetingRecord } from './record.js';
import { DOCUMENT_LABEL, DOCUMENT_TABLE_HEADER, documentTableRow, type DocumentRow } from './documents.js';

const italic = (text: string): FormalBlock => ({ kind: 'text', text, italic: true });
const fact = (label: string, value: string): FormalBlock => ({ kind: 'fact', label, value });
const h = (level: 1 | 2 | 3, text: string): FormalBlock => ({ kind: 'heading', level, text });

/**
 * The meeting's written record as the body files it (biên bản hội nghị), for the DOCX and PDF
 * writers: the Party header and the title, who chaired and who wrote it, attendance and the quorum,
 * the agenda with each item's times, speakers and notes, the minutes, the ballots with self-ratings
 * and proposed levels, the counting committee, the notices, and the signature blocks.
 */
export function minutesDocument(record: MeetingRecord): FormalDocument {
  const { state, generatedAt } = record;
  const tz = state.timeZone;
  const at = (ms: number | null) => (ms === null ? '—' : dateTime(ms, tz));
  const filed = filedParts(state, generatedAt);
  const body: FormalBlock[] = [
    { kind: 'party-header', parentBody: filed.parentBody, body: filed.body, placeDate: filed.placeDate },
    { kind: 'title', text: filed.title, subtitle: state.title },
    fact(LABEL.organisation, state.organisation),
    ...(state.location ? [fact(LABEL.location, state.location)] : []),
    fact(LABEL.days, state.days.map(day).join(', ')),
    fact(LABEL.started, at(state.startedAt)),
    fact(LABEL.ended, at(state.endedAt)),
    ...filed.presidium.map(([label, value]) => fact(label, value)),
    h(1, LABEL.attendance),
    ...filed.attendance.map(({ label, names }) => fact(label, names.join(', ') || '—')),
    { kind: 'text', text: filed.quorum },
    h(1, LABEL.agenda),
    {
      kind: 'table',
      header: ['#', LABEL.item, LABEL.day, LABEL.planned, LABEL.started, LABEL.ended, LABEL.actual, LABEL.status],
      rows: record.items.map(({ item }, i) => [
        String(i + 1),
        item.title,
        day(state.days[item.day - 1] ?? ''),
        minutes(item.plannedMinutes),
        at(item.startedAt),
        at(item.endedAt),
        minutes(actualMinutes(item, generatedAt)),
        STATUS_LABEL[item.status],
      ]),
    },
  ];

  const documentTable = (rows: DocumentRow[]): FormalBlock => ({ kind: 'table', header: [...DOCUMENT_TABLE_HEADER], rows: rows.map(documentTableRow) });
  if (record.documents.meeting.length > 0) body.push(h(1, DOCUMENT_LABEL.meetingDocuments), documentTable(record.documents.meeting));

  record.items.forEach(({ item, presenter, speeches, notes, authors }, i) => {
    body.push(h(1, `${i + 1}. ${item.title}`));
    if (presenter) body.push(fact(LABEL.presenter, presenter));
    body.push(fact(LABEL.status, STATUS_LABEL[item.status]));
    body.push(fact(LABEL.planned, minutes(item.plannedMinutes)));
    body.push(fact(LABEL.actual, `${minutes(actualMinutes(item, generatedAt))} (${at(item.startedAt)} – ${at(item.endedAt)})`));
    body.push(h(2, LABEL.speeches));
    body.push(
      speeches.length === 0
        ? italic(LABEL.noSpeeches)
        : {
            kind: 'table',
            header: [LABEL.speaker, LABEL.kind, LABEL.at, LABEL.length],
            rows: speeches.map((s) => [s.name, SPEECH_LABEL[s.kind], at(s.startedAt), `${duration(s.durationSec)}${s.ongoing ? ` (${LABEL.ongoing})` : ''}`]),
          },
    );
    body.push(h(2, LABEL.notes));
    body.push(notes.length > 0 ? { kind: 'rich', blocks: notes, shift: 2 } : italic(LABEL.noNotes));
    if (authors.length > 0) body.push(fact(LABEL.notesAuthors, authors.join(', ')));
    const documents = record.documents.byItem.get(item.id);
    if (documents) body.push(h(2, DOCUMENT_LABEL.documents), documentTable(documents));
  });

  if (record.removed.length > 0) {
    body.push(h(1, LABEL.removed), { kind: 'text', text: LABEL.removedIntro });
    for (const { item, notes } of record.removed) {
      body.push(h(2, item.title), fact(LABEL.day, day(state.days[item.day - 1] ?? '')), fact(LABEL.removedAt, at(item.removedAt)));
      body.push(notes.length > 0 ? { kind: 'rich', blocks: notes, shift: 2 } : italic(LABEL.noNotes));
      const documents = record.documents.byItem.get(item.id);
      if (documents) body.push(documentTable(documents));
    }
  }

  body.push(h(1, LABEL.minutes));
  body.push(record.minutes.length > 0 ? { kind: 'rich', blocks: record.minutes, shift: 1 } : italic(LABEL.noMinutes));

  body.push(h(1, LABEL.ballots));
  if (record.ballots.length === 0) body.push(italic(LABEL.noBallots));
  for (const entry of record.ballots) {
    const { title, facts, table, notes } = ballotSection(entry, tz);
    body.push(h(2, title), ...facts.map(([label, value]) => fact(label, value)));
    if (table) body.push({ kind: 'table', header: table.header, rows: table.rows });
    body.push(...notes.map((text): FormalBlock => ({ kind: 'text', text })));
  }

  body.push(h(1, LABEL.committee));
  if (filed.committee) body.push({ kind: 'text', text: filed.committee.basis }, ...filed.committee.members.map((text): FormalBlock => ({ kind: 'bullet', text })));
  else body.push(italic(LABEL.noCommittee));

  body.push(h(1, LABEL.notices));
  if (record.notices.length === 0) body.push(italic(LABEL.noNotices));
  else body.push({ kind: 'text', text: LABEL.noticesIntro }, ...record.notices.map((text): FormalBlock => ({ kind: 'bullet', text })));
  body.push(italic(`${LABEL.generated} ${dateTime(generatedAt, tz)}`));
  body.push({ kind: 'signatures', signers: filed.signers });
  return { title: state.title, blocks: body };
}

export function recordToDocx(record: MeetingRecord): Promise<Buffer> {
  return formalToDocx(minutesDocument(record));
}

export function recordToPdf(record: MeetingRecord): Promise<Buffer> {
  return formalToPdf(minutesDocument(record));
}
