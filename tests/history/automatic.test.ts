import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { VERSION_EVERY_MS } from '../../shared/notes/versionPolicy.js';
import { versionsOf } from '../helpers/history.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const NOTES = notesDocName('collective');

describe('versions taken by themselves', () => {
  let server: TestServer;
  let now = Date.UTC(2024, 11, 26, 1, 0);
  const docs: DocClient[] = [];
  let chair: TestClient;
  const open = async (who: string, docName: string) => {
    const c = connectDoc(server.url, server.meeting.meetingId, docName, server.tokenOf(who));
    docs.push(c);
    await c.synced();
    return c;
  };
  const versions = (docName: string) => versionsOf(server.url, server.meeting.meetingId, docName, server.tokenOf('chair'));
  /** Waits until the store holds `text` in the document: everything before is in line behind it. */
  const stored = (client: DocClient, text: string) => waitFor(async () => textOf(client.doc).includes(text), 10_000, text);

  beforeEach(async () => {
    server = await startServer({ clock: () => now });
    chair = await server.connectAs('chair');
  });
  afterEach(async () => {
    for (const d of docs.splice(0)) d.destroy();
    await server.stop();
  });

  it('after every VERSION_EVERY_MS of editing, with who edited since the previous one', async () => {
    const [m1, m2] = [await open('m1', NOTES), await open('m2', NOTES)];
    appendParagraph(m1.doc, 'Ý kiến thứ nhất.');
    await stored(m2, 'thứ nhất');
    now += VERSION_EVERY_MS - 1000;
    appendParagraph(m2.doc, 'Ý kiến thứ hai.');
    await stored(m1, 'thứ hai');
    // Not yet five minutes of editing: a named version is the barrier showing none was taken.
    expect(await chair.send({ type: 'notes.nameVersion', docName: NOTES, label: 'mốc' })).toMatchObject({ ok: true });
    expect((await versions(NOTES)).map((v) => v.kind)).toEqual(['named']);

    now += 1000;
    appendParagraph(m1.doc, 'Ý kiến thứ ba.');
    await stored(m2, 'thứ ba');
    // The named version restarted the clock: five minutes of editing after it make the next one.
    now += VERSION_EVERY_MS;
    appendParagraph(m2.doc, 'Ý kiến thứ tư.');
    await waitFor(async () => (await versions(NOTES))[0].kind === 'auto', 10_000, 'an automatic version');
    const [auto] = await versions(NOTES);
    expect(auto).toMatchObject({ kind: 'auto', at: now, by: null, label: null, textLength: 'Ý kiến thứ nhất.Ý kiến thứ hai.Ý kiến thứ ba.Ý kiến thứ tư.'.length });
    expect(auto.editors).toEqual(['m1', 'm2']);
  });

  it('at agenda transitions for the item’s notes and the minutes, and for every document when the day ends, only when the text changed', async () => {
    expect(await chair.send({ type: 'meeting.start' })).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'agenda.open', itemId: 'collective' })).toMatchObject({ ok: true });
    const [m1, sec] = [await open('m1', NOTES), await open('sec', MINUTES_DOC)];
    appendParagraph(m1.doc, 'Góp ý cho báo cáo tập thể.');
    appendParagraph(sec.doc, 'Biên bản phần kiểm điểm tập thể.');
    await stored(sec, 'Biên bản');
    const other = await open('m2', NOTES);
    await stored(other, 'Góp ý');

    now += 60_000;
    expect(await chair.send({ type: 'agenda.complete', itemId: 'collective' })).toMatchObject({ ok: true });
    await waitFor(async () => (await versions(MINUTES_DOC)).length === 1 && (await versions(NOTES)).length === 1, 10_000, 'transition versions');
    expect((await versions(NOTES))[0]).toMatchObject({ kind: 'transition', at: now, editors: ['m1'] });
    expect((await versions(MINUTES_DOC))[0]).toMatchObject({ kind: 'transition', editors: ['sec'] });

    // Nothing changed since: the day's end takes no version of them, and none of the empty documents.
    now += 60_000;
    expect(await chair.send({ type: 'agenda.open', itemId: 'review-m1' })).toMatchObject({ ok: true });
    expect(await chair.send({ type: 'agenda.complete', itemId: 'review-m1' })).toMatchObject({ ok: true });
    appendParagraph(sec.doc, 'Kết thúc ngày thứ nhất.');
    await stored(sec, 'Kết thúc');
    now += 60_000;
    expect(await chair.send({ type: 'day.switch', day: 2 })).toMatchObject({ ok: true });
    await waitFor(async () => (await versions(MINUTES_DOC))[0].kind === 'day-end', 10_000, 'a day-end version of the minutes');
    // A barrier: the versions are taken in order, the minutes last.
    expect((await versions(NOTES)).map((v) => v.kind)).toEqual(['transition']);
    for (const item of ['open', 'review-m1', 'review-m2', 'close']) expect(await versions(notesDocName(item))).toEqual([]);
  });
});
