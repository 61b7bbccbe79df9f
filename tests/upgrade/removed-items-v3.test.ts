import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesDocName } from '../../shared/notes/access.js';
import { SCHEMA_VERSION } from '../../shared/versions.js';
import { copyDataDir, readManifest, V3_DIR } from '../fixtures/manifest.js';
import { accepted } from '../helpers/liveRoom.js';
import { connectClient } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { appendParagraph, connectDoc, textOf, type DocClient } from '../helpers/yjs.js';
import { startCurrentServer, type CurrentServer } from './currentServer.js';

const manifest = readManifest(V3_DIR);
const example = manifest.sqlite.meetings.find((m) => m.key === 'example')!;
/** Pending in the fixture: day one's agenda had not reached it. */
const ITEM = 'review-m14';

describe('a SQLite data folder written under schema 3 (tests/fixtures/v3), after the upgrade to removed items', () => {
  let dataDir: string;
  let server: CurrentServer;
  const docs: DocClient[] = [];
  const stateStamp = () => {
    const db = new Database(join(dataDir, manifest.sqlite.file), { readonly: true });
    try {
      return (JSON.parse((db.prepare('SELECT state FROM meetings WHERE id = ?').get(example.id) as { state: string }).state) as { schemaVersion: number }).schemaVersion;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dataDir = copyDataDir(manifest, V3_DIR);
    server = await startCurrentServer({ dataDir, adminToken: manifest.adminToken });
  });
  afterAll(async () => {
    for (const d of docs) d.destroy();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the meeting with no removed items, then keeps one removed today with its notes', async () => {
    expect(example.itemStatuses[ITEM]).toBe('pending');
    const chair = await connectClient(server.url, example.tokens.chair);
    try {
      expect(chair.state.schemaVersion).toBe(SCHEMA_VERSION);
      expect(chair.state.removedItems).toEqual([]);
      expect(stateStamp()).toBe(3);

      const writer = connectDoc(server.url, example.id, notesDocName(ITEM), example.tokens.m01);
      docs.push(writer);
      await writer.synced();
      appendParagraph(writer.doc, 'Góp ý viết trước cho đồng chí thứ mười bốn.');
      await waitFor(async () => (await server.store.docStoredBytes(example.id, notesDocName(ITEM))) > 0, 5000, 'the notes to be stored');

      const version = accepted(await chair.send({ type: 'agenda.remove', itemId: ITEM }));
      await chair.waitForVersion(version);
      expect(chair.state.removedItems.map((i) => i.id)).toEqual([ITEM]);
      expect(stateStamp(), 'written back in the new schema on its next change').toBe(SCHEMA_VERSION);

      const reader = connectDoc(server.url, example.id, notesDocName(ITEM), example.tokens.chair);
      docs.push(reader);
      await reader.synced();
      expect(textOf(reader.doc)).toBe('Góp ý viết trước cho đồng chí thứ mười bốn.');
      // Yesterday's notes of items held are where they were.
      const held = connectDoc(server.url, example.id, 'notes-collective-report', example.tokens.chair);
      docs.push(held);
      await held.synced();
      expect(textOf(held.doc)).toBe(example.notes['notes-collective-report'].join('\n'));
    } finally {
      chair.close();
    }
  });
});
