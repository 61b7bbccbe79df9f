/**
 * The bare Socket.IO baseline (fan-out and reconnect storm): what any Socket.IO app must do at the
 * least to serve the same traffic as ours. On every connection it sends a snapshot holding the
 * meeting state from STATE_FILE (our committee's state), so a reconnect costs what ours costs on the
 * wire; it answers `time` as ours does; on a chair's `command` it bumps its version, broadcasts a
 * batch of the same shape as our `announcement.posted` batch to everyone, and acks, in the order
 * ours does (a member's check-in is acked and changes nothing). No authentication, no store, no
 * validation, no presence.
 */
import { readFileSync } from 'node:fs';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const state = JSON.parse(readFileSync(process.env.STATE_FILE!, 'utf8')) as unknown;
let version = 0;

const io = new Server(port, { serveClient: false, maxHttpBufferSize: 1e6 });
io.on('connection', (socket) => {
  // Members' links are `member-…` (they check in, as ours do), everyone else's anything else.
  const { token: given } = socket.handshake.auth as { token?: unknown };
  const token = typeof given === 'string' ? given : '';
  socket.emit('snapshot', {
    meetingId: 'bench',
    version,
    state,
    serverNow: Date.now(),
    joinUrl: null,
    you: { participantId: socket.id, name: 'Theo dõi', role: token.startsWith('member-') ? 'member' : 'observer' },
  });
  socket.on('time', (_payload: unknown, ack?: (r: unknown) => void) => {
    if (typeof ack === 'function') ack({ ok: true, serverNow: Date.now() });
  });
  socket.on('command', (payload: { command?: { type?: string; text?: string } } | undefined, ack?: (r: unknown) => void) => {
    // A check-in changes nothing here (ours: nothing after the first); everything else is the chair's announcement.
    if (payload?.command?.type === 'attendance.checkIn') return void (typeof ack === 'function' && ack({ ok: true, version }));
    version += 1;
    io.emit('events', { version, events: [{ type: 'announcement.posted', text: String(payload?.command?.text ?? ''), at: Date.now(), endsAt: null }] });
    if (typeof ack === 'function') ack({ ok: true, version });
  });
});
process.stdout.write(`bare socket.io listening on ${port}\n`);
const stop = () => void io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
