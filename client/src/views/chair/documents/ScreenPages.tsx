import { useState } from 'react';
import { MAX_DOCUMENT_PAGE } from '../../../../../shared/limits.js';
import { showableOnScreen } from '../../../../../shared/documents/visibility.js';
import { currentVersion, isPdf } from '../../../../../shared/documents/types.js';
import { CommandButton } from '../../../components/CommandButton.js';
import { useScopedSend } from '../../../components/RefusalScope.js';
import { useDocumentsRoomText } from '../../../documents/list/useDocumentsRoomText.js';
import { useMeeting } from '../../../live/useMeeting.js';

/**
 * The document on the room screen and its page ("chiếu tài liệu"): the chair turns pages from here;
 * the page is part of the state, so the screen and the observers follow. With nothing shown, a
 * document can be picked (`picker`, in the screen's own control).
 */
export function ScreenPages({ picker = false }: { picker?: boolean }) {
  const r = useDocumentsRoomText();
  const s = r.screen;
  const { state, allowed } = useMeeting();
  const send = useScopedSend();
  const screen = state.screen;
  const doc = screen.show === 'document' ? state.documents.find((d) => d.id === screen.documentId) : undefined;
  const page = screen.show === 'document' ? screen.page : 1;
  const [typed, setTyped] = useState(String(page));
  // The page changed elsewhere (the other presidium member, a page turned here): show it in the box.
  const [shownPage, setShownPage] = useState(page);
  if (shownPage !== page) {
    setShownPage(page);
    setTyped(String(page));
  }
  const [chosen, setChosen] = useState('');
  if (!allowed({ type: 'screen.show', show: 'agenda' })) return null;
  const showable = state.documents.filter(showableOnScreen);

  if (!doc) {
    if (!picker || showable.length === 0) return null;
    return (
      <div className="screen-document-pick" data-testid="screen-document-pick">
        <label>
          <span>{s.choose}</span>
          <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="screen-document-select">
            <option value="">—</option>
            {showable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <CommandButton command={{ type: 'screen.show', show: 'document', documentId: chosen || 'none', page: 1 }} disabled={!chosen} testId="screen-document-show">
          {r.console.show}
        </CommandButton>
      </div>
    );
  }

  const pdf = isPdf(currentVersion(doc).mime);
  const go = (n: number) => void send({ type: 'screen.show', show: 'document', documentId: doc.id, page: n });
  const typedPage = Number(typed);
  const validTyped = Number.isInteger(typedPage) && typedPage >= 1 && typedPage <= MAX_DOCUMENT_PAGE;
  return (
    <div className="screen-pages" data-testid="screen-pages" data-document-id={doc.id} data-page={page}>
      <div className="screen-pages-head">
        <p className="screen-pages-title">
          <strong>{s.showing(doc.title)}</strong>
        </p>
        <CommandButton command={{ type: 'screen.show', show: 'agenda' }} testId="screen-document-stop" className="btn-ghost">
          {s.stop}
        </CommandButton>
      </div>
      {pdf && (
        <div className="screen-pages-turn">
          <button type="button" className="btn btn-large" disabled={page <= 1} onClick={() => go(page - 1)} data-testid="screen-page-previous">
            {s.previous}
          </button>
          <form
            className="screen-page-go"
            onSubmit={(e) => {
              e.preventDefault();
              if (validTyped && typedPage !== page) go(typedPage);
            }}
          >
            <label>
              <span>{s.page}</span>
              <input type="number" inputMode="numeric" min={1} max={MAX_DOCUMENT_PAGE} value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="screen-page-number" />
            </label>
            <button type="submit" className="btn" disabled={!validTyped || typedPage === page} data-testid="screen-page-go">
              {s.go}
            </button>
          </form>
          <button type="button" className="btn btn-large btn-primary" disabled={page >= MAX_DOCUMENT_PAGE} onClick={() => go(page + 1)} data-testid="screen-page-next">
            {s.next}
          </button>
        </div>
      )}
    </div>
  );
}
