import { formatFileSize } from '../../../../shared/format.js';
import { currentVersion, type MeetingDocument } from '../../../../shared/documents/types.js';
import { formatCount, formatPercent } from '../../../../shared/format.js';
import { useDocumentsRoomText } from './useDocumentsRoomText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { DownloaderView } from '../offline/downloader.js';
import { fileState, type FileState } from '../offline/plan.js';
import { isUpdated } from '../offline/updated.js';

import { lastOpened } from './lastOpened.js';

interface Props {
  meetingId: string;
  doc: MeetingDocument;
  item: { number: number; title: string } | null;
  offline: DownloaderView | null;
  keepOffline: boolean;
  onOpen: () => void;
}

/** One document: what it is, whether it changed since this device opened it, whether it is on the device. */
export function DocumentRow({ meetingId, doc, item, offline, keepOffline, onOpen }: Props) {
  const { lang } = useI18n();
  const r = useDocumentsRoomText();
  const v = currentVersion(doc);
  const updated = isUpdated(doc, lastOpened(meetingId, doc.id));
  const state = offline && keepOffline ? fileState(v, offline.held, offline.stopped, offline.fetching) : null;
  const pages = offline?.held.get(v.sha256)?.pages;
  return (
    <li
      className={`document-row ${updated ? 'is-updated' : ''}`}
      data-testid="document-row"
      data-document-id={doc.id}
      data-version={v.version}
      data-offline={state?.kind ?? 'none'}
    >
      <button type="button" className="document-open" onClick={onOpen} aria-label={r.openTitle(doc.title)} data-testid="document-open">
        <span className="document-icon" aria-hidden="true">
          {v.mime === 'application/pdf' ? 'PDF' : 'IMG'}
        </span>
        <span className="document-text">
          <span className="document-title" data-testid="document-title">
            {doc.title}
            {updated && (
              <span className="chip document-updated" data-testid="document-updated">
                {r.updated}
              </span>
            )}
          </span>
          <span className="document-meta">
            {item && <span>{r.itemGroup(String(item.number), item.title)}</span>}
            <span>{formatFileSize(v.bytes, lang)}</span>
            {pages && v.mime === 'application/pdf' && <span data-testid="document-pages">{r.pages(formatCount(pages, lang))}</span>}
            {v.version > 1 && <span data-testid="document-version">{r.version(formatCount(v.version, lang))}</span>}
          </span>
        </span>
      </button>
      {state && <OfflineMark state={state} />}
    </li>
  );
}

function OfflineMark({ state }: { state: FileState }) {
  const { lang } = useI18n();
  const r = useDocumentsRoomText();
  const text =
    state.kind === 'done'
      ? `✓ ${r.offline.done}`
      : state.kind === 'downloading'
        ? r.offline.downloading(formatPercent(state.percent, lang))
        : state.kind === 'waiting'
          ? r.offline.waiting
          : r.offline.stopped[state.reason];
  return (
    <span className={`document-offline is-${state.kind}`} data-testid="document-offline" data-state={state.kind}>
      {text}
    </span>
  );
}
