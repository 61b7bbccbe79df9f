// First, before Socket.IO loads: its DEBUG output would print tokens and ballot papers.
import { silencedDebug } from './debugGuard.js';
import { join } from 'node:path';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { ensureDemoMeeting, type DemoLink } from './demo.js';
import { createLogger } from './log.js';
import { CLIENT_DIR } from './paths.js';
import { openStore } from './store/open.js';
import { openFileStore } from './files/open.js';

// Every file this process creates (the store, its WAL, the admin token, the demo links and cards)
// is readable by this user only; the first statement after the imports, which create nothing.
process.umask(0o077);

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  // A bad variable stops the server with one line naming it, not a stack trace.
  process.stderr.write(`Phòng họp: cấu hình sai / bad configuration: ${(e as Error).message}\n`);
  process.exit(1);
}
const log = createLogger(config.logLevel);
if (silencedDebug) log.warn('DEBUG output of socket.io and engine.io stays off: it prints raw packets (tokens, ballot papers)', { debug: silencedDebug });
const { store, adapter, docFanout, close: closeStore } = await openStore(config, log);
const files = await openFileStore(config);
const app = createApp({
  store,
  adapter,
  docFanout,
  log,
  adminToken: config.adminToken,
  publicUrl: config.publicUrl,
  allowedOrigins: config.allowedOrigins,
  clientDir: CLIENT_DIR,
  maxConnectionsPerToken: config.maxConnectionsPerToken,
  maxObserverConnections: config.maxObserverConnections,
  files,
});

const port = await app.listen(config.port);
const demo = await ensureDemoMeeting(store, config.dataDir, config.publicUrl, files);

const pick = (links: DemoLink[], role: string) => links.find((l) => l.role === role);
const lines = ['', `Phòng họp đang chạy / is running on port ${port} (store: ${store.kind}, files: ${files.kind}, data: ${config.dataDir})`];
if (demo) {
  lines.push(`Cuộc họp mẫu / demo meeting "${demo.meetingId}":`);
  for (const [label, role] of [
    ['Chủ trì / chair', 'chair'],
    ['Ủy viên / member', 'member'],
    ['Màn hình / room screen', 'screen'],
    ['Theo dõi / observer', 'observer'],
  ] as const) {
    const link = pick(demo.links, role);
    if (link) lines.push(`  ${label.padEnd(24)} ${link.url}   (${link.name})`);
  }
  lines.push(`  Mọi liên kết / every participant's link: ${join(config.dataDir, 'demo-links.json')}`);
  lines.push(`  Thẻ tham dự để in / printable join cards: ${demo.cardsFile}`);
} else {
  lines.push('Tạo cuộc họp / create a meeting: npm run meeting -- create FILE   (danh sách / list: npm run meeting -- list)');
}
// Never the token itself: the console is scrolled back, screen-shared and copied into tickets.
if (config.adminTokenGenerated) lines.push(`ADMIN_TOKEN: tạo tự động, lưu trong / generated, kept in ${join(config.dataDir, 'admin-token')}`);
lines.push('');
// The banner is for people, on stderr; stdout carries the JSON log lines alone, for the collector.
process.stderr.write(lines.join('\n') + '\n');

/** A shutdown that has not finished by then is stuck (a store that stopped answering): give up. */
const SHUTDOWN_LIMIT_MS = 15_000;

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  process.stderr.write(`Phòng họp is shutting down (${signal}): finishing commands in line and storing note updates\n`);
  setTimeout(() => {
    log.error('shutdown did not finish in time; exiting', { limitMs: SHUTDOWN_LIMIT_MS });
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  try {
    await app.close();
    await closeStore();
  } catch (e) {
    log.error('shutdown failed', { err: e instanceof Error ? e.stack : String(e) });
    process.exit(1);
  }
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
