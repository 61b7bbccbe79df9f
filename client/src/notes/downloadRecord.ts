import type { ErrorCode } from '../../../shared/errors.js';
import { saveBlob } from '../live/saveFile.js';

export type RecordFormat = 'docx' | 'md' | 'pdf';

export type DownloadOutcome = { ok: true; fileName: string } | { ok: false; code: ErrorCode | 'offline'; message: string };

/** `filename*=UTF-8''…` (the Vietnamese title) when the server sent it, else the ASCII `filename`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // A malformed escape: use the plain name.
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Fetches one of the meeting's records with this participant's own token (a link cannot carry the
 * Authorization header) and hands it to the browser as a download.
 */
async function download(path: string, token: string, fallbackName: string): Promise<DownloadOutcome> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch (e) {
    return { ok: false, code: 'offline', message: e instanceof Error ? e.message : String(e) };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: ErrorCode; message?: string } } | null;
    return { ok: false, code: body?.error?.code ?? 'internal', message: body?.error?.message ?? `HTTP ${response.status}` };
  }
  const fileName = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  saveBlob(fileName, await response.blob());
  return { ok: true, fileName };
}

/** The meeting's written record (the minutes as filed). */
export function downloadRecord(meetingId: string, token: string, format: RecordFormat): Promise<DownloadOutcome> {
  return download(`/api/meetings/${encodeURIComponent(meetingId)}/export?format=${format}`, token, `bien-ban.${format}`);
}

/** A published ballot's counting record (biên bản kiểm phiếu). */
export function downloadCountRecord(meetingId: string, ballotId: string, token: string, format: 'docx' | 'pdf'): Promise<DownloadOutcome> {
  return download(`/api/meetings/${encodeURIComponent(meetingId)}/ballots/${encodeURIComponent(ballotId)}/record.${format}`, token, `bien-ban-kiem-phieu.${format}`);
}
