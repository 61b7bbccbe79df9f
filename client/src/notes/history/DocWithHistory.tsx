import { useCallback, useEffect, useRef, useState } from 'react';
import { canReviewHistory, canSeeAuthors } from '../../../../shared/notes/access.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { LazyLiveDoc } from '../LazyLiveDoc.js';
import { AuthorColours } from './AuthorColours.js';
import { DocHistory } from './DocHistory.js';
import { RestoredNote } from './RestoredNote.js';

type Mode = 'edit' | 'history' | 'authors';

/** After the last keystroke seen, the coloured copy is fetched again this much later: the server has stored the edit by then. */
const AUTHORS_SETTLE_MS = 700;

interface Props {
  docName: string;
  label: string;
  testId: string;
}

/**
 * A document's editor with, one tap away, its version history (chair and secretary) and its text
 * coloured by author (everyone who may see who wrote what). The editor stays mounted while either is
 * shown: its connection, and whatever is being typed, survive the look.
 */
export function DocWithHistory({ docName, label, testId }: Props) {
  const { t } = useI18n();
  const { you } = useMeeting();
  const [mode, setMode] = useState<Mode>('edit');
  const [edits, setEdits] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const history = canReviewHistory(you.role);
  const authors = canSeeAuthors(you.role);
  const shown: Mode = (mode === 'history' && !history) || (mode === 'authors' && !authors) ? 'edit' : mode;

  const onChange = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setEdits((n) => n + 1), AUTHORS_SETTLE_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <div className="doc-with-history" data-testid="doc-with-history" data-mode={shown}>
      {(history || authors) && (
        <div className="doc-tools" role="group" aria-label={label} data-testid="doc-tools">
          {authors && (
            <button
              type="button"
              className="btn btn-secondary doc-tool"
              aria-pressed={shown === 'authors'}
              data-testid="authors-toggle"
              onClick={() => setMode(shown === 'authors' ? 'edit' : 'authors')}
            >
              <span className="doc-tool-swatches" aria-hidden="true" />
              {t.history.authors.toggle}
            </button>
          )}
          {history && (
            <button
              type="button"
              className="btn btn-secondary doc-tool"
              aria-pressed={shown === 'history'}
              data-testid="history-open"
              onClick={() => setMode(shown === 'history' ? 'edit' : 'history')}
            >
              {t.history.open}
            </button>
          )}
        </div>
      )}
      <RestoredNote key={docName} docName={docName} />
      <div hidden={shown !== 'edit'}>
        <LazyLiveDoc docName={docName} label={label} testId={testId} onChange={shown === 'authors' ? onChange : undefined} />
      </div>
      {shown === 'history' && <DocHistory key={docName} docName={docName} docLabel={label} onClose={() => setMode('edit')} />}
      {shown === 'authors' && <AuthorColours key={docName} docName={docName} docLabel={label} refresh={edits} />}
    </div>
  );
}
