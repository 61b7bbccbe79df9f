import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

interface Toast {
  id: number;
  text: string;
  /** The server's own message, kept for whoever needs to report the problem. */
  detail: string;
}

type Show = (text: string, detail?: string) => void;
const ToastContext = createContext<Show>(() => undefined);
const SHOW_MS = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  const show = useCallback<Show>(
    (text, detail = '') => {
      const id = nextId.current++;
      // Repeated taps on a refused button should not stack the same message.
      setToasts((list) => [...list.filter((x) => x.text !== text), { id, text, detail }].slice(-3));
      setTimeout(() => dismiss(id), SHOW_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <Toasts toasts={toasts} dismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  const { t } = useI18n();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-testid="toast" title={toast.detail}>
          <span>{toast.text}</span>
          <button type="button" className="btn btn-ghost" onClick={() => dismiss(toast.id)} aria-label={t.common.dismiss}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

export function useToast(): Show {
  return useContext(ToastContext);
}
