import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/log.js';
import { openStore } from '../../server/store/open.js';
import type { Store } from '../../server/store/store.js';

/** Today's server, opened as `server/main.ts` opens it, on data an older version left. */
export interface CurrentServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

export async function startCurrentServer(opts: { dataDir: string; adminToken: string; redisUrl?: string; redisPrefix?: string }): Promise<CurrentServer> {
  const log = createLogger('warn', () => undefined);
  const opened = await openStore({ dataDir: opts.dataDir, redisUrl: opts.redisUrl ?? null, redisPrefix: opts.redisPrefix ?? 'ph:' }, log);
  const app = createApp({
    store: opened.store,
    adapter: opened.adapter,
    docFanout: opened.docFanout,
    log,
    adminToken: opts.adminToken,
    publicUrl: 'http://placeholder',
    clientDir: join(process.cwd(), 'dist/client'),
  });
  const port = await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    store: opened.store,
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}
