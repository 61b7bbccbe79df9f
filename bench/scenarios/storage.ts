/**
 * Storage: the bytes a notes document's stored log takes after a typing session, beside the
 * document's encoded size. Three editors type at 2 keystrokes per second each (one in twelve a
 * backspace), a sentence of 30 s at a time in paragraphs of their own, with a pause between
 * sentences (the speaker talks) longer than DOC_COMPACT_PAUSE_MS. Full run: a 20-minute session
 * (7,200 keystrokes); quick run: 2 minutes.
 *
 * The session is played faster than typed: each sentence's keystrokes go out 15 ms apart per
 * editor, and each pause lasts 2.5 s of real time, so the compaction rules see what they would see
 * in the room (a pause after every sentence; `DOC_COMPACT_EVERY` updates reached every other one)
 * without the benchmark lasting twenty minutes. The editors are unmodified y-websocket providers
 * against our server on SQLite (in this process, so the store answers `docStoredBytes` directly).
 *
 * Reported: the log's bytes at the end (after the last pause), and when each sentence ended (before
 * that pause's compaction: the largest and the mean), each divided by the encoded document
 * (`storedPerEncoded`, the headline; `peakPerEncoded`, `meanPerEncoded`); `appendedKb` is what the
 * editors sent, which a log never compacted would hold.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';
import { notesDocName } from '../../shared/notes/access.js';
import { DOC_COMPACT_PAUSE_MS } from '../../shared/notes/limits.js';
import { startServer } from '../../tests/helpers/server.js';
import { waitFor } from '../../tests/helpers/wait.js';
import { connectDoc, type DocClient } from '../../tests/helpers/yjs.js';
import type { Measurement, Scenario } from '../lib/scenario.js';

const EDITORS = ['m1', 'm2', 'm3'];
const KEYS_PER_SECOND = 2;
/** Keystrokes in one sentence: 30 s of typing. */
const SENTENCE = 60;
const KEY_GAP_MS = 15;
const PAUSE_MS = DOC_COMPACT_PAUSE_MS + 500;
const DOC = notesDocName('collective');
const WORDS = ['tập thể', 'đã', 'lãnh đạo', 'hoàn thành', 'chỉ tiêu', 'còn', 'hạn chế', 'trong', 'giải ngân', 'vốn', 'đầu tư', 'công', 'cần', 'làm rõ', 'trách nhiệm', 'cá nhân'];

/** A deterministic stream of typed characters (Vietnamese words, spaces and full stops). */
function* typing(seed: number): Generator<string> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const word = WORDS[x % WORDS.length];
    yield* word;
    yield x % 7 === 0 ? '. ' : ' ';
  }
}

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

async function session(minutes: number, say: (l: string) => void): Promise<Measurement['values']> {
  const server = await startServer({ logLevel: 'error' });
  const clients: DocClient[] = [];
  try {
    const editors = EDITORS.map((id) => connectDoc(server.url, server.meeting.meetingId, DOC, server.tokenOf(id)));
    const watcher = connectDoc(server.url, server.meeting.meetingId, DOC, server.tokenOf('m4'));
    clients.push(...editors, watcher);
    await Promise.all(clients.map((c) => c.synced()));
    let appended = 0;
    for (const e of editors) e.doc.on('update', (u: Uint8Array, origin: unknown) => void (origin !== e.provider && (appended += u.byteLength)));
    const streams = editors.map((_, i) => typing(i + 1));
    const stored = () => server.store.docStoredBytes(server.meeting.meetingId, DOC);
    const encoded = () => Y.encodeStateAsUpdate(watcher.doc).byteLength;
    const caughtUp = () => waitFor(() => editors.every((e) => sameState(e.doc, watcher.doc)), 30_000, 'the watcher to hold every keystroke');

    const keystrokes = minutes * 60 * KEYS_PER_SECOND * EDITORS.length;
    const rounds = Math.ceil(keystrokes / (SENTENCE * EDITORS.length));
    const atSentenceEnd: number[] = [];
    let typed = 0;
    for (let round = 0; round < rounds; round++) {
      // Each editor starts a paragraph of their own for the sentence.
      const texts = editors.map((e) => {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        const fragment = e.doc.getXmlFragment(TIPTAP_FIELD);
        fragment.insert(fragment.length, [paragraph]);
        return text;
      });
      for (let k = 0; k < SENTENCE; k++) {
        editors.forEach((_, i) => {
          const text = texts[i];
          // One keystroke in twelve corrects the last character typed.
          if (k % 12 === 11 && text.length > 0) text.delete(text.length - 1, 1);
          else text.insert(text.length, streams[i].next().value as string);
        });
        typed += editors.length;
        await sleep(KEY_GAP_MS);
      }
      await caughtUp();
      atSentenceEnd.push((await stored()) / encoded());
      await sleep(PAUSE_MS);
      if ((round + 1) % 10 === 0) say(`${round + 1}/${rounds} sentences: log ${((await stored()) / 1024).toFixed(0)} KiB, document ${(encoded() / 1024).toFixed(0)} KiB`);
    }
    await caughtUp();
    const storedBytes = await stored();
    const encodedBytes = encoded();
    return {
      keystrokes: typed,
      encodedKb: encodedBytes / 1024,
      storedKb: storedBytes / 1024,
      storedPerEncoded: storedBytes / encodedBytes,
      peakPerEncoded: Math.max(...atSentenceEnd),
      meanPerEncoded: atSentenceEnd.reduce((a, b) => a + b, 0) / atSentenceEnd.length,
      appendedKb: appended / 1024,
    };
  } finally {
    for (const c of clients) c.destroy();
    await server.stop();
  }
}

const scenario: Scenario = {
  name: 'storage',
  title: `Stored bytes of one notes document after a typing session: ${EDITORS.length} editors at ${KEYS_PER_SECOND} keystrokes/s, a pause after every 30 s sentence; the log beside the encoded document`,
  headline: 'storedPerEncoded',
  async run({ quick, say }) {
    const minutes = quick ? 2 : 20;
    const values = await session(minutes, say);
    return [
      {
        scenario: 'storage',
        case: `${minutes} min, ${EDITORS.length} editors`,
        system: 'ours (SQLite)',
        role: 'ours',
        values,
        note: 'the log after the last pause, and at the end of each sentence (largest, mean), as multiples of the encoded document; appendedKb: what the editors sent (an uncompacted log)',
      },
    ];
  },
};

export default scenario;
