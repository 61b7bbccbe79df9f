import { Component, type ReactNode } from 'react';
import { MessagePage } from '../pages/MessagePage.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Long enough to read the message, short enough for a projector nobody is standing at. */
const RELOAD_AFTER_MS = 15_000;

/**
 * Without a boundary, React unmounts the whole app on a render error and the device shows a blank
 * page for good, socket connected and all. This shows what happened and reloads the page, which
 * brings a fresh snapshot (the meeting itself lives on the server; notes wait in IndexedDB).
 */
export class CrashGuard extends Component<{ children: ReactNode }, { crashed: boolean }> {
  state = { crashed: false };
  private timer: ReturnType<typeof setTimeout> | null = null;

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  componentDidCatch(error: unknown): void {
    console.error('the view crashed; reloading', error);
    this.timer ??= setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
  }

  componentWillUnmount(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  render(): ReactNode {
    return this.state.crashed ? <CrashPage /> : this.props.children;
  }
}

function CrashPage() {
  const { t } = useI18n();
  return (
    <MessagePage testId="crashed" title={t.pages.crashTitle} body={t.pages.crashBody}>
      <button type="button" className="btn btn-primary btn-large" data-testid="crash-reload" onClick={() => window.location.reload()}>
        {t.pages.reload}
      </button>
    </MessagePage>
  );
}
