/** Structured JSON-lines logging. Log lines carry ids and codes, never tokens or ballot choices. */
export const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type Level = (typeof LEVELS)[number];

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * Fields no log line may carry, whoever passes them: a ballot paper or its count keys next to the
 * line's other fields could link a voter to a choice, and a token is a password.
 */
const SECRET_FIELDS = new Set(['paper', 'increments', 'counts', 'vote', 'token', 'tokenHash']);

const redact = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? '[redacted]' : v]));

export function createLogger(level: Level = 'info', sink: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  const threshold = LEVELS.indexOf(level);
  const at = (lvl: Exclude<Level, 'silent'>) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(lvl) < threshold) return;
    sink(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...redact(fields) }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
