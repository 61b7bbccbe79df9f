import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFICIAL_SCALE } from '../../shared/ballots/scale.js';
import { hashToken } from '../../server/ids.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { markPresent, pinOf, setPins, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { dumpTables, pageOwners, pagesOf, rawFiles, type Page, type TableDump } from '../helpers/sqliteDump.js';
import { seeded } from '../helpers/random.js';

/**
 * "Nothing stored or logged links a voter to a choice" (docs/BALLOTS.md, Anonymity), proved on the
 * real server with a 15-member rating ballot, logging at debug level:
 *
 * 1. Co-occurrence: every row of every table, every page of the database file and of its WAL, and
 *    every log line is searched for voter identifiers (ids, names, link tokens, token hashes) and
 *    for choices (a count key "u03/good", or a paper's "u03":"good"). Nothing holds both. Count
 *    keys live in one place only, the ballot's single tally row, and each appears exactly once
 *    in the files: no older copy of the tally survives anywhere (a WAL frame, a freed cell), so
 *    nothing gives the count history that, set beside the event log's order of voters, would
 *    reveal each paper.
 * 2. Indistinguishability: two committees hand in the same papers in the same order, but with the
 *    papers swapped between voters. Every table, every byte of every page of the database and its
 *    WAL, and every log line come out identical (only the link tokens differ, being random).
 *    Whatever someone does with a copy of the store and the logs (decode pages, diff versions,
 *    read page layouts), they cannot tell which voter cast which paper, because the two worlds
 *    leave the same bytes. A control world with one answer changed does leave different bytes,
 *    so the comparison is not blind.
 */

const MEMBERS = committeeIds(15);
const CHAIR = MEMBERS[0];
const SUBJECTS = [...MEMBERS, 'collective'];
const ANSWERS = [...OFFICIAL_SCALE.map((o) => o.id), 'abstain'];
type Paper = Record<string, string>;

const alternatives = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
const COUNT_KEY = new RegExp(`(${alternatives(SUBJECTS)})/(${alternatives(ANSWERS)})`);
const PAPER_PAIR = new RegExp(`"(${alternatives(SUBJECTS)})"\\s*:\\s*"(${alternatives(ANSWERS)})"`);
const BALLOT = { id: 'peer', kind: 'rating', title: 'Phiếu đánh giá, xếp loại cán bộ năm 2024', subjects: SUBJECTS, allowAbstain: true } as const;

function paperOf(voter: string, random: () => number): Paper {
  return Object.fromEntries(SUBJECTS.filter((s) => s !== voter).map((s) => [s, ANSWERS[Math.floor(random() * ANSWERS.length)]]));
}

/** How a voter could be named in stored or logged text. */
interface VoterMarks {
  id: RegExp;
  texts: string[];
}

function voterMarks(server: TestServer): VoterMarks[] {
  const def = committeeDefinition(15);
  return MEMBERS.map((id) => {
    const token = server.tokenOf(id);
    const name = def.participants.find((p) => p.id === id)!.name;
    // An id as a word of its own; inside a count key ("u03/good") it names the subject rated, not a voter.
    return { id: new RegExp(`(?<![A-Za-z0-9_-])${id}(?![A-Za-z0-9_/-])`), texts: [name, token, hashToken(token)] };
  });
}

const namesVoter = (text: string, marks: VoterMarks[]) => marks.some((m) => m.id.test(text) || m.texts.some((t) => text.includes(t)));
const namesChoice = (text: string) => COUNT_KEY.test(text) || PAPER_PAIR.test(text);
/** Page bytes as text: latin1 for ids and keys, utf8 for the Vietnamese names. */
const pageText = (bytes: Buffer) => `${bytes.toString('latin1')}\n${bytes.toString('utf8')}`;

interface Dump {
  tables: TableDump[];
  files: ReturnType<typeof rawFiles>;
  pages: Page[];
  logs: string[];
}

function dump(server: TestServer): Dump {
  const db = (server.store as SqliteStore).db;
  const files = rawFiles(join(server.dataDir, 'test.sqlite'));
  return { tables: dumpTables(db), files, pages: pagesOf(files, pageOwners(db)), logs: [...server.logs] };
}

const occurrences = (haystack: Buffer, needle: string) => {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
};

