import { clockOffset, type ClockSample } from '../../../shared/meeting/timing.js';
import { ask, type MeetingSocket } from './socket.js';

const SAMPLES = 5;
const SAMPLE_TIMEOUT_MS = 3000;

/** Server clock minus local clock, from a few `time` round trips; null if none came back. */
export async function measureOffset(socket: MeetingSocket): Promise<number | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < SAMPLES && socket.connected; i++) {
    const sentAt = Date.now();
    try {
      const reply = await ask(socket, 'time', { sentAt }, SAMPLE_TIMEOUT_MS);
      if (reply.ok) samples.push({ sentAt, serverNow: reply.serverNow, receivedAt: Date.now() });
    } catch {
      // A lost sample only makes the estimate rougher.
    }
  }
  return samples.length === 0 ? null : clockOffset(samples);
}
