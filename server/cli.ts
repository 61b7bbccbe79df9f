// `npm run meeting -- <command>`: the organiser's tool. It opens the same store as the server (same
// environment: DATA_DIR, REDIS_URL, PUBLIC_URL, PORT, ADMIN_TOKEN), so it works beside a running
// server; `reset-pin` goes through that server when one answers on PORT, so its room hears of it.
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { recountReport } from './cli/recountReport.js';
import { createdReport, issuesReport, meetingsReport, pinResetReport } from './cli/report.js';
import { resetInStore, resetThroughServer } from './cli/resetPin.js';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './log.js';
import { joinCardsHtml } from './meetings/cards.js';
import { createMeeting } from './meetings/create.js';
import { readDefinitionFile } from './meetings/definitionFile.js';
import { summarise } from './meetings/validate.js';
import type { ErrorCode } from '../shared/errors.js';
import { recountBallot } from './recount/recount.js';
import { openStore } from './store/open.js';
import { addDefinitionDocuments, DefinitionFileError, storeDefinitionFiles } from './files/definitionFiles.js';
import { openFileStore } from './files/open.js';
import { StoreUnavailableError, type Store } from './store/store.js';

// Files this tool creates (the store on a first run, the join cards) are readable by this user only.
process.umask(0o077);

const USAGE = `Cách dùng / usage:
  npm run meeting -- create FILE [--json] [--cards DIR | --no-cards]
      Tạo cuộc họp từ tệp định nghĩa (JSON, xem docs/DEFINITION.md) và in liên kết của từng người.
      Creates a meeting from a definition file and prints every participant's link; writes the
      printable join cards to DIR/<meetingId>.html (default DATA_DIR/cards). The definition's
      "documents" (files beside it) go to the file store (FILE_STORE) first: a file that is missing
      or not a PDF or image creates nothing.
  npm run meeting -- list [--json]
      Liệt kê các cuộc họp / lists the meetings in the store.
  npm run meeting -- reset-pin MEETING_ID PARTICIPANT_ID [--json]
      Đặt lại mã PIN bỏ phiếu của một ủy viên (quên PIN, hoặc bị khóa sau nhiều lần nhập sai); người đó
      đặt PIN mới trên thiết bị của mình, và cả phòng họp được thông báo.
      Resets a voter's PIN (forgotten, or locked after wrong tries); they set a new one on their own
      device, and the room is told. Through the server running on PORT (with ADMIN_TOKEN) if there is
      one, so the room hears of it at once; otherwise straight into the store.
  npm run meeting -- recount MEETING_ID BALLOT_ID [--json]
      Kiểm tra lại độc lập kết quả đã công bố: đọc lại số phiếu niêm phong từ kho dữ liệu, tính lại
      từng dòng và so với kết quả đã công bố; in "khớp" hoặc từng chỗ khác nhau.
      Independent recount of a published result: reads the sealed counts from the store again, computes
      every row again and compares it with the published result; prints agreement or every difference.

  --json   machine-readable output on stdout (also for errors)
Exit codes: 0 done; 1 nothing created or reset (invalid definition, unwritable cards folder, unknown meeting or
  participant, store failure), or a recount that does not agree (or could not run); 2 wrong usage.
Environment: DATA_DIR, REDIS_URL, REDIS_PREFIX, PUBLIC_URL, PORT, ADMIN_TOKEN (as for the server).
`;

type Args = { json: boolean; cards?: string; noCards: boolean; help: boolean; positionals: string[] };

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((done) => stream.write(text, () => done()));
}

/** Prints a failure as the chosen output asks for it and gives the exit code. */
async function fail(args: Args, code: ErrorCode, message: string): Promise<number> {
  if (args.json) await write(process.stdout, `${JSON.stringify({ ok: false, error: { code, message } })}\n`);
  else await write(process.stderr, `${message}\n`);
  return 1;
}

async function withStore<T>(config: Config, run: (store: Store) => Promise<T>): Promise<T> {
  // The CLI's own output is its report; the store's warnings go to stderr as JSON lines.
  const opened = await openStore(
    config,
    createLogger(config.logLevel, (line) => process.stderr.write(`${line}\n`)),
  );
  try {
    return await run(opened.store);
  } finally {
    await opened.close();
  }
}

