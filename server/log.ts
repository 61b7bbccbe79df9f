/**
 * Structured JSON-lines logging through pino: one object a line, `{ level, t, …fields, msg }`, with
 * the level as its name. Log lines carry ids and codes, never tokens, PINs or ballot choices.
 */
import { pino, type DestinationStream } from 'pino';

export const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type Level = (typeof LEVELS)[number];

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * Fields no log line may carry, at any depth, whoever passes them: a ballot paper or its count keys
 * next to the line's other fields could link a voter to a choice; a token, its hash, a PIN, the
 * admin token and HTTP credentials are passwords. Compared without case (`Authorization`).
 */
export const SECRET_FIELDS: readonly string[] = [
  'paper',
  'increments',
  'counts',
  'vote',
  'token',
  'tokenHash',
  'pin',
  'currentPin',
  'hash',
  'adminToken',
  'authorization',
  'cookie',
];
const SECRET = new Set(SECRET_FIELDS.map((f) => f.toLowerCase()));
const REDACTED = '[redacted]';
/** Deeper than any field this code base logs; what lies below is dropped rather than walked. */
const MAX_DEPTH = 8;

/**
 * A copy of `value` with every secret field replaced, however deep (in objects, arrays, Maps, an
 * error's own fields). pino's own `redact` needs each path spelled out, so a token nested in a field
 * nobody foresaw would be written; this walks everything instead. Log lines are few and small.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[…]';
  seen.add(value);
  const entries = (pairs: Iterable<[string, unknown]>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of pairs) out[k] = SECRET.has(k.toLowerCase()) ? REDACTED : redact(v, depth + 1, seen);
    return out;
  };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
  if (value instanceof Error) return entries([['type', value.name], ['message', value.message], ['stack', value.stack], ...Object.entries(value)]);
  if (value instanceof Map) return entries([...value].map(([k, v]) => [String(k), v]));
  if (value instanceof Set) return [...value].map((v) => redact(v, depth + 1, seen));
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  return entries(Object.entries(value));
}

/** Writes each line, without its newline, to `sink`; pino writes a whole line per call. */
const toSink = (sink: (line: string) => void): DestinationStream => ({
  write: (chunk: string) => sink(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk),
});

/**
 * A logger at `level` writing to stdout (synchronously, so nothing is lost when the process exits
 * right after), or to `sink` one line at a time (tests collect them; the CLI sends them to stderr).
 */
export function createLogger(level: Level = 'info', sink?: (line: string) => void): Logger {
  const logger = pino(
    {
      level,
      base: null, // no pid or hostname: a line is what the code logged, nothing more
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      messageKey: 'msg',
      // Errors are plain objects already (redact above); pino's own `err` serializer would rename them.
      serializers: { err: (e: unknown) => e },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
    },
    sink ? toSink(sink) : pino.destination({ dest: 1, sync: true }),
  );
  const at =
    (lvl: Exclude<Level, 'silent'>) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      logger[lvl](fields, msg);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
