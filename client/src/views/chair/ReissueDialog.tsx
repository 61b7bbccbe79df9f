import { useEffect, useRef, useState } from 'react';
import { QrCode } from '../../components/QrCode.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export interface Reissued {
  name: string;
  link: string;
}

/** The new link, shown once: the server keeps only its hash, so closing this is the last chance to copy it. */
export function ReissueDialog({ reissued, onClose }: { reissued: Reissued; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reissued.link);
      setCopied(true);
    } catch {
      // No clipboard over plain http: the link is selectable in the field.
    }
  };
  return (
    <dialog ref={dialog} className="dialog" data-testid="reissued" onClose={onClose} aria-labelledby="reissued-title">
      <h2 id="reissued-title">{t.attendance_panel.reissuedTitle(reissued.name)}</h2>
      <p>{t.attendance_panel.reissuedHint}</p>
      <QrCode text={reissued.link} size={280} testId="reissued-qr" />
      <input className="link-field" readOnly value={reissued.link} data-testid="reissued-link" onFocus={(e) => e.target.select()} />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={() => void copy()}>
          {copied ? t.common.copied : t.common.copy}
        </button>
        <button type="button" className="btn btn-primary" data-testid="reissued-close" onClick={onClose}>
          {t.common.close}
        </button>
      </div>
    </dialog>
  );
}
