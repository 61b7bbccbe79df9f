import { useI18n } from '../i18n/I18nProvider.js';
import type { DocSession } from './docSession.js';
import { useDocPresence } from './useDocSession.js';

interface Person {
  key: string;
  name: string;
  color: string;
  readOnly: boolean;
  you: boolean;
}

/** Everyone with the document open, once each however many tabs they have: editors first, then readers. */
function people(session: DocSession, presence: ReturnType<typeof useDocPresence>): Person[] {
  const byKey = new Map<string, Person>();
  for (const { clientId, user } of presence) {
    const key = user.participantId ?? `client-${clientId}`;
    const you = key === session.user.participantId;
    if (byKey.has(key)) continue;
    byKey.set(key, { key, name: user.name ?? '?', color: user.color ?? '#6b7280', readOnly: user.readOnly === true, you });
  }
  return [...byKey.values()].sort((a, b) => Number(a.readOnly) - Number(b.readOnly) || Number(b.you) - Number(a.you) || a.name.localeCompare(b.name, 'vi'));
}

export function DocPresenceList({ session }: { session: DocSession }) {
  const { t } = useI18n();
  const list = people(session, useDocPresence(session));
  return (
    <div className="doc-presence" role="group" aria-label={t.notes.presence.label} data-testid="doc-presence">
      <span className="sr-only">{t.notes.presence.label}:</span>
      <ul className="doc-presence-list">
        {list.map((p) => (
          <li key={p.key} className={`doc-person ${p.readOnly ? 'is-reading' : 'is-editing'}`} data-testid="doc-person" data-participant={p.key}>
            <span className="doc-person-dot" style={{ background: p.color }} aria-hidden="true" />
            <span className="doc-person-name">
              {p.name}
              {p.you && <span className="muted"> {t.notes.presence.you}</span>}
            </span>
            <span className="sr-only"> · {p.readOnly ? t.notes.presence.reading : t.notes.presence.editing}</span>
            {p.readOnly && (
              <span className="doc-person-tag" aria-hidden="true">
                {t.notes.presence.reading}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
