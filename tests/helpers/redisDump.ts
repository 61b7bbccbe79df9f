import { decode } from '@msgpack/msgpack';
import { Redis } from 'ioredis';

/** One stored unit: a string, a hash field with its value, a set or list member, a stream entry. */
export interface DumpRecord {
  key: string;
  type: string;
  text: string;
}

/**
 * Every key under `prefix`, of every type, as text records. Values the Socket.IO adapter stores as
 * base64 msgpack (session data, binary broadcasts) are decoded too, so nothing hides in encoding.
 */
export async function dumpPrefix(url: string, prefix: string): Promise<DumpRecord[]> {
  const redis = new Redis(url);
  const out: DumpRecord[] = [];
  try {
    let cursor = '0';
    const keys: string[] = [];
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    for (const key of keys) {
      const type = await redis.type(key);
      const add = (raw: Buffer | string) => out.push({ key, type, text: readable(raw) });
      switch (type) {
        case 'string':
          add((await redis.getBuffer(key))!);
          break;
        case 'hash':
          for (const [field, value] of Object.entries(await redis.hgetall(key))) add(`${field}=${readable(value)}`);
          break;
        case 'set':
          for (const member of await redis.smembersBuffer(key)) add(member);
          break;
        case 'list':
          for (const item of await redis.lrangeBuffer(key, 0, -1)) add(item);
          break;
        case 'zset': {
          const flat = await redis.zrange(key, 0, -1, 'WITHSCORES');
          for (let i = 0; i < flat.length; i += 2) add(`${flat[i]}@${flat[i + 1]}`);
          break;
        }
        case 'stream':
          for (const [id, fields] of await redis.xrange(key, '-', '+')) {
            const pairs: string[] = [];
            for (let i = 0; i < fields.length; i += 2) pairs.push(`${fields[i]}=${readable(fields[i + 1])}`);
            add(`${id} ${pairs.join(' ')}`);
          }
          break;
        default:
          throw new Error(`key ${key} has a type the dump does not read: ${type}`);
      }
    }
  } finally {
    redis.disconnect();
  }
  return out;
}

function readable(raw: Buffer | string): string {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (/^[A-Za-z0-9+/]{8,}={0,2}$/.test(text) && !/^[0-9a-f]+$/.test(text)) {
    try {
      return `${text} ${JSON.stringify(decode(Buffer.from(text, 'base64')))}`;
    } catch {
      // not msgpack after all
    }
  }
  return text;
}

/** A voter as anything stored could name them, and the paper they handed in. */
export interface VoterTrace {
  id: string;
  name: string;
  token: string;
  tokenHash: string;
  paper: Record<string, string>;
}

/**
 * Records that tie a voter to their own choices: a record naming the voter (id as a whole word, name,
 * token or token hash) that also holds one of that voter's answers, as a JSON
 * pair ("subject":"option"), a count key (subject/option), or one JSON object whose values name
 * the voter, the subject and the option. Papers are chosen distinct per voter, so any record
 * carrying a paper next to its voter shows up here.
 */
export function voterChoiceLinks(records: DumpRecord[], voters: VoterTrace[]): string[] {
  const found: string[] = [];
  for (const r of records) {
    const objects = jsonObjects(r.text);
    for (const v of voters) {
      const identities = [v.id, v.name, v.token, v.tokenHash];
      const names = new RegExp(`(^|[^A-Za-z0-9_-])${v.id}($|[^A-Za-z0-9_-])`).test(r.text) || [v.name, v.token, v.tokenHash].some((s) => r.text.includes(s));
      if (!names) continue;
      for (const [subject, option] of Object.entries(v.paper)) {
        const together = objects.some((values) => identities.some((i) => values.has(i)) && values.has(subject) && values.has(option));
        if (together || r.text.includes(`"${subject}":"${option}"`) || r.text.includes(`${subject}/${option}`)) {
          found.push(`${r.key} (${r.type}) links ${v.id} to ${subject}=${option}: ${r.text.slice(0, 200)}`);
        }
      }
    }
  }
  return found;
}

/** The string values of every object inside a JSON text (each object's own fields), or none. */
function jsonObjects(text: string): Set<string>[] {
  const start = text.search(/[[{]/);
  if (start < 0) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start));
  } catch {
    return [];
  }
  const out: Set<string>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    out.push(new Set(Object.values(node).filter((v): v is string => typeof v === 'string')));
    Object.values(node).forEach(walk);
  };
  walk(parsed);
  return out;
}
