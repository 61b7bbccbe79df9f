import { useMemo } from 'react';
import { formatCount } from '../../../../shared/format.js';
import { diffBlocks, diffSummary } from '../../../../shared/notes/blockDiff.js';
import { plainBlocks } from '../../../../shared/notes/blocks.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useConnection, useMeeting } from '../../live/useMeeting.js';
import { DiffColumn } from './DiffColumns.js';
import { fetchCurrent, fetchVersion } from './historyApi.js';
import { useFetched } from './useFetched.js';
import type { VersionRow } from './versionRows.js';

interface Props {
  docName: string;
  row: VersionRow;
  /** Changes when the current text should be fetched again (the list refreshed, a restore was made). */
  refresh: unknown;
  onRestore: (row: VersionRow) => void;
  restoring: boolean;
}

/**
 * One version beside the current text (two columns on a wide pane, one above the other on a narrow
 * one), what differs marked on both sides, and the restore of that version.
 */
export function VersionCompare({ docName, row, refresh, onRestore, restoring }: Props) {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const { token } = useConnection();
  const c = t.history.compare;
  const version = useFetched((signal) => fetchVersion(state.id, docName, row.id, token, signal), `${docName}/${row.id}`);
  const current = useFetched((signal) => fetchCurrent(state.id, docName, token, signal), docName, { refresh });

  const diff = useMemo(() => (version.value && current.value ? diffBlocks(version.value.blocks, plainBlocks(current.value.blocks)) : null), [version.value, current.value]);
  const summary = diff ? diffSummary(diff) : null;
  const identical = summary !== null && summary.added + summary.removed + summary.changed === 0;
  const error = version.error ?? current.error;

  return (
    <section className="version-compare" aria-labelledby="version-compare-title" data-testid="version-compare" data-version-id={row.id}>
      <div className="version-compare-head">
        <h4 id="version-compare-title" className="version-compare-title">
          {c.title}: {c.version(row.when)} · {row.kind}
        </h4>
        <ConfirmButton
          testId="version-restore"
          className="btn-primary"
          confirmLabel={t.history.restoreConfirm}
          confirm={t.history.restoreEffect(row.when)}
          disabled={restoring || diff === null || identical}
          onConfirm={() => onRestore(row)}
        >
          {t.history.restore}
        </ConfirmButton>
      </div>
      {error && (
        <p className="history-error" role="alert" data-testid="version-compare-error">
          {t.errors[error.code] ?? t.history.loadFailed}
        </p>
      )}
      {!diff && !error && <p className="muted">{c.loading}</p>}
      {diff && summary && (
        <>
          <div className="diff-legend" data-testid="diff-legend">
            <span className="diff-legend-title">{c.legend}:</span>
            <span className="diff-legend-item">
              <del className="diff-del">abc</del> {c.removedLegend}
            </span>
            <span className="diff-legend-item">
              <ins className="diff-ins">abc</ins> {c.addedLegend}
            </span>
            <span className="diff-summary" data-testid="diff-summary">
              {identical
                ? c.same
                : c.summary({
                    added: formatCount(summary.added, lang),
                    removed: formatCount(summary.removed, lang),
                    changed: formatCount(summary.changed, lang),
                    charsAdded: formatCount(summary.charsAdded, lang),
                    charsRemoved: formatCount(summary.charsRemoved, lang),
                  })}
            </span>
          </div>
          <div className="diff-columns">
            <section className="diff-column" aria-label={c.version(row.whenFull)}>
              <h5 className="diff-column-title">
                {c.version(row.when)} · {row.kind}
              </h5>
              <DiffColumn diff={diff} side="version" testId="diff-version" />
            </section>
            <section className="diff-column" aria-label={c.current}>
              <h5 className="diff-column-title">{c.current}</h5>
              <DiffColumn diff={diff} side="current" testId="diff-current" />
            </section>
          </div>
        </>
      )}
    </section>
  );
}
