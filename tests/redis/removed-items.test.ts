import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesDocName } from '../../shared/notes/access.js';
import { DOC_CLOSE } from '../../shared/notes/protocol.js';
import { connectLive, startCluster, type Cluster } from '../helpers/cluster.js';
import { accepted } from '../helpers/liveRoom.js';
import { redisAvailable } from '../helpers/redis.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';

const available = await redisAvailable();
const ITEM = 'review-m2';
const DOC = notesDocName(ITEM);

describe.runIf(available)('an item removed on one instance, its notes open on another', () => {
  let cluster: Cluster;
  const docs: DocClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterAll(async () => {
    for (const d of docs) d.destroy();
    await cluster?.stop();
  });

  it('closes the connections there too; they come back read-only and the notes stay as they were', async () => {
    const [a, b] = cluster.instances;
    const editor = connectDoc(b.url, cluster.meeting.meetingId, DOC, cluster.tokenOf('m1'));
    const watcher = connectDoc(b.url, cluster.meeting.meetingId, DOC, cluster.tokenOf('m2'));
    docs.push(editor, watcher);
    await Promise.all(docs.map((d) => d.synced()));
    appendParagraph(editor.doc, 'Viết trước khi rút.');
    await waitFor(() => textOf(watcher.doc) === 'Viết trước khi rút.', 5000, 'the note on the watcher');

    const chair = await connectLive(a.url, cluster.tokenOf('chair'));
    try {
      const version = accepted(await chair.send({ type: 'agenda.remove', itemId: ITEM }));
      await chair.waitForVersion(version);
    } finally {
      chair.close();
    }
    await waitFor(() => editor.closes.includes(DOC_CLOSE.goingAway), 5000, "B to close the editor's connection");
    await waitFor(() => editor.provider.wsconnected && editor.provider.synced, 5000, 'the editor to reconnect');

    // Its edit now reaches nobody: once the watcher has seen the editor leave, the server has handled it.
    const present = () => [...watcher.provider.awareness.getStates().values()].some((s) => (s.user as { participantId?: string } | undefined)?.participantId === 'm1');
    await waitFor(present, 5000, "the editor's presence");
    appendParagraph(editor.doc, 'Sửa sau khi rút.');
    editor.provider.disconnect();
    await waitFor(() => !present(), 5000, 'the editor to leave');
    const { updates } = await a.opened.store.loadDoc(cluster.meeting.meetingId, DOC);
    const stored = new Y.Doc();
    for (const u of updates) Y.applyUpdate(stored, u);
    expect(textOf(stored)).toBe('Viết trước khi rút.');
    expect(textOf(watcher.doc)).toBe('Viết trước khi rút.');
  });
});
