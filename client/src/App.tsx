import { Suspense } from 'react';
import type { Role } from '../../shared/meeting/state.js';
import { CrashGuard } from './components/CrashGuard.js';
import { ToastProvider } from './components/Toasts.js';
import type { MeetingConnection } from './live/connection.js';
import { ConnectionProvider, useLiveView } from './live/useMeeting.js';
import { lazyChunk } from './offline/lazyChunk.js';
import { ConnectingPage } from './pages/ConnectingPage.js';
import { EndedPage, NoTokenPage } from './pages/MessagePage.js';

type View = 'console' | 'tablet' | 'screen' | 'observer';
const VIEW_OF_ROLE: Record<Role, View> = {
  chair: 'console',
  secretary: 'console',
  member: 'tablet',
  guest: 'tablet',
  screen: 'screen',
  observer: 'observer',
};

// Each device loads only its own view: a projector PC never downloads the chair's console.
const LOADERS = {
  console: () => import('./views/chair/ChairConsole.js').then((m) => ({ default: m.ChairConsole })),
  observer: () => import('./views/observer/ObserverView.js').then((m) => ({ default: m.ObserverView })),
  screen: () => import('./views/screen/ScreenView.js').then((m) => ({ default: m.ScreenView })),
  tablet: () => import('./views/tablet/TabletView.js').then((m) => ({ default: m.TabletView })),
} satisfies Record<View, unknown>;
const ChairConsole = lazyChunk(LOADERS.console);
const ObserverView = lazyChunk(LOADERS.observer);
const ScreenView = lazyChunk(LOADERS.screen);
const TabletView = lazyChunk(LOADERS.tablet);

/**
 * Starts downloading the view this link most likely opens while the socket connects, instead of
 * after the snapshot names the role: the role of the last visit, or a tablet's (most devices).
 */
export function preloadView(role: Role | undefined): void {
  void LOADERS[VIEW_OF_ROLE[role ?? 'member']]().catch(() => undefined);
}

/** `connection` is started before React's first render (main.tsx), so the handshake overlaps it. */
export function App({ connection }: { connection: MeetingConnection | null }) {
  if (!connection) return <NoTokenPage />;
  return (
    <ConnectionProvider connection={connection}>
      <ToastProvider>
        <CrashGuard>
          <MeetingView />
        </CrashGuard>
      </ToastProvider>
    </ConnectionProvider>
  );
}

const PREVIEWS: readonly View[] = ['screen', 'observer'];

/** The view follows the role; the chair and secretary may preview the read-only ones with ?view=. */
function chooseView(role: Role): View {
  const own = VIEW_OF_ROLE[role];
  const asked = new URLSearchParams(window.location.search).get('view') as View | null;
  return own === 'console' && asked !== null && PREVIEWS.includes(asked) ? asked : own;
}

function MeetingView() {
  const view = useLiveView();
  if (view.ended) return <EndedPage ending={view.ended} />;
  if (!view.state || !view.you) return <ConnectingPage />;
  return (
    <Suspense fallback={<ConnectingPage />}>
      <RoleView view={chooseView(view.you.role)} />
    </Suspense>
  );
}

function RoleView({ view }: { view: View }) {
  switch (view) {
    case 'console':
      return <ChairConsole />;
    case 'tablet':
      return <TabletView />;
    case 'screen':
      return <ScreenView />;
    case 'observer':
      return <ObserverView />;
  }
}
