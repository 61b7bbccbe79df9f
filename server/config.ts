import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { newToken } from './ids.js';
import { parseLevel, type Level } from './log.js';

export interface Config {
  port: number;
  dataDir: string;
  redisUrl: string | null;
  /** Prefix of every Redis key (and of the adapter's stream), so several deployments can share one Redis. */
  redisPrefix: string;
  adminToken: string;
  /** True when the admin token was generated (and saved in DATA_DIR) rather than given. */
  adminTokenGenerated: boolean;
  publicUrl: string;
  logLevel: Level;
}

/** The address tablets on the room's Wi-Fi can reach this laptop at; localhost when there is none. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });

  let adminToken = env.ADMIN_TOKEN ?? '';
  let adminTokenGenerated = false;
  if (!adminToken) {
    // Generated once and kept beside the data, so the organiser's token survives restarts.
    const file = join(dataDir, 'admin-token');
    if (existsSync(file)) {
      adminToken = readFileSync(file, 'utf8').trim();
    } else {
      adminToken = newToken();
      writeFileSync(file, `${adminToken}\n`, { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    adminTokenGenerated = true;
  }
  return {
    port,
    dataDir,
    redisUrl: env.REDIS_URL || null,
    redisPrefix: env.REDIS_PREFIX || 'ph:',
    adminToken,
    adminTokenGenerated,
    publicUrl: (env.PUBLIC_URL || `http://${lanAddress()}:${port}`).replace(/\/$/, ''),
    logLevel: parseLevel(env.LOG_LEVEL),
  };
}
