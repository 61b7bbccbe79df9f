import type { DocumentVisibility } from '../../../../shared/documents/types.js';
import { documentsPath } from '../../../../shared/documents/urls.js';
import { ERROR_CODES, REFUSAL_REASONS, type ErrorCode } from '../../../../shared/errors.js';
import { MAX_DOCUMENT_BYTES } from '../../../../shared/limits.js';
import type { ClientError } from '../../live/connection.js';

/** What the chair sees as a title before typing one: the file's name without its extension. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return stem || base || '—';
}

export interface UploadTarget {
  title: string;
  itemId: string | null;
  visibility: DocumentVisibility;
  order?: number;
}

/** The upload route with its query (shared/documents/urls.ts); the meeting as a whole has no itemId. */
export function uploadUrl(meetingId: string, target: UploadTarget): string {
  const q = new URLSearchParams({ title: target.title, visibility: target.visibility });
  if (target.itemId !== null) q.set('itemId', target.itemId);
  if (target.order !== undefined) q.set('order', String(target.order));
  return `${documentsPath(meetingId)}?${q.toString()}`;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid-payload',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'invalid-state',
  413: 'payload-too-large',
  429: 'rate-limited',
};

/**
 * The refusal in an HTTP error body (`{ ok: false, error: { code, message, reason?, detail? } }`),
 * checked field by field, since a proxy's own error page may stand in its place; else one from the status.
 */
export function httpError(status: number, body: string): ClientError {
  try {
    const e = (JSON.parse(body) as { error?: Record<string, unknown> }).error;
    if (e && typeof e.code === 'string' && (ERROR_CODES as readonly string[]).includes(e.code)) {
      const reason = typeof e.reason === 'string' && (REFUSAL_REASONS as readonly string[]).includes(e.reason) ? (e.reason as ClientError['reason']) : undefined;
      const detail =
        e.detail && typeof e.detail === 'object' ? Object.fromEntries(Object.entries(e.detail).filter((kv): kv is [string, number] => typeof kv[1] === 'number')) : undefined;
      return { code: e.code as ErrorCode, message: typeof e.message === 'string' ? e.message : '', ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) };
    }
  } catch {
    // Not JSON: the status says enough.
  }
  return { code: STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'invalid-payload'), message: `HTTP ${status}` };
}

export type UploadOutcome = { ok: true } | { ok: false; error: ClientError };

/**
 * Sends a file as the raw body, reporting the share sent (0–1). XMLHttpRequest, because fetch has no
 * upload progress. POST adds a document; PUT (a document's `…/file`) adds a version.
 */
export function sendFile(method: 'POST' | 'PUT', url: string, token: string, file: Blob, onProgress: (share: number) => void, signal?: AbortSignal): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve({ ok: true });
      } else resolve({ ok: false, error: httpError(xhr.status, xhr.responseText) });
    };
    xhr.onerror = () => resolve({ ok: false, error: { code: 'offline', message: 'network error' } });
    xhr.onabort = () => resolve({ ok: false, error: { code: 'offline', message: 'aborted' } });
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/**
 * A file over the cap is refused here, with the server's own reason: sent anyway, the server would
 * cut the connection at the cap, and the browser would report only a network error.
 */
export function refusedBeforeSending(bytes: number, max = MAX_DOCUMENT_BYTES): ClientError | null {
  return bytes > max ? { code: 'payload-too-large', message: `a document is at most ${max} bytes`, reason: 'file-too-large', detail: { max } } : null;
}

/** Only what the server could accept is sent; the server still decides by the bytes. */
export const ACCEPTED_FILES = 'application/pdf,.pdf,image/png,image/jpeg,image/webp';
