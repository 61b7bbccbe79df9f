import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite.js';
import { storeContract } from './contract.js';

storeContract('SQLite', async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'phong-hop-store-')), 'store.sqlite')));
