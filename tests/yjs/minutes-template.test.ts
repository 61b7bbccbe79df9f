import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_MINUTES_SECTIONS } from '../../shared/meeting/state.js';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { blocksOf, TIPTAP_FIELD } from '../../server/export/prosemirror.js';
import { minutesTemplateUpdate } from '../../server/yjs/minutesTemplate.js';
import { startCluster, tokenIn, type Cluster } from '../helpers/cluster.js';
import { testDefinition } from '../helpers/definitions.js';
import { readDocx } from '../helpers/docx.js';
import { redisAvailable } from '../helpers/redis.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

/**
 * The minutes (biên bản hội nghị) start from the definition's template (`record.minutesSections`) the
 * first time they are opened: each section a heading, in order, stored like any edit, so every
 * editor, the history and the export see it. Never twice: not on a reopen, not when two instances
 * open the empty minutes at once. Read through real y-websocket clients.
 */
const SECTIONS = ['Thời gian, địa điểm', 'Thành phần tham dự', 'Nội dung', 'Kết luận của chủ trì'];

/** The minutes' headings and their levels, as TipTap's XML has them. */
function headings(doc: Y.Doc): [string, number][] {
  return doc
    .getXmlFragment(TIPTAP_FIELD)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading')
    .map((h) => [
      h
        .toArray()
        .map((t) => (t instanceof Y.XmlText ? t.toString() : ''))
        .join(''),
      Number(h.getAttribute('level')),
    ]);
}

const withRedis = await redisAvailable();
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

function open(url: string, meetingId: string, docName: string, token: string): DocClient {
  const client = connectDoc(url, meetingId, docName, token);
  cleanups.push(() => client.destroy());
  return client;
}

describe("the minutes' template", () => {
  it('is the same update wherever it is made, so two of them are one', () => {
    const a = minutesTemplateUpdate(SECTIONS)!;
    expect(minutesTemplateUpdate(SECTIONS)).toEqual(a);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, a);
    Y.applyUpdate(doc, minutesTemplateUpdate(SECTIONS)!);
    expect(headings(doc)).toEqual(SECTIONS.map((s) => [s, 2]));
    expect(minutesTemplateUpdate([])).toBeNull();
  });

  it("starts the minutes with the definition's sections, once, stored, with room to write under each", { timeout: 30_000 }, async () => {
    const server: TestServer = await startServer({ definition: testDefinition({ record: { parentBody: '', minutesSections: SECTIONS } }) });
    cleanups.push(() => server.stop());
    const meetingId = server.meeting.meetingId;
    // Nothing is stored before anyone opens the minutes.
    expect((await server.store.loadDoc(meetingId, MINUTES_DOC)).updates).toEqual([]);

    const sec = open(server.url, meetingId, MINUTES_DOC, server.tokenOf('sec'));
    const chair = open(server.url, meetingId, MINUTES_DOC, server.tokenOf('chair'));
    await Promise.all([sec.synced(), chair.synced()]);
    expect(headings(sec.doc)).toEqual(SECTIONS.map((s) => [s, 2]));
    expect(headings(chair.doc)).toEqual(headings(sec.doc));
    // Each heading has an empty paragraph under it, for the secretary to write in.
    const nodes = sec.doc.getXmlFragment(TIPTAP_FIELD).toArray() as Y.XmlElement[];
    expect(nodes.map((n) => n.nodeName)).toEqual(SECTIONS.flatMap(() => ['heading', 'paragraph']));
    // An item's notes get no template: only the minutes do.
    const notes = open(server.url, meetingId, notesDocName('open'), server.tokenOf('sec'));
    await notes.synced();
    expect(textOf(notes.doc)).toBe('');

    // The secretary writes; everyone leaves; the minutes open again as they were, the template not repeated.
    appendParagraph(sec.doc, 'Hội nghị khai mạc lúc 08 giờ.');
    await waitFor(async () => (await server.store.loadDoc(meetingId, MINUTES_DOC)).updates.length >= 2, 5000, 'the edit to be stored');
    sec.destroy();
    chair.destroy();
    // Unloaded once the last one left: the log is compacted into one update.
    await waitFor(async () => (await server.store.loadDoc(meetingId, MINUTES_DOC)).updates.length === 1, 10_000, 'the minutes to be unloaded');
    const again = open(server.url, meetingId, MINUTES_DOC, server.tokenOf('sec'));
    await again.synced();
    expect(headings(again.doc)).toEqual(SECTIONS.map((s) => [s, 2]));
    expect(textOf(again.doc)).toContain('Hội nghị khai mạc lúc 08 giờ.');

    // The record has them as the minutes' headings.
    const res = await fetch(`${server.url}/api/meetings/${meetingId}/export?format=docx`, { headers: { authorization: `Bearer ${server.tokenOf('chair')}` } });
    const docx = await readDocx(await res.arrayBuffer());
    const minutes = docx.paragraphs.slice(docx.paragraphs.lastIndexOf('Biên bản') + 1);
    expect(minutes.filter((p) => SECTIONS.includes(p))).toEqual(SECTIONS);
    expect(docx.xml).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]{0,200}Thời gian, địa điểm/);
    expect(minutes).toContain('Hội nghị khai mạc lúc 08 giờ.');
  });

  it('defaults to the usual sections of a biên bản hội nghị; an empty list starts the minutes empty', { timeout: 30_000 }, async () => {
    const byDefault = await startServer({ definition: testDefinition({ record: undefined }) });
    cleanups.push(() => byDefault.stop());
    const sec = open(byDefault.url, byDefault.meeting.meetingId, MINUTES_DOC, byDefault.tokenOf('sec'));
    await sec.synced();
    expect(headings(sec.doc).map(([title]) => title)).toEqual(DEFAULT_MINUTES_SECTIONS);

    const empty = await startServer({ definition: testDefinition({ record: { parentBody: '', minutesSections: [] } }) });
    cleanups.push(() => empty.stop());
    const blank = open(empty.url, empty.meeting.meetingId, MINUTES_DOC, empty.tokenOf('sec'));
    await blank.synced();
    expect(textOf(blank.doc)).toBe('');
    expect((await empty.store.loadDoc(empty.meeting.meetingId, MINUTES_DOC)).updates).toEqual([]);
  });

  it.runIf(withRedis)('is written once when two instances open the empty minutes at the same moment', { timeout: 30_000 }, async () => {
    const cluster: Cluster = await startCluster(2, { definition: testDefinition({ record: { parentBody: '', minutesSections: SECTIONS } }) });
    cleanups.push(() => cluster.stop());
    const meetingId = cluster.meeting.meetingId;
    const [a, b] = [
      open(cluster.instances[0].url, meetingId, MINUTES_DOC, tokenIn(cluster.meeting, 'sec')),
      open(cluster.instances[1].url, meetingId, MINUTES_DOC, tokenIn(cluster.meeting, 'chair')),
    ];
    await Promise.all([a.synced(), b.synced()]);
    appendParagraph(a.doc, 'Ghi từ máy thứ nhất.');
    await waitFor(() => textOf(b.doc).includes('Ghi từ máy thứ nhất.'), 5000, 'the edit to reach the other instance');
    for (const client of [a, b]) expect(headings(client.doc)).toEqual(SECTIONS.map((s) => [s, 2]));
    // The stored log, whatever it holds, makes the template once.
    const stored = new Y.Doc();
    for (const u of (await cluster.instances[0].opened.store.loadDoc(meetingId, MINUTES_DOC)).updates) Y.applyUpdate(stored, u);
    expect(blocksOf(stored).filter((bl) => bl.kind === 'heading')).toHaveLength(SECTIONS.length);
  });
});