function proveNoLink(d: Dump, marks: VoterMarks[], votes: number): void {
  const table = (name: string) => d.tables.find((t) => t.name === name)!;

  // Rows: none names both a voter and a choice; voters appear only where expected, counts in one table.
  for (const t of d.tables) {
    for (const row of t.rows) expect(namesVoter(row, marks) && namesChoice(row), `${t.name}: ${row.slice(0, 200)}`).toBe(false);
  }
  expect(
    d.tables
      .filter((t) => t.rows.some((r) => namesVoter(r, marks)))
      .map((t) => t.name)
      .sort(),
  ).toEqual(['ballot_voters', 'events', 'meetings', 'tokens', 'voting_pins'].filter((n) => votes > 0 || n !== 'ballot_voters'));
  expect(d.tables.filter((t) => t.rows.some(namesChoice)).map((t) => t.name)).toEqual(['ballot_tallies']);

  // The has-voted set: who, never when (no time column, no rowid sequence).
  const voters = table('ballot_voters');
  expect(voters.columns).toEqual(['meeting_id', 'ballot_id', 'voter_id']);
  expect(voters.sql).toMatch(/WITHOUT ROWID/);
  expect(voters.rows).toHaveLength(votes);
  // The tally: one row for the ballot, rewritten in place, every key present from the first paper on, keys sorted.
  const tallies = table('ballot_tallies');
  expect(tallies.columns).toEqual(['meeting_id', 'ballot_id', 'counts']);
  expect(tallies.sql).toMatch(/WITHOUT ROWID/);
  expect(tallies.rows).toHaveLength(1);
  const counts = JSON.parse(JSON.parse(tallies.rows[0])[2]) as Record<string, number>;
  expect(Object.keys(counts)).toEqual(SUBJECTS.flatMap((s) => ANSWERS.map((a) => `${s}/${a}`)).sort());
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(votes * (SUBJECTS.length - 1));

  // The event log names each voter once, with nothing else (papers that arrived together share a
  // row); the rows themselves have no actor.
  const votedRecords = table('events')
    .rows.map((r) => JSON.parse(r) as unknown[])
    .filter((r) => String(r[4]).includes('ballot.voted'));
  const named = votedRecords.flatMap((r) =>
    (JSON.parse(r[4] as string) as Record<string, unknown>[]).filter((e) => e.type === 'ballot.voted').flatMap((e) => e.voterIds as string[]),
  );
  expect(named).toHaveLength(votes);
  expect(new Set(named).size).toBe(votes);
  for (const r of votedRecords) {
    expect(r[3]).toBeNull();
    for (const e of JSON.parse(r[4] as string) as Record<string, unknown>[]) {
      if (e.type === 'ballot.voted') expect(Object.keys(e).sort()).toEqual(['ballotId', 'type', 'voterIds']);
      else expect(e).toMatchObject({ type: 'ballot.closed', reason: 'all-voted' });
    }
  }

  // Raw files: no paper was ever written; every count key exists once, in the current tally, so
  // no earlier tally survives in a WAL frame or a freed cell; no page names a voter next to a choice.
  const { db, wal, shm } = d.files;
  for (const bytes of [db, wal, shm]) expect(PAPER_PAIR.test(bytes.toString('latin1'))).toBe(false);
  // (A tally larger than a page continues on overflow pages, so a key cut by a page boundary is not
  // found whole: each boundary may hide one key, but a second copy of a tally would double them all.)
  const seen = Object.keys(counts).map((key) => occurrences(db, key) + occurrences(wal, key));
  expect(Math.max(...seen)).toBe(1);
  expect(seen.filter((n) => n === 1).length).toBeGreaterThanOrEqual(seen.length - d.pages.filter((p) => p.owner === 'ballot_tallies').length);
  for (const page of d.pages) {
    const text = pageText(page.bytes);
    expect(namesVoter(text, marks) && namesChoice(text), `${page.where} page ${page.pageNo} (${page.owner})`).toBe(false);
  }
  expect(namesVoter(pageText(shm), marks) || namesChoice(pageText(shm))).toBe(false);

  // Logs, at debug level: no choice, no answer, no token, and the vote lines name nobody.
  expect(d.logs.some((l) => JSON.parse(l).level === 'debug')).toBe(true);
  const answerWords = new RegExp(`"(${alternatives(ANSWERS)})"|paper|increments`);
  for (const line of d.logs) {
    expect(namesChoice(line) || answerWords.test(line), line).toBe(false);
    expect(
      marks.some((m) => m.texts.slice(1).some((t) => line.includes(t))),
      line,
    ).toBe(false);
  }
  const voteLines = d.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.type === 'ballot.vote');
  expect(voteLines).toHaveLength(votes);
  for (const l of voteLines) expect(Object.keys(l).sort()).toEqual(['level', 'meetingId', 'msg', 't', 'type', 'version']);
}

