import { createHash, randomBytes } from 'node:crypto';

/** A participant's secret: 160 random bits, URL-safe. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(20).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Ids for meetings, added items and floor requests: random, short, not secret. */
export function newId(bytes = 8): string {
  return randomBytes(bytes).toString('base64url').replace(/[-_]/g, 'x');
}
