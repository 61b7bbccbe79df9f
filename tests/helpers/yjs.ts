import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';
import { DOC_SUBPROTOCOL } from '../../shared/notes/protocol.js';
import type { TokenCarrier } from '../../server/yjs/auth.js';
import { tryUpgrade, type UpgradeOutcome } from './upgrade.js';
import { waitFor } from './wait.js';

export interface DocClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the provider's sockets were closed with, in order. */
  closes: number[];
  /** Resolves once the provider has completed its first sync with the server. */
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

export interface DocClientOptions {
  connect?: boolean;
  /**
   * Where the token goes: `subprotocol` (`protocols: ['phong-hop', token]`, what the app does, the
   * default) or `query` (`params: { token }`, the deprecated form of clients from before).
   */
  via?: TokenCarrier;
  /** An Origin header, as a browser page sends; none by default, as a Node client. */
  origin?: string;
  /** The document's Yjs client id (random by default): a test writes under someone else's with it. */
  clientID?: number;
}

/** The provider's options that carry the token, in either form. */
function carry(token: string, via: TokenCarrier): { params: Record<string, string>; protocols: string[] } {
  return via === 'subprotocol' ? { params: {}, protocols: [DOC_SUBPROTOCOL, token] } : { params: { token }, protocols: [] };
}

/**
 * An unmodified y-websocket 3 `WebsocketProvider`, in Node with the `ws` package, on
 * `/yjs/<meetingId>/<docName>` with the token in the WebSocket subprotocol: exactly what a browser
 * tab runs.
 */
export function connectDoc(baseUrl: string, meetingId: string, docName: string, token: string, opts: DocClientOptions = {}): DocClient {
  const doc = new Y.Doc();
  if (opts.clientID !== undefined) doc.clientID = opts.clientID;
  const closes: number[] = [];
  const wsBase = baseUrl.replace(/^http/, 'ws');
  const origin = opts.origin;
  // The provider calls `new WebSocketPolyfill(url, protocols)`; only the Origin header is added here.
  const Socket =
    origin === undefined
      ? WebSocket
      : class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { origin });
          }
        };
  const provider = new WebsocketProvider(`${wsBase}/yjs/${encodeURIComponent(meetingId)}`, docName, doc, {
    ...carry(token, opts.via ?? 'subprotocol'),
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 500,
  });
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    closes,
    synced: (timeoutMs = 10_000) => waitFor(() => provider.synced, timeoutMs, `${docName} to sync`),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The URL of a document (http or ws base), without any token. */
export function docUrl(baseUrl: string, meetingId: string, docName: string): string {
  return `${baseUrl}/yjs/${meetingId}/${docName}`;
}

export interface DocUpgradeOptions {
  /** The token, carried `via` the subprotocol (default) or the deprecated query; none if absent. */
  token?: string;
  via?: TokenCarrier;
  /** Subprotocols offered as they are, instead of those `token` implies. */
  protocols?: string[];
  origin?: string;
}

/**
 * A raw WebSocket upgrade of `url` (no provider, so nothing is sent first) with the token where a
 * client puts it (see tryUpgrade in ./upgrade.ts); `protocol` is what the server answered.
 */
export function docUpgrade(url: string, opts: DocUpgradeOptions = {}): Promise<UpgradeOutcome> {
  const via = opts.via ?? 'subprotocol';
  const { params, protocols } = opts.token === undefined ? { params: {}, protocols: [] } : carry(opts.token, via);
  const query = new URLSearchParams(params).toString();
  const target = `${url}${query ? `${url.includes('?') ? '&' : '?'}${query}` : ''}`;
  return tryUpgrade(target, { protocols: opts.protocols ?? protocols, origin: opts.origin });
}

/** The plain text of a TipTap document (every block's text, one per line). */
export function textOf(doc: Y.Doc): string {
  return doc
    .getXmlFragment(TIPTAP_FIELD)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? xmlText(node) : node instanceof Y.XmlText ? node.toString() : ''))
    .join('\n');
}

function xmlText(node: Y.XmlElement): string {
  return node
    .toArray()
    .map((c) => (c instanceof Y.XmlText ? c.toString().replace(/<[^>]+>/g, '') : c instanceof Y.XmlElement ? xmlText(c) : ''))
    .join('');
}

/** Appends a paragraph with `text` as TipTap would: an XmlElement('paragraph') holding an XmlText. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text);
  paragraph.insert(0, [content]);
  const fragment = doc.getXmlFragment(TIPTAP_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

/** An awareness message as y-protocols encodes it: count, then clientID, clock and JSON state each. */
export function awarenessMessage(entries: { clientID: number; clock: number; state: unknown }[]): Uint8Array {
  const body = encoding.createEncoder();
  encoding.writeVarUint(body, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(body, e.clientID);
    encoding.writeVarUint(body, e.clock);
    encoding.writeVarString(body, JSON.stringify(e.state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(body));
  return encoding.toUint8Array(message);
}
