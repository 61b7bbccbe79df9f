import { useId, useState, type FormEvent } from 'react';
import { MAX_VERSION_LABEL, versionLabelProblem } from '../../../../shared/notes/blocks.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Props {
  /** Sends the name; resolves true when the server kept the version (a refusal is shown by the sender). */
  onName: (label: string) => Promise<boolean>;
}

/** "Đặt tên phiên bản": a name for the text as it is now ("Bản trình Hội nghị", "Bản chốt"). */
export function NameVersionForm({ onName }: Props) {
  const { t } = useI18n();
  const n = t.history.name;
  const inputId = useId();
  const hintId = useId();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <button type="button" className="btn btn-secondary" data-testid="version-name-open" onClick={() => setOpen(true)}>
        {n.open}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = versionLabelProblem(label);
    if (problem) {
      setProblem(problem === 'required' ? n.required : n.tooLong(MAX_VERSION_LABEL));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      if (await onName(label.trim())) {
        setLabel('');
        setOpen(false);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="version-name-form" data-testid="version-name-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId} className="version-name-label">
        {n.label}
      </label>
      <input
        id={inputId}
        type="text"
        value={label}
        maxLength={MAX_VERSION_LABEL}
        placeholder={n.placeholder}
        aria-describedby={hintId}
        aria-invalid={problem !== null}
        data-testid="version-name-input"
        autoFocus
        onChange={(e) => setLabel(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy} data-testid="version-name-submit">
        {n.submit}
      </button>
      <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
        {t.common.cancel}
      </button>
      <p id={hintId} className={problem ? 'history-error' : 'muted version-name-hint'} role={problem ? 'alert' : undefined}>
        {problem ?? n.hint}
      </p>
    </form>
  );
}
