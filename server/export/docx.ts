import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { actualMinutes } from '../../shared/meeting/stats.js';
import { ballotSection } from './ballotSection.js';
import { dateTime, day, duration, LABEL, minutes, SPEECH_LABEL, STATUS_LABEL } from './format.js';
import type { Block, Run } from './prosemirror.js';
import type { MeetingRecord } from './record.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const heading = (level: number) => HEADINGS[Math.min(6, Math.max(1, level)) - 1];
/** Twentieths of a point: a list level or a quote level is indented by half an inch. */
const STEP = 720;

function textRuns(runs: Run[]): TextRun[] {
  return runs.flatMap((run) => run.text.split('\n').map((text, i) => new TextRun({ text, bold: run.bold, italics: run.italic, break: i > 0 ? 1 : undefined })));
}

/** One document block as a Word paragraph; numbers are written out so each list keeps its own. */
function blockParagraph(block: Block, shift: number): Paragraph {
  if (block.kind === 'rule') {
    return new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } });
  }
  const runs = textRuns(block.runs);
  if (block.kind === 'heading') return new Paragraph({ heading: heading((block.level ?? 1) + shift), children: runs });
  const quoteIndent = block.quote * STEP;
  if (block.list && !block.list.ordered && block.list.first) {
    return new Paragraph({
      bullet: { level: Math.min(8, block.list.depth) },
      children: runs,
      indent: quoteIndent ? { left: quoteIndent + (block.list.depth + 1) * STEP } : undefined,
    });
  }
  if (block.list) {
    const left = quoteIndent + (block.list.depth + 1) * STEP;
    const marker = block.list.first ? [new TextRun({ text: `${block.list.number}.\t` })] : [];
    return new Paragraph({ children: [...marker, ...runs], indent: { left, hanging: block.list.first ? STEP / 2 : 0 } });
  }
  return new Paragraph({ children: runs, indent: quoteIndent ? { left: quoteIndent } : undefined, style: block.quote > 0 ? 'Quote' : undefined });
}

function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}

const plain = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const fact = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

export async function recordToDocx(record: MeetingRecord): Promise<Buffer> {
  const { state, generatedAt } = record;
  const tz = state.timeZone;
  const at = (ms: number | null) => (ms === null ? '—' : dateTime(ms, tz));
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(state.title)] }),
    fact(LABEL.organisation, state.organisation),
    ...(state.location ? [fact(LABEL.location, state.location)] : []),
    fact(LABEL.days, state.days.map(day).join(', ')),
    fact(LABEL.started, at(state.startedAt)),
    fact(LABEL.ended, at(state.endedAt)),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(LABEL.agenda)] }),
    table(
      ['#', LABEL.item, LABEL.day, LABEL.planned, LABEL.started, LABEL.ended, LABEL.actual, LABEL.status],
      record.items.map(({ item }, i) => [
        String(i + 1),
        item.title,
        day(state.days[item.day - 1] ?? ''),
        minutes(item.plannedMinutes),
        at(item.startedAt),
        at(item.endedAt),
        minutes(actualMinutes(item, generatedAt)),
        STATUS_LABEL[item.status],
      ]),
    ),
  ];

  record.items.forEach(({ item, presenter, speeches, notes, authors }, i) => {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${i + 1}. ${item.title}`)] }));
    if (presenter) body.push(fact(LABEL.presenter, presenter));
    body.push(fact(LABEL.planned, minutes(item.plannedMinutes)));
    body.push(fact(LABEL.actual, `${minutes(actualMinutes(item, generatedAt))} (${at(item.startedAt)} – ${at(item.endedAt)})`));
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(LABEL.speeches)] }));
    body.push(
      speeches.length === 0
        ? plain(LABEL.noSpeeches, { italics: true })
        : table(
            [LABEL.speaker, LABEL.kind, LABEL.at, LABEL.length],
            speeches.map((s) => [s.name, SPEECH_LABEL[s.kind], at(s.startedAt), `${duration(s.durationSec)}${s.ongoing ? ` (${LABEL.ongoing})` : ''}`]),
          ),
    );
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(LABEL.notes)] }));
    body.push(...(notes.length > 0 ? notes.map((b) => blockParagraph(b, 2)) : [plain(LABEL.noNotes, { italics: true })]));
    if (authors.length > 0) body.push(fact(LABEL.notesAuthors, authors.join(', ')));
  });

  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(LABEL.minutes)] }));
  body.push(...(record.minutes.length > 0 ? record.minutes.map((b) => blockParagraph(b, 1)) : [plain(LABEL.noMinutes, { italics: true })]));

  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(LABEL.ballots)] }));
  if (record.ballots.length === 0) body.push(plain(LABEL.noBallots, { italics: true }));
  for (const entry of record.ballots) {
    const { title, facts, table: counts, notes } = ballotSection(entry, tz);
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(title)] }));
    body.push(...facts.map(([label, value]) => fact(label, value)));
    if (counts) body.push(table(counts.header, counts.rows));
    body.push(...notes.map((note) => plain(note)));
  }

  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(LABEL.notices)] }));
  if (record.notices.length === 0) body.push(plain(LABEL.noNotices, { italics: true }));
  else body.push(plain(LABEL.noticesIntro), ...record.notices.map((line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line)] })));
  body.push(plain(`${LABEL.generated} ${dateTime(generatedAt, tz)}`, { italics: true }));

  const doc = new Document({
    title: state.title,
    creator: 'Phòng họp',
    // Times New Roman 13 pt: the usual face of Vietnamese administrative documents, with every diacritic.
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
