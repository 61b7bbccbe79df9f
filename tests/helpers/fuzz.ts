import { MAX_SELF_REVIEW } from '../../shared/limits.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { Command, COMMAND_TYPES } from '../../shared/meeting/commands.js';
import { seeded } from './random.js';
import type { TestClient } from './server.js';

/** The seed of this run: FUZZ_SEED when given (to reproduce a failure), otherwise fresh. */
export function fuzzSeed(): number {
  const given = Number(process.env.FUZZ_SEED);
  return Number.isInteger(given) && given > 0 ? given : (Date.now() % 2_147_483_647) + 1;
}

/** Seeded random choices for building payloads (see random.ts). */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seeded(seed);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** Text with the characters that break naive code: Vietnamese, emoji, controls, zero-width, RTL, lone surrogates. */
  string(max = 24): string {
    const alphabets = ['abcxyz019-_', 'ĐđƯưẠạỆệỗỮữ', '😀🇻🇳👍🏽', '\u0000\u0001\n\t\r\u007f', '\u200b\u200f\u202e\ufeff', '\ud800\udfff', '"\\\'<>{}[]$%'];
    let s = '';
    for (let n = this.int(max + 1); n > 0; n--) s += this.pick([...this.pick(alphabets)]);
    return s;
  }

  number(): number {
    return this.pick([0, -0, -1, 1, 1.5, -3.25, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, 5e-324, this.int(100_000), -this.int(1000)]);
  }

  /** Any JSON value, up to `depth` levels of arrays and objects. */
  json(depth = 3): unknown {
    const kind = this.int(depth > 0 ? 7 : 5);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.number();
      case 3:
      case 4:
        return this.string();
      case 5:
        return Array.from({ length: this.int(5) }, () => this.json(depth - 1));
      default:
        return Object.fromEntries(Array.from({ length: this.int(5) }, () => [this.key(), this.json(depth - 1)]));
    }
  }

  key(): string {
    return this.chance(0.3) ? this.pick(['__proto__', 'constructor', 'prototype', 'toString', '', 'type ', 'Type', 'meetingID', 'itemid', '$where']) : this.string(12);
  }
}

/** A value of another JSON type than `value` (so a field's schema cannot accept it). */
export function otherType(rng: Rng, value: unknown): unknown {
  const candidates: unknown[] = [null, true, 42, -1.5, 'x', [], [1, 'a'], {}, { a: 1 }];
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  return rng.pick(candidates.filter((c) => typeOf(c) !== typeOf(value)));
}

/** `[[[…]]]`, `depth` levels deep. */
export function nested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { d: v };
  return v;
}

const SCHEMAS = new Map(Command.options.map((o) => [o.shape.type.value as string, o.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>]));

/** The fields of a command type that may not be left out. */
export function requiredFields(type: string): string[] {
  return Object.entries(SCHEMAS.get(type) ?? {})
    .filter(([, s]) => !s.safeParse(undefined).success)
    .map(([k]) => k)
    .filter((k) => k !== 'type');
}

/** A command type no server knows: near-misses of real ones, and plain junk. */
export function unknownType(rng: Rng): string {
  const real = rng.pick(COMMAND_TYPES);
  const candidate = rng.pick([
    real.toUpperCase(),
    ` ${real}`,
    `${real}.`,
    real.replace('.', '/'),
    `${real}\u0000`,
    rng.string(20),
    'agenda',
    'ballot.tally',
    'queue.clear',
    'constructor',
    '__proto__',
  ]);
  return (COMMAND_TYPES as string[]).includes(candidate) ? `${candidate}!` : candidate;
}

/**
 * Mutations of a valid command that no schema may accept: each is refused whoever sends it, so the
 * meeting must not change, however many are sent.
 */
export function mutateCommand(rng: Rng, command: Record<string, unknown>): { command: unknown; how: string } {
  const fields = Object.keys(command).filter((k) => k !== 'type');
  const strings = fields.filter((k) => typeof command[k] === 'string');
  const nestedObjects = fields.filter((k) => ['item', 'changes', 'ballot'].includes(k));
  const numbers = fields.filter((k) => typeof command[k] === 'number');
  const required = requiredFields(command.type as string);
  const options = ['extra-key', 'wrong-type', 'drop-type', 'unknown-type', 'not-an-object'];
  if (fields.length) options.push('wrong-type');
  if (required.length) options.push('drop-required');
  if (strings.length) options.push('huge-string');
  if (numbers.length) options.push('bad-number');
  if (nestedObjects.length) options.push('nested-extra-key');
  const how = rng.pick(options);
  const copy: Record<string, unknown> = { ...command };
  switch (how) {
    case 'extra-key': {
      let key = rng.key();
      while (key in command) key += '_';
      Object.defineProperty(copy, key, { value: rng.chance(0.2) ? nested(50 + rng.int(500)) : rng.json(2), enumerable: true, writable: true, configurable: true });
      return { command: copy, how: `${how} ${JSON.stringify(key)}` };
    }
    case 'wrong-type': {
      const key = fields.length && rng.chance(0.8) ? rng.pick(fields) : 'type';
      copy[key] = otherType(rng, command[key]);
      return { command: copy, how: `${how} ${key}` };
    }
    case 'drop-type':
      delete copy.type;
      return { command: copy, how };
    case 'unknown-type':
      copy.type = unknownType(rng);
      return { command: copy, how: `${how} ${JSON.stringify(copy.type)}` };
    case 'not-an-object':
      return { command: rng.pick([command.type, [command], null, 7, true]), how };
    case 'drop-required': {
      const key = rng.pick(required);
      delete copy[key];
      return { command: copy, how: `${how} ${key}` };
    }
    case 'huge-string': {
      const key = rng.pick(strings);
      // Longer than the longest string any command takes (a self-review), so it is refused whichever it is.
      copy[key] = 'Đ'.repeat(MAX_SELF_REVIEW + 1 + rng.int(40_000));
      return { command: copy, how: `${how} ${key}` };
    }
    case 'bad-number': {
      const key = rng.pick(numbers);
      copy[key] = rng.pick([-1, 0, 1.5, 1e9, Number.MAX_SAFE_INTEGER, null, '60']);
      return { command: copy, how: `${how} ${key}=${String(copy[key])}` };
    }
    default: {
      const key = rng.pick(nestedObjects);
      copy[key] = { ...(command[key] as object), [rng.pick(['extra', 'id2', 'status', 'queue', 'results', '__proto__'])]: rng.json(1) };
      return { command: copy, how: `${how} ${key}` };
    }
  }
}

/** `{ ok: false, error: { code, message } }` with a code from ERROR_CODES, and nothing else. */
export function isRefusal(a: unknown): boolean {
  const r = a as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  return (
    r !== null &&
    typeof r === 'object' &&
    Object.keys(r).sort().join() === 'error,ok' &&
    r.ok === false &&
    (ERROR_CODES as readonly unknown[]).includes(r.error?.code) &&
    typeof r.error?.message === 'string'
  );
}

/** A client socket without its event map: fuzzing sends what the map forbids. */
export interface UntypedSocket {
  emit(event: string, ...args: unknown[]): void;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
}
export const untyped = (c: TestClient) => c.socket as unknown as UntypedSocket;
