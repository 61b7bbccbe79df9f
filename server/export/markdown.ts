import { actualMinutes } from '../../shared/meeting/stats.js';
import { ballotSection } from './ballotSection.js';
import { filedParts } from './filed.js';
import { PARTY_NAME } from './formal.js';
import { dateTime, day, duration, LABEL, minutes, SPEECH_LABEL, STATUS_LABEL } from './format.js';
import type { Block, Run } from './prosemirror.js';
import type { MeetingRecord } from './record.js';
import { DOCUMENT_LABEL, DOCUMENT_TABLE_HEADER, documentTableRow, type DocumentRow } from './documents.js';

/** Characters Markdown would read as syntax anywhere in a line (& starts an entity). */
const escapeText = (text: string) => text.replace(/([\\`*_[\]<>|~#&])/g, '\\$1');
/**
 * Line starts Markdown would read as a block: a list marker, a rule or setext underline (- and =
 * only; * and _ are escaped everywhere), or indentation, which makes a code block. Indentation
 * is dropped: Markdown would not show it as typed either.
 */
function escapeLineStart(line: string): string {
  const text = line.replace(/^[ \t]+/, '');
  if (/^[-=][-= \t]*$/.test(text)) return `\\${text}`;
  return text.replace(/^([-+])(\s|$)/, '\\$1$2').replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3');
}
const cell = (text: string) => escapeText(text).replace(/\r?\n/g, ' ');

function sameMarks(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic;
}

/** Bold and italic runs, with the emphasis markers kept off surrounding spaces (else they show). */
export function inline(runs: Run[]): string {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && sameMarks(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged
    .map((run) => {
      const marker = run.bold && run.italic ? '***' : run.bold ? '**' : run.italic ? '*' : '';
      return run.text
        .split('\n')
        .map((part) => {
          const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part)!;
          return core === '' || marker === '' ? escapeText(part) : `${lead}${marker}${escapeText(core)}${marker}${trail}`;
        })
        .join('\n');
    })
    .join('');
}

/** A document's blocks as Markdown; `shift` pushes its headings below the section they sit in. */
export function blocksToMarkdown(blocks: Block[], shift = 0): string {
  let out = '';
  blocks.forEach((block, i) => {
    const quote = '> '.repeat(block.quote);
    let lead = '';
    let hang = '';
    if (block.list) {
      const marker = block.list.ordered ? `${block.list.number}. ` : '- ';
      const indent = '   '.repeat(block.list.depth);
      lead = indent + (block.list.first ? marker : ' '.repeat(marker.length));
      hang = indent + ' '.repeat(marker.length);
    }
    let text: string;
    if (block.kind === 'rule') text = '---';
    else if (block.kind === 'heading') text = `${'#'.repeat(Math.min(6, (block.level ?? 1) + shift))} ${inline(block.runs)}`;
    // Every line of it: after a line break, a list marker or a rule would start a new block.
    else text = inline(block.runs).split('\n').map(escapeLineStart).join('\n');
    // A line break inside a paragraph: a backslash at the end of the line, then the same prefix.
    const body = text
      .split('\n')
      .map((part, j) => (j === 0 ? part : quote + hang + part))
      .join('\\\n');
    const prev = blocks[i - 1];
    if (prev) {
      const tight = prev.list !== undefined && block.list !== undefined;
      const sharedQuote = Math.min(prev.quote, block.quote);
      // Items of one list stay tight; other blocks get a blank line, inside a shared quote if any.
      out += tight ? '\n' : `\n${'>'.repeat(sharedQuote)}\n`;
    }
    out += quote + lead + body;
  });
  return out;
}

export function recordToMarkdown(record: MeetingRecord): string {
  const { state, generatedAt } = record;
  const tz = state.timeZone;
  const at = (ms: number | null) => (ms === null ? '—' : dateTime(ms, tz));
  const out: string[] = [];
  const para = (...lines: string[]) => out.push(lines.join('\n'), '');

  const filed = filedParts(state, generatedAt);
  // The Party header's two halves, one after the other: Markdown has no columns.
  para(...(filed.parentBody ? [`${escapeText(filed.parentBody.toUpperCase())}  `] : []), `**${escapeText(filed.body.toUpperCase())}**`);
  para(`**${PARTY_NAME}**  `, `*${escapeText(filed.placeDate)}*`);
  para(`# ${filed.title}: ${escapeText(state.title)}`);
  para(
    `**${LABEL.organisation}:** ${escapeText(state.organisation)}  `,
    ...(state.location ? [`**${LABEL.location}:** ${escapeText(state.location)}  `] : []),
    `**${LABEL.days}:** ${state.days.map(day).join(', ')}  `,
    `**${LABEL.started}:** ${at(state.startedAt)}  `,
    `**${LABEL.ended}:** ${at(state.endedAt)}  `,
    ...filed.presidium.map(([label, value], i) => `**${label}:** ${escapeText(value)}${i < filed.presidium.length - 1 ? '  ' : ''}`),
  );

  para(`## ${LABEL.attendance}`);
  para(...filed.attendance.map(({ label, names }, i) => `**${label}:** ${escapeText(names.join(', ') || '—')}${i < filed.attendance.length - 1 ? '  ' : ''}`));
  para(escapeText(filed.quorum));

  para(`## ${LABEL.agenda}`);
  para(
    `| # | ${LABEL.item} | ${LABEL.day} | ${LABEL.planned} | ${LABEL.started} | ${LABEL.ended} | ${LABEL.actual} | ${LABEL.status} |`,
    '|---|---|---|---|---|---|---|---|',
    ...record.items.map(
      ({ item }, i) =>
        `| ${i + 1} | ${cell(item.title)} | ${day(state.days[item.day - 1] ?? '')} | ${minutes(item.plannedMinutes)} | ${at(item.startedAt)} | ${at(item.endedAt)} | ${minutes(actualMinutes(item, generatedAt))} | ${STATUS_LABEL[item.status]} |`,
    ),
  );

  const documentTable = (rows: DocumentRow[]) =>
    para(
      `| ${DOCUMENT_TABLE_HEADER.map(cell).join(' | ')} |`,
      `|${DOCUMENT_TABLE_HEADER.map(() => '---|').join('')}`,
      ...rows.map((r) => `| ${documentTableRow(r).map(cell).join(' | ')} |`),
    );
  if (record.documents.meeting.length > 0) {
    para(`## ${DOCUMENT_LABEL.meetingDocuments}`);
    documentTable(record.documents.meeting);
  }

  record.items.forEach(({ item, presenter, speeches, notes, authors }, i) => {
    para(`## ${i + 1}. ${escapeText(item.title)}`);
    const facts = [
      ...(presenter ? [`${LABEL.presenter}: ${escapeText(presenter)}`] : []),
      `${LABEL.planned}: ${minutes(item.plannedMinutes)}`,
      `${LABEL.actual}: ${minutes(actualMinutes(item, generatedAt))} (${at(item.startedAt)} – ${at(item.endedAt)})`,
    ];
    para([`${LABEL.status}: ${STATUS_LABEL[item.status]}`, ...facts].join(' · '));
    para(`### ${LABEL.speeches}`);
    if (speeches.length === 0) para(`*${LABEL.noSpeeches}*`);
    else
      para(
        `| ${LABEL.speaker} | ${LABEL.kind} | ${LABEL.at} | ${LABEL.length} |`,
        '|---|---|---|---|',
        ...speeches.map((s) => `| ${cell(s.name)} | ${SPEECH_LABEL[s.kind]} | ${at(s.startedAt)} | ${duration(s.durationSec)}${s.ongoing ? ` (${LABEL.ongoing})` : ''} |`),
      );
    para(`### ${LABEL.notes}`);
    para(notes.length > 0 ? blocksToMarkdown(notes, 3) : `*${LABEL.noNotes}*`);
    if (authors.length > 0) para(`*${LABEL.notesAuthors}: ${authors.map(cell).join(', ')}*`);
    const documents = record.documents.byItem.get(item.id);
    if (documents) {
      para(`### ${DOCUMENT_LABEL.documents}`);
      documentTable(documents);
    }
  });

  // Only when there are any: most meetings remove nothing, and their record reads as before.
  if (record.removed.length > 0) {
    para(`## ${LABEL.removed}`);
    para(LABEL.removedIntro);
    for (const { item, notes } of record.removed) {
      para(`### ${escapeText(item.title)}`);
      para(`${LABEL.day}: ${day(state.days[item.day - 1] ?? '')} · ${LABEL.removedAt}: ${at(item.removedAt)}`);
      para(notes.length > 0 ? blocksToMarkdown(notes, 3) : `*${LABEL.noNotes}*`);
      const documents = record.documents.byItem.get(item.id);
      if (documents) documentTable(documents);
    }
  }

  para(`## ${LABEL.minutes}`);
  para(record.minutes.length > 0 ? blocksToMarkdown(record.minutes, 2) : `*${LABEL.noMinutes}*`);

  para(`## ${LABEL.ballots}`);
  if (record.ballots.length === 0) para(`*${LABEL.noBallots}*`);
  for (const entry of record.ballots) {
    const { title, facts, table, notes } = ballotSection(entry, tz);
    para(`### ${escapeText(title)}`);
    para(facts.map(([label, value], i) => `**${label}:** ${cell(value)}${i < facts.length - 1 ? '  ' : ''}`).join('\n'));
    if (table) para(`| ${table.header.map(cell).join(' | ')} |`, `|${table.header.map(() => '---|').join('')}`, ...table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`));
    for (const note of notes) para(escapeLineStart(cell(note)));
  }

  para(`## ${LABEL.committee}`);
  if (filed.committee) para(escapeText(filed.committee.basis), '', ...filed.committee.members.map((name) => `- ${cell(name)}`));
  else para(`*${LABEL.noCommittee}*`);

  para(`## ${LABEL.notices}`);
  if (record.notices.length === 0) para(`*${LABEL.noNotices}*`);
  else para(LABEL.noticesIntro, '', ...record.notices.map((line) => `- ${cell(line)}`));

  para(`*${LABEL.generated} ${dateTime(generatedAt, tz)}*`);
  for (const signer of filed.signers) para(`**${signer.title.toUpperCase()}**  `, '*(Ký, ghi rõ họ tên)*  ', escapeText(signer.names.join(', ') || '………………………'));
  return out.join('\n');
}
