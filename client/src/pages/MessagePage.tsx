import type { ReactNode } from 'react';
import { LangSwitch } from '../components/LangSwitch.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** A whole-page message for the moments there is no meeting to show. */
export function MessagePage({ title, body, testId, children }: { title: string; body?: string; testId: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="message-page" data-testid={testId}>
      <div className="message-card">
        <p className="message-app">{t.appName}</p>
        <h1>{title}</h1>
        {body && <p>{body}</p>}
        {children}
        <LangSwitch />
      </div>
    </main>
  );
}

export function NoTokenPage() {
  const { t } = useI18n();
  return <MessagePage testId="no-token" title={t.pages.noTokenTitle} body={t.pages.noTokenBody} />;
}

export function EndedPage({ ending }: { ending: 'revoked' | 'unauthorized' }) {
  const { t } = useI18n();
  return ending === 'revoked' ? (
    <MessagePage testId="revoked" title={t.pages.revokedTitle} body={t.pages.revokedBody} />
  ) : (
    <MessagePage testId="invalid-link" title={t.pages.invalidTitle} body={t.pages.invalidBody} />
  );
}
