import { useCallback, useState } from 'react';
import { documentFilePath } from '../../../../shared/documents/urls.js';
import type { ClientError } from '../../live/connection.js';
import { refusedBeforeSending, sendFile, titleFromFileName, uploadUrl, type UploadTarget } from './uploadRequest.js';

export interface Upload {
  id: number;
  name: string;
  title: string;
  /** 0–1 of the bytes sent. */
  share: number;
  phase: 'sending' | 'done' | 'refused';
  error: ClientError | null;
  /** A new version of this document, or a new document. */
  documentId: string | null;
}

let nextId = 1;

/**
 * The console's uploads in flight and just finished, each with its own progress. A finished upload
 * leaves the list once the document is in the state (the caller hides it); a refused one stays with
 * its reason until dismissed.
 */
export function useUploads(meetingId: string, token: string) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const change = useCallback((id: number, patch: Partial<Upload>) => setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...patch } : u))), []);

  const start = useCallback(
    async (file: File, method: 'POST' | 'PUT', url: string, documentId: string | null, title: string) => {
      const id = nextId++;
      const refused = refusedBeforeSending(file.size);
      setUploads((all) => [...all, { id, name: file.name, title, share: 0, phase: refused ? 'refused' : 'sending', error: refused, documentId }]);
      if (refused) return;
      const outcome = await sendFile(method, url, token, file, (share) => change(id, { share }));
      change(id, outcome.ok ? { phase: 'done', share: 1 } : { phase: 'refused', error: outcome.error });
    },
    [token, change],
  );

  const add = useCallback(
    (files: readonly File[], target: Omit<UploadTarget, 'title'>) =>
      Promise.all(files.map((file) => start(file, 'POST', uploadUrl(meetingId, { ...target, title: titleFromFileName(file.name) }), null, titleFromFileName(file.name)))),
    [meetingId, start],
  );

  const replace = useCallback(
    (documentId: string, title: string, file: File) => start(file, 'PUT', documentFilePath(meetingId, documentId), documentId, title),
    [meetingId, start],
  );

  const dismiss = useCallback((id: number) => setUploads((all) => all.filter((u) => u.id !== id)), []);
  return { uploads, add, replace, dismiss };
}
