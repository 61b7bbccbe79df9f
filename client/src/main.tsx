import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { registerServiceWorker } from './offline/serviceWorker.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/console.css';
import './styles/tablet.css';
import './styles/screen.css';
import './styles/ballots.css';
import './styles/notes.css';

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
