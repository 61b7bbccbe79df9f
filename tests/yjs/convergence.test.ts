import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { connectDoc, type DocClient } from '../helpers/yjs.js';
import { seeded } from '../helpers/random.js';

const NOTES = notesDocName('review-m1');
/** Ten tabs of the six note editors (some people have two open). */
const TABS = ['chair', 'sec', 'm1', 'm2', 'm3', 'm4', 'chair', 'sec', 'm1', 'm2'];
const SEED = 20241226;
const ROUNDS = 40;

const WORDS = ['Đảng bộ', 'khắc phục', 'hạn chế', 'trách nhiệm', 'nêu gương', 'ưu điểm', 'nguyên nhân', 'giải pháp', 'đồng chí', 'kỷ luật'];

/** The editor content as XML, marks included: equal strings mean equal documents. */
const contentOf = (doc: Y.Doc) => doc.getXmlFragment(TIPTAP_FIELD).toString();

/** One random edit in TipTap's layout: a new paragraph, text typed or deleted in one, a bold span, a paragraph removed. */
function randomEdit(doc: Y.Doc, rand: () => number, tag: string): void {
  const fragment = doc.getXmlFragment(TIPTAP_FIELD);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const paragraphs = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
  const roll = rand();
  if (paragraphs.length === 0 || roll < 0.2) {
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, `${pick(WORDS)} ${tag}`);
    p.insert(0, [text]);
    fragment.insert(Math.floor(rand() * (fragment.length + 1)), [p]);
    return;
  }
  const text = pick(paragraphs).get(0);
  if (!(text instanceof Y.XmlText)) return;
  const length = text.length;
  if (roll < 0.6) {
    text.insert(Math.floor(rand() * (length + 1)), ` ${pick(WORDS)}`);
  } else if (roll < 0.8 && length > 0) {
    const at = Math.floor(rand() * length);
    text.delete(at, Math.min(length - at, 1 + Math.floor(rand() * 6)));
  } else if (roll < 0.93 && length > 0) {
    const at = Math.floor(rand() * length);
    text.format(at, Math.min(length - at, 1 + Math.floor(rand() * 8)), { bold: {} });
  } else if (fragment.length > 1) {
    fragment.delete(Math.floor(rand() * fragment.length), 1);
  }
}

describe('ten clients editing at once', () => {
  let server: TestServer;
  const clients: DocClient[] = [];
  beforeEach(async () => {
    server = await startServer({ compactEvery: 25 });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('converge to one document, which is what a fresh client loads after a restart', async () => {
    const rand = seeded(SEED);
    const tabs = TABS.map((id) => {
      const c = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf(id));
      clients.push(c);
      return c;
    });
    await Promise.all(tabs.map((c) => c.synced()));

    for (let round = 0; round < ROUNDS; round++) {
      // Every tab makes a few edits on its own copy before hearing from the others.
      tabs.forEach((c, i) => {
        const edits = 1 + Math.floor(rand() * 4);
        for (let e = 0; e < edits; e++) randomEdit(c.doc, rand, `${TABS[i]}${i}-${round}-${e}`);
      });
      // Now and then a tab drops off, edits offline for a round, and comes back.
      const flaky = tabs[Math.floor(rand() * tabs.length)];
      if (rand() < 0.2 && flaky.provider.shouldConnect) flaky.provider.disconnect();
      else if (!flaky.provider.shouldConnect) flaky.provider.connect();
      // Let some messages through, but not all: the next round edits on partly stale copies.
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 15)));
    }
    for (const c of tabs) if (!c.provider.shouldConnect) c.provider.connect();

    const converged = () => tabs.every((c) => c.provider.synced && contentOf(c.doc) === contentOf(tabs[0].doc));
    await waitFor(converged, 20_000, 'the ten copies to converge');
    const final = contentOf(tabs[0].doc);
    expect(final.length).toBeGreaterThan(500);
    for (const c of tabs) expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(tabs[0].doc));

    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const fresh = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf('obs'));
    clients.push(fresh);
    await fresh.synced();
    expect(contentOf(fresh.doc)).toBe(final);
  }, 120_000);
});