describe('anonymity: no voter-to-choice link in the store or the logs', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  async function committee(opts: Parameters<typeof startServer>[0] = {}): Promise<{ server: TestServer; clients: Map<string, TestClient> }> {
    // With the voting PIN on, as every real meeting has it: its hashes must leak nothing either.
    const server = await startServer({
      definition: committeeDefinition(15, { ballotRules: { votingPin: 'required' } }),
      logLevel: 'debug',
      commandsPerSecond: 1000,
      commandBurst: 1000,
      ...opts,
    });
    servers.push(server);
    const clients = new Map<string, TestClient>();
    for (const id of [...MEMBERS, 'obs']) clients.set(id, await server.connectAs(id));
    const chair = clients.get(CHAIR)!;
    await markPresent(chair, MEMBERS);
    await setPins(MEMBERS.map((id) => [id, clients.get(id)!] as [string, TestClient]));
    versionOf(await chair.send({ type: 'ballot.create', ballot: BALLOT }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'peer' }));
    return { server, clients };
  }

  it('15 voters at once, logging at debug: no row, page, file or log line holds a voter and a choice, open or published', async () => {
    const { server, clients } = await committee();
    const marks = voterMarks(server);
    const random = seeded(1226);
    const papers = new Map(MEMBERS.map((id) => [id, paperOf(id, random)]));
    const vote = (ids: string[]) => Promise.all(ids.map((id) => clients.get(id)!.send({ type: 'ballot.vote', ballotId: 'peer', paper: papers.get(id)!, pin: pinOf(id) })));

    expect((await vote(MEMBERS.slice(0, 8))).every((a) => a.ok)).toBe(true);
    // While open, right after a vote: the WAL has been folded into the database and emptied.
    const open = dump(server);
    expect(open.files.wal.length).toBe(0);
    proveNoLink(open, marks, 8);

    expect((await vote(MEMBERS.slice(8))).every((a) => a.ok)).toBe(true);
    versionOf(await clients.get(CHAIR)!.send({ type: 'ballot.publish', ballotId: 'peer' }));
    proveNoLink(dump(server), marks, 15);
  });

  it('two committees swapping the same papers between voters leave identical bytes; changing one answer does not', async () => {
    const random = seeded(2712);
    const a = new Map(MEMBERS.map((id) => [id, paperOf(id, random)]));
    // The same answers for every row, dealt to other voters: rotate each row's answers among the
    // members who have that row. Each row's counts, and so the tally, are the same in both worlds.
    const b = new Map<string, Paper>(MEMBERS.map((id) => [id, {}]));
    for (const subject of SUBJECTS) {
      const raters = MEMBERS.filter((m) => m !== subject);
      raters.forEach((voter, i) => {
        b.get(voter)![subject] = a.get(raters[(i + 5) % raters.length])![subject];
      });
    }
    const swapped = MEMBERS.filter((id) => JSON.stringify(a.get(id)) !== JSON.stringify(Object.fromEntries(Object.keys(a.get(id)!).map((k) => [k, b.get(id)![k]]))));
    expect(swapped.length).toBe(MEMBERS.length);
    const c = new Map([...a].map(([id, p]) => [id, { ...p }]));
    const first = Object.keys(c.get(MEMBERS[3])!)[0];
    c.get(MEMBERS[3])![first] = ANSWERS[(ANSWERS.indexOf(c.get(MEMBERS[3])![first]) + 1) % ANSWERS.length];

    async function world(papers: Map<string, Paper>): Promise<Dump> {
      const { server, clients } = await committee({ clock: () => 1_735_200_000_000, meetingId: 'kiem-diem-2024' });
      // One after another, in the same order in every world: only who cast which paper differs.
      for (const id of MEMBERS) versionOf(await clients.get(id)!.send({ type: 'ballot.vote', ballotId: 'peer', paper: papers.get(id)!, pin: pinOf(id) }));
      versionOf(await clients.get(CHAIR)!.send({ type: 'ballot.publish', ballotId: 'peer' }));
      proveNoLink(dump(server), voterMarks(server), 15);
      return dump(server);
    }
    const [worldA, worldB, worldC] = [await world(a), await world(b), await world(c)];

    // Link tokens and the PIN hashes' salts are random per run: their tables and indexes are left out of the comparison.
    const comparable = (d: Dump) => d.tables.filter((t) => t.name !== 'tokens' && t.name !== 'voting_pins');
    const random_ = (p: Page) => p.owner === 'tokens' || p.owner.startsWith('sqlite_autoindex_tokens') || p.owner === 'voting_pins';
    const differing = (x: Dump, y: Dump) => {
      expect(x.pages.map((p) => `${p.where}#${p.pageNo}:${p.owner}`)).toEqual(y.pages.map((p) => `${p.where}#${p.pageNo}:${p.owner}`));
      return [...new Set(x.pages.filter((p, i) => !random_(p) && !p.bytes.equals(y.pages[i].bytes)).map((p) => p.owner))].sort();
    };
    const withoutTime = (logs: string[]) =>
      logs.map((l) => {
        const { t: _t, ...rest } = JSON.parse(l) as Record<string, unknown>;
        return JSON.stringify(rest);
      });

    expect(comparable(worldB)).toEqual(comparable(worldA));
    expect(differing(worldA, worldB)).toEqual([]);
    expect(worldB.files.wal.length).toBe(worldA.files.wal.length);
    expect(withoutTime(worldB.logs)).toEqual(withoutTime(worldA.logs));

    // The control: a different tally is seen, in the tally and in the published results.
    expect(differing(worldA, worldC)).toEqual(expect.arrayContaining(['ballot_tallies']));
    expect(comparable(worldC)).not.toEqual(comparable(worldA));
  });
});
