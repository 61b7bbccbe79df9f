/**
 * The floor of the fan-out: a raw `ws` server relaying every message it gets to every other
 * connection, as it came (no parsing, no framing of its own, no rooms, no acks).
 */
import { WebSocketServer, WebSocket } from 'ws';

const port = Number(process.env.PORT);
const wss = new WebSocketServer({ port, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    for (const c of wss.clients) if (c !== ws && c.readyState === WebSocket.OPEN) c.send(data, { binary: isBinary });
  });
});
wss.on('listening', () => process.stdout.write(`raw ws listening on ${port}\n`));
const stop = () => {
  for (const c of wss.clients) c.terminate();
  wss.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
