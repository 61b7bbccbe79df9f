import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadView } from './App.js';
import { MeetingConnection } from './live/connection.js';
import { loadSnapshot } from './live/snapshotCache.js';
import { forgetToken, takeToken } from './live/token.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { loadStoredLang } from './i18n/language.js';
import { registerServiceWorker } from './offline/serviceWorker.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/console.css';
import './styles/tablet.css';
import './styles/screen.css';
import './styles/ballots.css';
import './styles/notes.css';
import './styles/history.css';
import './styles/pin.css';
import './styles/notices.css';
import './styles/review.css';
import './styles/documents.css';

registerServiceWorker();

const token = takeToken();
// A dead link is forgotten, so a reload shows the "use your personal link" page instead of retrying.
const connection = token ? new MeetingConnection(token, () => forgetToken(token)) : null;
if (token && connection) {
  connection.start();
  preloadView(loadSnapshot(token)?.snapshot.you.role);
}

// A device set to English paints English from the first frame; the socket and the view's chunk are
// already on their way meanwhile.
void loadStoredLang().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <App connection={connection} />
      </I18nProvider>
    </StrictMode>,
  ),
);
