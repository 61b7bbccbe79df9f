import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../../../shared/format.js';
import { useScopedSend } from '../../components/RefusalScope.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useConnection, useLiveView, useMeeting, useServerNow } from '../../live/useMeeting.js';
import { nameVersionCommand, restoreCommand } from './commands.js';
import { fetchVersions } from './historyApi.js';
import { NameVersionForm } from './NameVersionForm.js';
import { useFetched } from './useFetched.js';
import { signedCount, versionRows, type VersionRow } from './versionRows.js';
import { VersionCompare } from './VersionCompare.js';

/**
 * Versions are taken by the server on its own (every few minutes of editing, at transitions): the
 * list is fetched again this often while open. Restores and names are fetched at once, and so is
 * every change of the meeting's version (a transition, a day's end).
 */
const POLL_MS = 10_000;

interface Props {
  docName: string;
  /** What the document is ("Biên bản", "Góp ý: <item>"). */
  docLabel: string;
  onClose: () => void;
}

/** A document's versions, newest first; one of them beside the current text; restore and naming. */
export function DocHistory({ docName, docLabel, onClose }: Props) {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const { version: meetingVersion } = useLiveView();
  const { token } = useConnection();
  const send = useScopedSend();
  const now = useServerNow(60_000);
  const [changes, setChanges] = useState(0);
  const list = useFetched((signal) => fetchVersions(state.id, docName, token, signal), docName, { refresh: `${meetingVersion}/${changes}`, pollMs: POLL_MS });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const compareRef = useRef<HTMLDivElement>(null);

  const rows = list.value ? versionRows(list.value.versions, state.participants, t.history, lang, state.timeZone, now) : null;
  const selected = rows?.find((r) => r.id === selectedId) ?? null;
  useEffect(() => {
    if (selectedId) compareRef.current?.scrollIntoView({ block: 'start' });
  }, [selectedId]);

  const restore = async (row: VersionRow) => {
    setDone(null);
    setRestoring(true);
    try {
      const outcome = await send(restoreCommand(docName, row.id));
      if (outcome.ok) {
        setDone(t.history.restored(row.when));
        setChanges((n) => n + 1);
      }
    } finally {
      setRestoring(false);
    }
  };
  const name = async (label: string) => {
    setDone(null);
    const outcome = await send(nameVersionCommand(docName, label));
    if (outcome.ok) {
      setDone(t.history.name.saved(label));
      setChanges((n) => n + 1);
    }
    return outcome.ok;
  };

  return (
    <section className="doc-history" aria-label={t.history.openOf(docLabel)} data-testid="doc-history" data-doc={docName}>
      <div className="doc-history-head">
        <h3 className="doc-history-title">{t.history.title}</h3>
        <div className="doc-history-actions">
          <NameVersionForm onName={name} />
          <button type="button" className="btn btn-ghost" data-testid="history-close" onClick={onClose}>
            {t.history.back}
          </button>
        </div>
      </div>
      <p className="history-done" role="status" data-testid="history-done">
        {done}
      </p>
      {list.error && (
        <p className="history-error" role="alert" data-testid="history-error">
          {t.errors[list.error.code] ?? t.history.loadFailed}{' '}
          <button type="button" className="btn btn-ghost" onClick={list.reload}>
            {t.history.retry}
          </button>
        </p>
      )}
      {!rows && !list.error && <p className="muted">{t.history.loading}</p>}
      {rows?.length === 0 && (
        <p className="muted" data-testid="history-empty">
          {t.history.empty}
        </p>
      )}
      {rows && rows.length > 0 && (
        <ol className="version-list" aria-label={t.history.list} data-testid="version-list">
          {rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className={`version-row ${row.id === selectedId ? 'is-selected' : ''} ${row.named ? 'is-named' : ''}`}
                aria-pressed={row.id === selectedId}
                data-testid="version-row"
                data-version-id={row.id}
                data-kind={row.kindId}
                onClick={() => setSelectedId(row.id === selectedId ? null : row.id)}
              >
                <time className="version-when" dateTime={new Date(row.at).toISOString()} title={row.whenFull}>
                  {row.when}
                </time>
                <span className="version-kind" data-testid="version-kind">
                  {row.kind}
                  {row.by && <span className="version-by"> · {row.by}</span>}
                </span>
                <span className="version-editors" data-testid="version-editors">
                  <span className="sr-only">{t.history.editors}: </span>
                  {row.editors.length > 0 ? row.editors.join(', ') : <span className="muted">{t.history.noEditors}</span>}
                </span>
                <span className="version-size">
                  <span className="sr-only">{t.history.changeLabel}: </span>
                  {row.delta === null ? (
                    t.history.chars(formatCount(row.textLength, lang))
                  ) : (
                    <span className={row.delta > 0 ? 'is-more' : row.delta < 0 ? 'is-less' : ''} data-testid="version-delta">
                      {row.delta === 0 ? t.history.noChange : t.history.change(signedCount(row.delta, lang))}
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <div ref={compareRef}>
        {selected && (
          <VersionCompare
            key={selected.id}
            docName={docName}
            row={selected}
            refresh={`${list.value?.versions[0]?.id}/${changes}`}
            onRestore={(row) => void restore(row)}
            restoring={restoring}
          />
        )}
      </div>
    </section>
  );
}
