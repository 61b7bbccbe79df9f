/**
 * The reference y-websocket server for the notes benchmark: `@y/websocket-server` 0.1.1 as its
 * own README runs it (an http server and a `ws` WebSocketServer handing every upgrade to
 * `setupWSConnection`; the document name is the URL path). No persistence is configured
 * (YPERSISTENCE unset): documents live in memory only. Listens on 127.0.0.1:$PORT and prints
 * `listening on <port>` once it accepts connections. Exits on SIGTERM.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set');

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));

const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
