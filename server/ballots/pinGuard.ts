import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { error, type ErrorInfo } from '../../shared/errors.js';
import type { Store } from '../store/store.js';
import { pinMatches } from './pinHash.js';

export type PinCheck = { ok: true } | { ok: false; error: ErrorInfo; lockedNow?: boolean };

/**
 * Checks a voter's PIN against the stored hash and counts wrong tries, atomically across instances:
 * each slow check first takes one of the allowed tries from the store's counter (so twenty papers
 * sent at once with twenty guesses still get five tries between them), and a right PIN gives them back.
 *
 * A PIN once found right is remembered in memory as an HMAC under a key that lives only in this
 * process, tied to the stored hash: the same voter's next papers cost microseconds instead of a
 * scrypt, and a new or reset PIN (another hash) is never matched by the old one.
 */
export class PinGuard {
  private readonly key = randomBytes(32);
  private readonly verified = new Map<string, { hash: string; digest: Buffer }>();

  constructor(private readonly store: Store) {}

  private digest(pin: string): Buffer {
    return createHmac('sha256', this.key).update(pin).digest();
  }

  async check(meetingId: string, participantId: string, pin: string | undefined, attempts: number): Promise<PinCheck> {
    const stored = await this.store.readPin(meetingId, participantId);
    if (!stored) return refuse('pin-not-set', 'you have not set a voting PIN yet: set one on your own device first');
    if (stored.failures >= attempts) return refuse('voting-locked', 'voting is locked after too many wrong PINs: ask the organiser to reset your PIN');
    if (pin === undefined) return refuse('pin-required', 'a paper needs your voting PIN');

    const id = `${meetingId}\u0000${participantId}`;
    const known = this.verified.get(id);
    if (known && known.hash === stored.hash && timingSafeEqual(known.digest, this.digest(pin))) {
      if (stored.failures > 0) await this.store.pinSucceeded(meetingId, participantId);
      return { ok: true };
    }

    const tries = await this.store.pinFailed(meetingId, participantId);
    if (tries > attempts) return refuse('voting-locked', 'voting is locked after too many wrong PINs: ask the organiser to reset your PIN');
    if (await pinMatches(stored.hash, pin)) {
      await this.store.pinSucceeded(meetingId, participantId);
      this.verified.set(id, { hash: stored.hash, digest: this.digest(pin) });
      return { ok: true };
    }
    const left = attempts - tries;
    if (left <= 0) return { ...refuse('voting-locked', 'wrong PIN; voting is now locked: ask the organiser to reset your PIN'), lockedNow: true };
    return { ok: false, error: error('wrong-pin', `wrong PIN: ${left} ${left === 1 ? 'try' : 'tries'} left`, undefined, { attemptsLeft: left }) };
  }

  /** Forgets a voter's remembered PIN (reset by the organiser). */
  forget(meetingId: string, participantId: string): void {
    this.verified.delete(`${meetingId}\u0000${participantId}`);
  }
}

function refuse(code: ErrorInfo['code'], message: string): { ok: false; error: ErrorInfo } {
  return { ok: false, error: error(code, message) };
}
