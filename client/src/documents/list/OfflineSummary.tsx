import { formatCount, formatPercent } from '../../../../shared/format.js';
import { useDocumentsRoomText } from './useDocumentsRoomText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { DownloaderView } from '../offline/downloader.js';
import { offlineProgress } from '../offline/plan.js';

/** How much of the documents this device holds: the participant knows whether a Wi-Fi drop will cost them anything. */
export function OfflineSummary({ view }: { view: DownloaderView | null }) {
  const { lang } = useI18n();
  const r = useDocumentsRoomText();
  if (!view) return <p className="documents-offline muted">{r.offline.unsupported}</p>;
  if (view.wanted.length === 0) return null;
  const p = offlineProgress(view.wanted, view.held, view.stopped);
  const all = p.done === p.total;
  return (
    <div className={`documents-offline ${all ? 'is-done' : ''}`} data-testid="documents-offline" data-done={p.done} data-total={p.total} data-percent={p.percent}>
      <p role="status">
        {all ? `✓ ${r.offline.allHere(formatCount(p.total, lang))}` : r.offline.summary(formatCount(p.done, lang), formatCount(p.total, lang), formatPercent(p.percent, lang))}
        {view.offline && !all && <span className="documents-offline-wait"> · {r.offline.noNetwork}</span>}
      </p>
      {!all && <progress max={100} value={p.percent} aria-hidden="true" />}
    </div>
  );
}
