import type Database from 'better-sqlite3';

/**
 * The SQLite file's own layout (tables, columns), numbered in `PRAGMA user_version`. Distinct from
 * the schema of the data inside it (shared/versions.ts SCHEMA_VERSION), which migrates per meeting
 * on load. Steps run in order when the store opens, each in one transaction with its number, so a
 * crash leaves the file at one step or the next. docs/UPGRADES.md explains when to add one.
 */

/** Store layout 1: the tables of every version before the layout was numbered (user_version 0). */
const TABLES = `
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  definition TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  version INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT,
  events TEXT NOT NULL,
  PRIMARY KEY (meeting_id, version)
);
-- Ballots: who has voted, and the tally. No paper rows, no timestamps, no order (docs/BALLOTS.md).
CREATE TABLE IF NOT EXISTS ballot_voters (
  meeting_id TEXT NOT NULL,
  ballot_id TEXT NOT NULL,
  voter_id TEXT NOT NULL,
  PRIMARY KEY (meeting_id, ballot_id, voter_id)
) WITHOUT ROWID;
-- One row per ballot holding its whole tally (every key, sorted), rewritten by each vote. One row
-- per count key would let the page layout tell which keys a vote created or grew, and in what order.
CREATE TABLE IF NOT EXISTS ballot_tallies (
  meeting_id TEXT NOT NULL,
  ballot_id TEXT NOT NULL,
  counts TEXT NOT NULL,
  PRIMARY KEY (meeting_id, ballot_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  participant_id TEXT NOT NULL,
  public_token TEXT,
  UNIQUE (meeting_id, participant_id)
);
-- Voting PINs: a slow hash per voter and the wrong tries in a row (docs/BALLOTS.md, "Voting PIN").
CREATE TABLE IF NOT EXISTS voting_pins (
  meeting_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (meeting_id, participant_id)
) WITHOUT ROWID;
-- Yjs documents: an append-only log of updates per document; compaction replaces a prefix.
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  doc_name TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (meeting_id, doc_name, seq);
`;

/** Stores written before ballot_tallies kept one row per count key; fold them into one row per ballot. */
const FOLD_COUNTS = `
INSERT OR IGNORE INTO ballot_tallies (meeting_id, ballot_id, counts)
  SELECT meeting_id, ballot_id, json_group_object(key, count) FROM
    (SELECT * FROM ballot_counts ORDER BY meeting_id, ballot_id, key) GROUP BY meeting_id, ballot_id;
DROP TABLE ballot_counts;
`;

/**
 * Store layout 3: documents' versions (the whole encoded state each, so compaction never touches
 * them), who wrote under which Yjs client id, and who changed a document since its last version
 * (docs/YJS.md, "History", "Attribution"). Versions list newest first by `at`, then insertion.
 */
const HISTORY = `
CREATE TABLE doc_versions (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  doc_name TEXT NOT NULL,
  id TEXT NOT NULL,
  at INTEGER NOT NULL,
  meta TEXT NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (meeting_id, doc_name, id)
);
CREATE INDEX doc_versions_by_time ON doc_versions (meeting_id, doc_name, at);
CREATE TABLE doc_authors (
  meeting_id TEXT NOT NULL,
  doc_name TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (meeting_id, doc_name, client_id)
) WITHOUT ROWID;
-- The rowid keeps the order in which the editors first changed the document.
CREATE TABLE doc_editors (
  meeting_id TEXT NOT NULL,
  doc_name TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  UNIQUE (meeting_id, doc_name, participant_id)
);
`;

/**
 * Store layout 4: each member's latest self-assessment (issue 17), its content here and nowhere
 * else until disclosed; a change replaces the row.
 */
const SELF_ASSESSMENTS = `
CREATE TABLE self_assessments (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  participant_id TEXT NOT NULL,
  assessment TEXT NOT NULL,
  PRIMARY KEY (meeting_id, participant_id)
) WITHOUT ROWID;
`;

/** STEPS[n - 1] takes the layout from n - 1 to n. */
const STEPS: readonly ((db: Database.Database) => void)[] = [
  // 1: every table as the unnumbered versions had them (a fresh file gets them all), legacy tallies folded.
  (db) => {
    db.exec(TABLES);
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ballot_counts'").get()) db.exec(FOLD_COUNTS);
  },
  // 2: each event record names the data schema it was written in; records from before are schema 1.
  (db) => db.exec('ALTER TABLE events ADD COLUMN schema INTEGER NOT NULL DEFAULT 1'),
  // 3: documents' versions and attribution.
  (db) => db.exec(HISTORY),
  // 4: self-assessments.
  (db) => db.exec(SELF_ASSESSMENTS),
];

export const STORE_LAYOUT = STEPS.length;

/** The file was written by a newer version: its layout is not one this code may touch. */
export class NewerStoreError extends Error {}

/** Brings the file's layout to STORE_LAYOUT, or refuses a newer one before anything is read or written. */
export function migrateLayout(db: Database.Database, file: string): void {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > STORE_LAYOUT) {
    throw new NewerStoreError(
      `${file} was written by a newer version of Phòng họp (store layout ${found}; this one knows up to ${STORE_LAYOUT}): ` +
        'run that version or a later one; the file was left as it is',
    );
  }
  for (let n = found + 1; n <= STORE_LAYOUT; n++) {
    db.transaction(() => {
      STEPS[n - 1](db);
      db.pragma(`user_version = ${n}`);
    })();
  }
}
