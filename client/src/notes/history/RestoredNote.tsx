import { useState } from 'react';
import type { Notice } from '../../../../shared/meeting/notices.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useLiveView, useMeeting } from '../../live/useMeeting.js';
import { useNoticeText } from '../../notices/useNoticeText.js';

/** A notice stamped this much before the panel opened still counts as "while you were here": clocks are only measured, not exact. */
const SLACK_MS = 5000;

/** The newest restore of `docName` at or after `since`, if any. */
export function latestRestore(notices: readonly Notice[] | undefined, docName: string, since: number): Notice | null {
  const found = (notices ?? []).filter((n) => n.kind === 'notes-restored' && n.docName === docName && n.at >= since);
  return found.length > 0 ? found.reduce((a, b) => (b.at >= a.at ? b : a)) : null;
}

/**
 * Above the editor, when its document was restored while it was open: the text someone was reading
 * or writing just changed under them, and here is why (who, to which version). The same notice is
 * in the device's notices; this one is where the eyes are, until dismissed.
 */
export function RestoredNote({ docName }: { docName: string }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const { offsetMs } = useLiveView();
  const text = useNoticeText();
  const [since] = useState(() => Date.now() + offsetMs - SLACK_MS);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const notice = latestRestore(state.notices, docName, since);
  if (!notice || notice.at === dismissed) return null;
  return (
    <div className="restored-note" role="status" data-testid="notes-restored">
      <p>{text.room(notice)}</p>
      <button type="button" className="btn btn-ghost" aria-label={t.common.dismiss} title={t.common.dismiss} onClick={() => setDismissed(notice.at)}>
        ×
      </button>
    </div>
  );
}
