import { lazy, Suspense, useEffect, useState } from 'react';
import type { Role } from '../../shared/meeting/state.js';
import { ToastProvider } from './components/Toasts.js';
import { MeetingConnection } from './live/connection.js';
import { forgetToken, takeToken } from './live/token.js';
import { ConnectionProvider, useLiveView } from './live/useMeeting.js';
import { ConnectingPage } from './pages/ConnectingPage.js';
import { EndedPage, NoTokenPage } from './pages/MessagePage.js';

// Each device loads only its own view: a projector PC never downloads the chair's console.
const ChairConsole = lazy(() => import('./views/chair/ChairConsole.js').then((m) => ({ default: m.ChairConsole })));
const ObserverView = lazy(() => import('./views/observer/ObserverView.js').then((m) => ({ default: m.ObserverView })));
const ScreenView = lazy(() => import('./views/screen/ScreenView.js').then((m) => ({ default: m.ScreenView })));
const TabletView = lazy(() => import('./views/tablet/TabletView.js').then((m) => ({ default: m.TabletView })));

export function App() {
  const [token] = useState(takeToken);
  if (!token) return <NoTokenPage />;
  return <LiveMeeting token={token} />;
}

function LiveMeeting({ token }: { token: string }) {
  const [connection, setConnection] = useState<MeetingConnection | null>(null);
  useEffect(() => {
    // A dead link is forgotten, so a reload shows the "use your personal link" page instead of retrying.
    const c = new MeetingConnection(token, () => forgetToken(token));
    c.start();
    setConnection(c);
    return () => c.stop();
  }, [token]);
  if (!connection) return <ConnectingPage withBadge={false} />;
  return (
    <ConnectionProvider connection={connection}>
      <ToastProvider>
        <MeetingView />
      </ToastProvider>
    </ConnectionProvider>
  );
}

type View = 'console' | 'tablet' | 'screen' | 'observer';
const VIEW_OF_ROLE: Record<Role, View> = {
  chair: 'console', secretary: 'console', member: 'tablet', guest: 'tablet', screen: 'screen', observer: 'observer',
};
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
  return <Suspense fallback={<ConnectingPage />}><RoleView view={chooseView(view.you.role)} /></Suspense>;
}

function RoleView({ view }: { view: View }) {
  switch (view) {
    case 'console': return <ChairConsole />;
    case 'tablet': return <TabletView />;
    case 'screen': return <ScreenView />;
    case 'observer': return <ObserverView />;
  }
}