async function create(args: Args, config: Config): Promise<number> {
  const file = args.positionals[1];
  const parsed = readDefinitionFile(file);
  if (!parsed.ok) {
    if (args.json) {
      await write(process.stdout, `${JSON.stringify({ ok: false, error: { code: 'invalid-payload', message: summarise(parsed.issues) }, issues: parsed.issues })}\n`);
      return 1;
    }
    await write(process.stderr, issuesReport(file, parsed.issues));
    return 1;
  }
  const def = parsed.definition;
  // The cards' folder is checked before anything is created: afterwards, the links must be printed whatever happens.
  const dir = args.noCards ? null : resolve(args.cards ?? join(config.dataDir, 'cards'));
  if (dir) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (e) {
      return fail(args, 'internal', `cannot write the join cards to ${dir}: ${(e as Error).message}`);
    }
  }
  // The definition's documents are stored before the meeting exists: a bad file creates nothing.
  let blobs;
  try {
    blobs = def.documents.length === 0 ? [] : await storeDefinitionFiles(await openFileStore(config), def.documents, dirname(resolve(file)));
  } catch (e) {
    if (e instanceof DefinitionFileError) return fail(args, 'invalid-payload', e.message);
    throw e;
  }
  const { created, documentIds } = await withStore(config, async (store) => {
    const created = await createMeeting(store, def, config.publicUrl);
    return { created, documentIds: await addDefinitionDocuments(store, created.meetingId, def.documents, blobs) };
  });

  let cardsFile: string | null = null;
  let cardsError: string | undefined;
  if (dir) {
    try {
      const file = join(dir, `${created.meetingId}.html`);
      // Every secret link of the meeting is in this file: readable by its owner only.
      writeFileSync(file, await joinCardsHtml({ ...def, meetingId: created.meetingId }, created.links), { mode: 0o600 });
      cardsFile = file;
    } catch (e) {
      cardsError = (e as Error).message;
      await write(process.stderr, `Không ghi được thẻ tham dự / the join cards were not written: ${cardsError}\n`);
    }
  }
  const documents = documentIds.map((id, i) => ({ id, title: def.documents[i].title }));
  const output = args.json
    ? `${JSON.stringify({ ok: true, ...created, cardsFile, documents, ...(cardsError ? { cardsError } : {}) }, null, 2)}\n`
    : `${createdReport(created, cardsFile)}${documents.length > 0 ? `Tài liệu đã tải lên / documents uploaded: ${documents.length}\n` : ''}`;
  await write(process.stdout, output);
  return 0;
}

async function list(args: Args, config: Config): Promise<number> {
  const meetings = await withStore(config, (store) => store.listMeetings());
  await write(process.stdout, args.json ? `${JSON.stringify({ ok: true, meetings }, null, 2)}\n` : meetingsReport(meetings));
  return 0;
}

async function resetPin(args: Args, config: Config): Promise<number> {
  const [, meetingId, participantId] = args.positionals;
  const outcome =
    (await resetThroughServer(config.port, config.adminToken, meetingId, participantId)) ??
    (await withStore(config, (store) => resetInStore(store, meetingId, participantId, Date.now)));
  if (!outcome.ok) return fail(args, outcome.error.code, outcome.error.message);
  const done = { meetingId, participantId, version: outcome.version, via: outcome.via };
  await write(process.stdout, args.json ? `${JSON.stringify({ ok: true, ...done }, null, 2)}\n` : pinResetReport(done, config.port));
  return 0;
}

async function recount(args: Args, config: Config): Promise<number> {
  const [, meetingId, ballotId] = args.positionals;
  const found = await withStore(config, async (store) => {
    const meeting = await store.loadMeeting(meetingId);
    return meeting ? { state: meeting.state, outcome: await recountBallot(store, meeting.state, ballotId, Date.now()) } : null;
  });
  if (!found) return fail(args, 'not-found', `no meeting ${meetingId}`);
  const { state, outcome } = found;
  if (!outcome.ok) return fail(args, outcome.code, outcome.message);
  await write(process.stdout, args.json ? `${JSON.stringify({ meetingId, ...outcome }, null, 2)}\n` : recountReport(state, outcome));
  return outcome.agrees ? 0 : 1;
}

/** Positionals each command takes, its own name included. */
const ARITY: Record<string, number> = { create: 2, list: 1, 'reset-pin': 3, recount: 3 };

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, cards: { type: 'string' }, 'no-cards': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    args = { json: values.json ?? false, cards: values.cards, noCards: values['no-cards'] ?? false, help: values.help ?? false, positionals };
  } catch (e) {
    await write(process.stderr, `${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command] = args.positionals;
  if (args.help || command === 'help') {
    await write(process.stdout, USAGE);
    return 0;
  }
  if (ARITY[command] !== args.positionals.length || (args.cards !== undefined && args.noCards)) {
    await write(process.stderr, USAGE);
    return 2;
  }

  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    return fail(args, 'internal', (e as Error).message);
  }
  try {
    if (command === 'create') return await create(args, config);
    if (command === 'recount') return await recount(args, config);
    return command === 'reset-pin' ? await resetPin(args, config) : await list(args, config);
  } catch (e) {
    if (e instanceof StoreUnavailableError) return fail(args, 'store-unavailable', `the store is unavailable: ${(e.cause as Error | undefined)?.message ?? e.message}`);
    return fail(args, 'internal', `failed: ${(e as Error).message}`);
  }
}

// Exit explicitly: with REDIS_URL a stray connection must not keep the tool alive.
process.exit(await main(process.argv.slice(2)));
