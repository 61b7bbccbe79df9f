import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';
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

/**
 * An unmodified y-websocket 3 `WebsocketProvider`, in Node with the `ws` package, on
 * `/yjs/<meetingId>/<docName>?token=…`: exactly what a browser tab runs.
 */
export function connectDoc(baseUrl: string, meetingId: string, docName: string, token: string, opts: { connect?: boolean } = {}): DocClient {
  const doc = new Y.Doc();
  const closes: number[] = [];
  const wsBase = baseUrl.replace(/^http/, 'ws');
  const provider = new WebsocketProvider(`${wsBase}/yjs/${encodeURIComponent(meetingId)}`, docName, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 500,
  });
  provider.on('connection-close', (event) => { if (event) closes.push(event.code); });
  return {
    doc, provider, closes,
    synced: (timeoutMs = 10_000) => waitFor(() => provider.synced, timeoutMs, `${docName} to sync`),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The plain text of a TipTap document (every block's text, one per line). */
export function textOf(doc: Y.Doc): string {
  return doc.getXmlFragment(TIPTAP_FIELD).toArray().map((node) => (node instanceof Y.XmlElement ? xmlText(node) : String(node))).join('\n');
}

function xmlText(node: Y.XmlElement): string {
  return node.toArray().map((c) => (c instanceof Y.XmlText ? c.toString().replace(/<[^>]+>/g, '') : c instanceof Y.XmlElement ? xmlText(c) : '')).join('');
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
