import { Suspense, type ComponentProps } from 'react';
import { lazyChunk } from '../offline/lazyChunk.js';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * The editor (TipTap, ProseMirror, Yjs, y-websocket, IndexedDB) is most of the client's weight:
 * it loads after the meeting is on screen, so the current item and the speaker never wait for it,
 * and a download cut off by a restart is tried again instead of taking the whole app down.
 */
const LiveDoc = lazyChunk(() => import('./LiveDoc.js').then((m) => ({ default: m.LiveDoc })));

export function LazyLiveDoc(props: ComponentProps<typeof LiveDoc>) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="muted notes-opening">{t.notes.status.loading}</p>}>
      <LiveDoc {...props} />
    </Suspense>
  );
}
