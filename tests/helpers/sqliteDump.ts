import type Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';

/** Every table of a SQLite database, found through sqlite_master, with every row as JSON text. */
export interface TableDump {
  name: string;
  sql: string;
  columns: string[];
  rows: string[];
}

export function dumpTables(db: Database.Database): TableDump[] {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
  return tables.map(({ name, sql }) => ({
    name,
    sql,
    columns: (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name),
    rows: (db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? `<${v.length} bytes>` : v))),
  }));
}

/** The raw bytes of the database file and its -wal and -shm companions (empty when absent). */
export function rawFiles(file: string): { db: Buffer; wal: Buffer; shm: Buffer } {
  const read = (f: string) => (existsSync(f) ? readFileSync(f) : Buffer.alloc(0));
  return { db: read(file), wal: read(`${file}-wal`), shm: read(`${file}-shm`) };
}

export interface Page {
  /** Where it was found: "db" or "wal frame n". */
  where: string;
  pageNo: number;
  /** The table or index owning the page now (dbstat), or "?" for pages no b-tree holds. */
  owner: string;
  bytes: Buffer;
}

/** The page size from the database header (bytes 16–17; 1 means 65536). */
export function pageSize(db: Buffer): number {
  const raw = db.readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
}

/** Every page of the database file, and every frame of the WAL (its page image without the frame header). */
export function pagesOf(files: { db: Buffer; wal: Buffer }, owners: Map<number, string>): Page[] {
  const size = pageSize(files.db);
  const pages: Page[] = [];
  for (let i = 0; i * size < files.db.length; i++) {
    pages.push({ where: 'db', pageNo: i + 1, owner: owners.get(i + 1) ?? '?', bytes: files.db.subarray(i * size, (i + 1) * size) });
  }
  // WAL: a 32-byte header, then frames of a 24-byte header (page number first) and one page.
  for (let offset = 32, n = 1; offset + 24 + size <= files.wal.length; offset += 24 + size, n++) {
    const pageNo = files.wal.readUInt32BE(offset);
    pages.push({ where: `wal frame ${n}`, pageNo, owner: owners.get(pageNo) ?? '?', bytes: files.wal.subarray(offset + 24, offset + 24 + size) });
  }
  return pages;
}

/** Which table or index owns each page (SQLite's dbstat virtual table). */
export function pageOwners(db: Database.Database): Map<number, string> {
  const rows = db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[];
  return new Map(rows.map((r) => [r.pageno, r.name]));
}
