import WebSocket from 'ws';

/**
 * A Socket.IO connection spoken by hand (Engine.IO 4 over a WebSocket), to send what no
 * socket.io-client would: broken packets, absurd nesting, binary placeholders without attachments.
 */
export interface RawSocket {
  /** Sends one Engine.IO text frame as is, e.g. `42["command",{…}]`. */
  frame(text: string): void;
  /** Sends `42<id>[event, ...args]` and resolves with the ack's arguments, or null if none came in time. */
  emit(event: string, args: unknown[], timeoutMs?: number): Promise<unknown[] | null>;
  /** Frames the server sent. */
  received: string[];
  isOpen(): boolean;
  close(): void;
}

export function openRaw(baseUrl: string, token: string): Promise<RawSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const received: string[] = [];
  const acks = new Map<number, (args: unknown[] | null) => void>();
  let nextId = 1;
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    // A closed connection answers nothing more: settle what is pending at once.
    ws.on('close', () => {
      for (const settle of [...acks.values()]) settle(null);
    });
    ws.on('message', (data) => {
      const text = (data as Buffer).toString(); // ws's default binaryType: every frame one Buffer
      received.push(text);
      if (text.startsWith('0')) ws.send(`40${JSON.stringify({ token })}`);
      else if (text === '2') ws.send('3');
      else if (text.startsWith('40')) resolve(raw);
      else if (text.startsWith('44')) reject(new Error(`refused: ${text}`));
      const ack = /^43(\d+)(\[.*)$/s.exec(text);
      if (ack) acks.get(Number(ack[1]))?.(JSON.parse(ack[2]) as unknown[]);
    });
    const raw: RawSocket = {
      received,
      frame: (text) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(text);
      },
      emit: (event, args, timeoutMs = 5000) =>
        new Promise((done) => {
          const id = nextId++;
          const timer = setTimeout(() => {
            acks.delete(id);
            done(null);
          }, timeoutMs);
          acks.set(id, (a) => {
            clearTimeout(timer);
            acks.delete(id);
            done(a);
          });
          raw.frame(`42${id}${JSON.stringify([event, ...args])}`);
        }),
      isOpen: () => ws.readyState === WebSocket.OPEN,
      close: () => ws.close(),
    };
  });
}
