import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { applyStoredTheme } from './theme';
import { requestPersistentStorage } from './db/instance';
import './styles.css';

applyStoredTheme();
void requestPersistentStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
