import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.js';

describe('the logger', () => {
  it('never writes a paper, count keys, counts or tokens, whoever passes them', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.debug('careless', {
      meetingId: 'mtg',
      paper: { u02: 'good' },
      increments: ['u02/good'],
      counts: { 'u02/good': 1 },
      vote: { voterId: 'u01' },
      token: 'secret',
      tokenHash: 'abc',
      type: 'ballot.vote',
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'debug',
      msg: 'careless',
      meetingId: 'mtg',
      type: 'ballot.vote',
      paper: '[redacted]',
      increments: '[redacted]',
      counts: '[redacted]',
      vote: '[redacted]',
      token: '[redacted]',
      tokenHash: '[redacted]',
    });
    expect(lines[0]).not.toMatch(/good|u01|secret|abc/);
  });

  it('writes one JSON object a line: level by name, an ISO time `t`, the message and the fields, nothing else', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.info('command', { meetingId: 'mtg', type: 'ballot.vote', version: 7 });
    log.error('plain');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
    const [vote, plain] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(vote).sort()).toEqual(['level', 'meetingId', 'msg', 't', 'type', 'version']);
    expect(vote).toMatchObject({ level: 'info', msg: 'command', meetingId: 'mtg', type: 'ballot.vote', version: 7 });
    expect(new Date(vote.t as string).toISOString()).toBe(vote.t);
    expect(plain).toEqual({ level: 'error', t: plain.t, msg: 'plain' });
  });

  it('redacts secret fields at any depth, in arrays, maps and errors, whatever their case', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    const err = Object.assign(new Error('the store said no'), { token: 'in-an-error' });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    log.warn('nested', {
      meetingId: 'mtg',
      socket: { handshake: { auth: { token: 'deep-token' }, headers: { Authorization: 'Bearer admin-secret', COOKIE: 'sid=1' } } },
      attempts: [
        { participant: 'u01', pin: '482915' },
        { currentPin: '739104', hash: 'scrypt$abcdef' },
      ],
      byVoter: new Map([['u02', { paper: { u03: 'excellent' } }]]),
      tally: { rows: { counts: { 'u03/excellent': 2 } }, increments: ['u03/excellent'] },
      admin: { adminToken: 'admin-token-value', tokenHash: 'f00d' },
      err,
      cyclic,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/deep-token|admin-secret|sid=1|482915|739104|scrypt|excellent|admin-token-value|f00d|in-an-error/);
    const line = JSON.parse(lines[0]); // any: the shape is what this test checks
    expect(line.socket.handshake).toEqual({ auth: { token: '[redacted]' }, headers: { Authorization: '[redacted]', COOKIE: '[redacted]' } });
    expect(line.attempts).toEqual([
      { participant: 'u01', pin: '[redacted]' },
      { currentPin: '[redacted]', hash: '[redacted]' },
    ]);
    expect(line.byVoter).toEqual({ u02: { paper: '[redacted]' } });
    expect(line.err).toMatchObject({ type: 'Error', message: 'the store said no', token: '[redacted]' });
    expect(line.cyclic).toEqual({ name: 'loop', self: '[…]' });
    expect(line.meetingId).toBe('mtg');
  });

  it('at level silent writes nothing at all', () => {
    const lines: string[] = [];
    const log = createLogger('silent', (l) => lines.push(l));
    log.error('hidden');
    expect(lines).toEqual([]);
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (l) => lines.push(l));
    log.info('hidden');
    log.warn('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });
});
