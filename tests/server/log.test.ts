import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.js';

describe('the logger', () => {
  it('never writes a paper, count keys, counts or tokens, whoever passes them', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.debug('careless', { meetingId: 'mtg', paper: { u02: 'good' }, increments: ['u02/good'], counts: { 'u02/good': 1 }, vote: { voterId: 'u01' }, token: 'secret', tokenHash: 'abc', type: 'ballot.vote' });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'debug', msg: 'careless', meetingId: 'mtg', type: 'ballot.vote', paper: '[redacted]', increments: '[redacted]', counts: '[redacted]', vote: '[redacted]', token: '[redacted]', tokenHash: '[redacted]' });
    expect(lines[0]).not.toMatch(/good|u01|secret|abc/);
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (l) => lines.push(l));
    log.info('hidden');
    log.warn('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });
});
