import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { DEMO_DEFINITION } from '../../server/paths.js';
import type { CreatedMeeting } from '../../server/meetings/create.js';
import { ADMIN_TOKEN, connectClient, startServer, type TestServer } from '../helpers/server.js';

const example = readFileSync(DEMO_DEFINITION, 'utf8');
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/join/') + '/join/'.length);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every value of every table of the SQLite store, as text. */
function dumpTables(store: SqliteStore): string {
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return tables
    .map(({ name }) => {
      const rows = store.db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
      return `${name}\n${rows
        .map((r) =>
          Object.values(r)
            .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))
            .join('\t'),
        )
        .join('\n')}`;
    })
    .join('\n');
}

/** The raw bytes of the store's files (database, WAL), where a deleted or old row could linger. */
function rawFiles(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.includes('sqlite'))
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('\n');
}

describe('participant tokens', () => {
  let server: TestServer;
  let created: CreatedMeeting;
  beforeAll(async () => {
    server = await startServer({ logLevel: 'debug' });
    const res = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: example,
    });
    created = (await res.json()) as CreatedMeeting;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('are at least 128 random bits each, all different', () => {
    const tokens = [...created.links, ...server.meeting.links].map((l) => tokenOf(l.url));
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("are stored only as SHA-256 hashes, except the observer's public link; no log line carries one", () => {
    const store = server.store as SqliteStore;
    store.db.pragma('wal_checkpoint(PASSIVE)');
    const tables = dumpTables(store);
    const files = rawFiles(server.dataDir);
    const logs = server.logs.join('\n');
    expect(logs).toContain('meeting created');
    for (const link of created.links) {
      const token = tokenOf(link.url);
      expect(tables, link.participantId).toContain(sha256(token));
      expect(logs.includes(token), `log line with ${link.participantId}'s token`).toBe(false);
      if (link.role === 'observer') {
        // Public by design; finding it also shows that the scans do see plain text.
        expect(tables).toContain(token);
        expect(files).toContain(token);
      } else {
        expect(tables.includes(token), `${link.participantId}'s token in the tables`).toBe(false);
        expect(files.includes(token), `${link.participantId}'s token in the files`).toBe(false);
      }
    }
  });

  it("the chair reissues one participant's link: the old one stops working, the new one works, still stored hashed", async () => {
    const byId = (id: string) => tokenOf(created.links.find((l) => l.participantId === id)!.url);
    const chair = await connectClient(server.url, byId('chair'));
    const member = await connectClient(server.url, byId('m03'));
    const revoked = new Promise((resolve) => member.socket.once('revoked', resolve));
    try {
      const ack = await chair.send({ type: 'link.reissue', participantId: 'm03' });
      expect(ack).toMatchObject({ ok: true });
      const link = (ack as { link?: string }).link!;
      expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{22,}$/);
      expect(await revoked).toEqual({ reason: 'link-reissued' });

      await expect(connectClient(server.url, byId('m03'))).rejects.toMatchObject({ code: 'unauthorized' });
      const again = await connectClient(server.url, tokenOf(link));
      expect(again.snapshot.you.participantId).toBe('m03');
      again.close();
      // Everyone else's link is untouched.
      const other = await connectClient(server.url, byId('m04'));
      expect(other.snapshot.you.participantId).toBe('m04');
      other.close();

      const tables = dumpTables(server.store as SqliteStore);
      expect(tables).toContain(sha256(tokenOf(link)));
      expect(tables.includes(tokenOf(link))).toBe(false);
      expect(tables.includes(sha256(byId('m03')))).toBe(false);
    } finally {
      chair.close();
      member.close();
    }
  });
});
