import { formatCount, formatPercent } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { DownloaderView } from '../offline/downloader.js';
import { offlineProgress } from '../offline/plan.js';

/** How much of the documents this device holds: the participant knows whether a Wi-Fi drop will cost them anything. */
export function OfflineSummary({ view }: { view: DownloaderView | null }) {
  const { t, lang } = useI18n();
  if (!view) return <p className="documents-offline muted">{t.documentsRoom.offline.unsupported}</p>;
  if (view.wanted.length === 0) return null;
  const p = offlineProgress(view.wanted, view.held, view.stopped);
  const all = p.done === p.total;
  return (
    <div className={`documents-offline ${all ? 'is-done' : ''}`} data-testid="documents-offline" data-done={p.done} data-total={p.total} data-percent={p.percent}>
      <p role="status">
        {all
          ? `✓ ${t.documentsRoom.offline.allHere(formatCount(p.total, lang))}`
          : t.documentsRoom.offline.summary(formatCount(p.done, lang), formatCount(p.total, lang), formatPercent(p.percent, lang))}
        {view.offline && !all && <span className="documents-offline-wait"> · {t.documentsRoom.offline.noNetwork}</span>}
      </p>
      {!all && <progress max={100} value={p.percent} aria-hidden="true" />}
    </div>
  );
}
