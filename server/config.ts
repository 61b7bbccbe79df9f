import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { newToken } from './ids.js';
import { LEVELS, type Level } from './log.js';
import type { S3Settings } from './files/s3Request.js';

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
  /** Browser origins, besides PUBLIC_URL's and the server's own, whose pages may open Socket.IO and Yjs connections. */
  allowedOrigins: string[];
  /** Simultaneous connections one participant's link may hold (a tablet and a spare), per kind (Socket.IO, each document). */
  maxConnectionsPerToken: number;
  /** The same for the public observer link, which everyone following remotely shares. */
  maxObserverConnections: number;
  /** Where the documents' files are (docs/SCALING.md, "Documents"): DATA_DIR/files, or an S3-compatible store. */
  files: FileStoreConfig;
}

export type FileStoreConfig = { kind: 'disk' } | { kind: 's3'; s3: S3Settings };

/** This process's configuration error: one line naming the variable, for the operator. */
export class ConfigError extends Error {}

/** The address tablets on the room's Wi-Fi can reach this laptop at; localhost when there is none. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

const HttpUrl = z.url({ protocol: /^https?$/, message: 'an http:// or https:// URL' });
const origin = (url: string) => new URL(url).origin;
const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** Every variable the server and the CLI read, parsed once (docs: README, "Configuration"). */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .optional(),
  REDIS_PREFIX: z.string().min(1).max(64).default('ph:'),
  ADMIN_TOKEN: z.string().min(12, 'at least 12 characters').max(200).optional(),
  PUBLIC_URL: HttpUrl.optional(),
  LOG_LEVEL: z.enum(LEVELS).default('info'),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((list, ctx) => {
      const items = (list ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const item of items) {
        if (!HttpUrl.safeParse(item).success) ctx.addIssue({ code: 'custom', message: `${item} is not an http(s) origin` });
      }
      return items.map((item) => (HttpUrl.safeParse(item).success ? origin(item) : item));
    }),
  MAX_CONNECTIONS_PER_TOKEN: count(3, 100),
  MAX_OBSERVER_CONNECTIONS: count(200, 100_000),
  FILE_STORE: z.enum(['disk', 's3']).default('disk'),
  S3_ENDPOINT: HttpUrl.optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name')
    .optional(),
  S3_REGION: z.string().min(1).max(64).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).max(256).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).max(256).optional(),
  S3_PREFIX: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9._/-]*$/, 'letters, digits, . _ - /')
    .default('files/'),
});

/** FILE_STORE=s3 needs every S3_ variable but the region and the prefix. */
function fileStoreConfig(e: z.infer<typeof Env>): FileStoreConfig {
  if (e.FILE_STORE === 'disk') return { kind: 'disk' };
  for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (e[name] === undefined) throw new ConfigError(`${name}: required with FILE_STORE=s3`);
  }
  return {
    kind: 's3',
    s3: { endpoint: e.S3_ENDPOINT!, bucket: e.S3_BUCKET!, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY!, prefix: e.S3_PREFIX },
  };
}

/** Unset and empty are the same to an operator writing `REDIS_URL=` in a unit file. */
function present(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(present(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(
      `${name}: ${issue.message}${env[name] === undefined ? '' : ` (got ${JSON.stringify(name === 'ADMIN_TOKEN' || name === 'S3_SECRET_ACCESS_KEY' ? '…' : env[name])})`}`,
    );
  }
  const e = parsed.data;
  const files = fileStoreConfig(e);
  const dataDir = resolve(e.DATA_DIR);
  // The store, the admin token and the join cards are in here: readable by this user only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);

  let adminToken = e.ADMIN_TOKEN ?? '';
  let adminTokenGenerated = false;
  if (!adminToken) {
    // Generated once and kept beside the data, so the organiser's token survives restarts.
    const file = join(dataDir, 'admin-token');
    if (existsSync(file)) {
      adminToken = readFileSync(file, 'utf8').trim();
    } else {
      adminToken = newToken();
      writeFileSync(file, `${adminToken}\n`, { mode: 0o600 });
    }
    chmodSync(file, 0o600);
    adminTokenGenerated = true;
  }
  return {
    port: e.PORT,
    dataDir,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    adminToken,
    adminTokenGenerated,
    publicUrl: (e.PUBLIC_URL ?? `http://${lanAddress()}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    allowedOrigins: e.ALLOWED_ORIGINS,
    maxConnectionsPerToken: e.MAX_CONNECTIONS_PER_TOKEN,
    maxObserverConnections: e.MAX_OBSERVER_CONNECTIONS,
    files,
  };
}
