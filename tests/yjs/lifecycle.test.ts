import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf } from '../helpers/yjs.js';

const NOTES = notesDocName('review-m2');

/**
 * A document is loaded on its first connection and unloaded (flushed, compacted) when its last one
 * leaves. Tablets coming and going at that moment must neither lose an edit nor get a stale copy.
 */
describe('loading and unloading a document while tablets come and go', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer({ compactEvery: 4 });
  });
  afterEach(async () => {
    await server.stop();
  });

  it('keeps every edit made by short visits that overlap load and unload', async () => {
    const ids = ['chair', 'sec', 'm1', 'm2', 'm3', 'm4'];
    const written: string[] = [];
    for (let round = 0; round < 8; round++) {
      // Everyone opens, types one line and leaves at once; the doc is unloaded and loaded in between.
      await Promise.all(
        ids.map(async (id, i) => {
          const c = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf(id));
          try {
            await c.synced();
            const line = `${id} vòng ${round}`;
            appendParagraph(c.doc, line);
            written.push(line);
            // Half leave at once (the message and the close go out together: the server must still
            // store the line before it unloads), half once it is stored, so the visits overlap.
            if (i % 2) return;
            await waitFor(
              async () => {
                const d = new Y.Doc();
                for (const u of (await server.store.loadDoc(server.meeting.meetingId, NOTES)).updates) Y.applyUpdate(d, u);
                return textOf(d).includes(line);
              },
              10_000,
              `${line} to be stored`,
            );
          } finally {
            c.destroy();
          }
        }),
      );
    }
    const fresh = connectDoc(server.url, server.meeting.meetingId, NOTES, server.tokenOf('obs'));
    try {
      await fresh.synced();
      expect(textOf(fresh.doc).split('\n').sort()).toEqual([...written].sort());
    } finally {
      fresh.destroy();
    }
    // And the log ends merged once everyone has left.
    await waitFor(async () => (await server.store.loadDoc(server.meeting.meetingId, NOTES)).updates.length === 1, 5000, 'the final compaction');
  }, 120_000);
});
