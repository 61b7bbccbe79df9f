import { lazy, Suspense, type ComponentProps } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * The editor (TipTap, ProseMirror, Yjs, y-websocket, IndexedDB) is most of the client's weight:
 * it loads after the meeting is on screen, so the current item and the speaker never wait for it.
 */
const LiveDoc = lazy(() => import('./LiveDoc.js').then((m) => ({ default: m.LiveDoc })));

export function LazyLiveDoc(props: ComponentProps<typeof LiveDoc>) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="muted notes-opening">{t.notes.status.loading}</p>}>
      <LiveDoc {...props} />
    </Suspense>
  );
}
