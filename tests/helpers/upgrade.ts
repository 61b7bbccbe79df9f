import WebSocket from 'ws';

export interface UpgradeOutcome {
  /** The HTTP status of a refused upgrade; 101 when the WebSocket opened. */
  status: number;
  /** The refusal's body (JSON error), or '' when it opened. */
  body: string;
  /** Every message received; it keeps filling while an opened socket stays open. */
  received: Uint8Array[];
  /** The socket when it opened, for the caller to use and close. */
  socket: WebSocket | null;
  /** The close code and reason once the socket has closed (by either side). */
  closed: Promise<{ code: number; reason: string }>;
  /** The subprotocol the server answered with ('' when none, or refused). */
  protocol: string;
}

/**
 * Tries a raw WebSocket upgrade (no y-websocket provider, so nothing is sent first) and reports
 * whether the server opened it or refused it with a plain HTTP error, and with what.
 */
export function tryUpgrade(url: string, opts: { protocols?: string[]; origin?: string } = {}): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), opts.protocols ?? [], opts.origin === undefined ? {} : { origin: opts.origin });
    const received: Uint8Array[] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.once('close', (code, reason) => done({ code, reason: reason.toString() })));
    ws.on('message', (data: Buffer) => {
      received.push(new Uint8Array(data));
    });
    ws.on('unexpected-response', (req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, received, socket: null, closed, protocol: '' });
      });
    });
    ws.on('open', () => resolve({ status: 101, body: '', received, socket: ws, closed, protocol: ws.protocol }));
    ws.on('error', (e) => reject(e));
  });
}
