import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { applyStoredTheme } from './theme';
import { startSyncService } from './sync/service';
import { database, requestPersistentStorage } from './db/instance';
import './styles.css';

applyStoredTheme();
void requestPersistentStorage();
startSyncService();

function renderApp() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

/** Once the app is idle after start, the search worker builds its index, so the first search is instant. */
const SEARCH_WARM_DELAY_MS = 3_000;
setTimeout(
  () => requestIdleCallback(() => void import('./search/search-service').then((search) => search.warmSearchIndex())),
  SEARCH_WARM_DELAY_MS,
);

if (new URLSearchParams(window.location.search).has('demo')) {
  // ?demo=medium fills an empty database before the first render; a normal start never loads this code.
  void import('./demo/load-demo-data')
    .then((demo) => demo.loadDemoDataFromUrl(database, window.location))
    .finally(renderApp);
} else {
  renderApp();
}
