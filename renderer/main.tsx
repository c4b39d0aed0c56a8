import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { applyStoredTheme } from './theme';
import { database, repositories, requestPersistentStorage } from './db/instance';
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME } from './db/database';
import { isStoredVersionOlder } from './backup/stored-version';
import { LockGate } from './features/lock/lock-gate';
import { loadLock, useLock } from './features/lock/lock-store';
import { openNotesAtStart } from './features/lock/notes-key';
import { prefetchScreens } from './screens';
import { DEFERRED_WORK_MARK } from './deferred-work';
import { watchTypingPauses } from './typing-pause';
import { reportUnsavedWork } from './unsaved-work';
import { platform } from './platform';
import './styles.css';

applyStoredTheme();
void requestPersistentStorage();

const root = document.getElementById('root')!;

function renderApp() {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <LockGate>
          <App />
        </LockGate>
      </ErrorBoundary>
    </StrictMode>,
  );
}

/** Once start-up is over, sync starts and the other screens and the search worker are fetched, so
 * each opens even once the network is gone; the worker builds its index for the first search at a
 * pause in typing (a search before that builds it on demand). */
const DEFERRED_WORK_DELAY_MS = 1_500;
const SEARCH_WARM_UP_PAUSE = { pauseMs: 2_000, maxWaitMs: 60_000 };
/** The day's automatic backup and the retention policy run once the app has settled, then hourly. */
const HOUSEKEEPING_DELAY_MS = 10_000;
/** Reminders start once the first screen is drawn; one due at start-up waits a moment, not a minute. */
const REMINDERS_DELAY_MS = 1_000;

function start() {
  reportUnsavedWork(platform);
  const waitForTypingPause = watchTypingPauses(document);
  setTimeout(() => {
    // What follows is the app's deferred work: the start-up benchmarks count the code fetched before
    // this mark (or before Today is ready, if later) and no more.
    performance.mark(DEFERRED_WORK_MARK);
    // Sync's engine and connectors: the sidebar follows their status from a store of its own.
    void import('./sync/service').then((sync) => sync.startSyncService());
    requestIdleCallback(() => {
      // Both are marked on the page: the offline tests need every screen fetched first, and the
      // benchmarks measure an app whose start-up work is over.
      void prefetchScreens().then(() => (document.documentElement.dataset.screensPrefetched = 'true'));
      void import('./search/search-service').then(async (search) => {
        search.startSearchWorker();
        await waitForTypingPause(SEARCH_WARM_UP_PAUSE);
        await search.warmSearchIndex();
        document.documentElement.dataset.searchIndexWarm = 'true';
      });
    });
  }, DEFERRED_WORK_DELAY_MS);
  setTimeout(
    () =>
      void import('./features/privacy/housekeeping').then((housekeeping) =>
        housekeeping.startHousekeeping(waitForTypingPause),
      ),
    HOUSEKEEPING_DELAY_MS,
  );
  setTimeout(
    () =>
      void import('./reminders/reminder-service').then((reminders) =>
        reminders.startReminders({
          repositories,
          platform,
          // Until the lock's settings are read, it counts as on.
          locked: () => ['locked', 'loading'].includes(useLock.getState().status),
          // Marked on the page: the browser tests wait for a check to know none was raised.
          onChecked: () => (document.documentElement.dataset.remindersChecked = 'true'),
        }),
      ),
    REMINDERS_DELAY_MS,
  );
  if (new URLSearchParams(window.location.search).has('demo')) {
    // ?demo=medium fills an empty database before the first render; a normal start never loads this code.
    void import('./demo/load-demo-data')
      .then((demo) => demo.loadDemoDataFromUrl(database, window.location))
      .finally(renderApp);
  } else {
    renderApp();
  }
}

/** A database stored by an older release is backed up before anything opens it and upgrades it;
 * then the lock's settings are read, for the lock gate and the data key alike, and the data key
 * is opened (or, with the app lock on, waits for the passcode). */
async function prepareDatabase() {
  const upgrading = await isStoredVersionOlder(DATABASE_NAME, CURRENT_SCHEMA_VERSION);
  if (upgrading) {
    const { guardSchemaUpgrade } = await import('./features/privacy/upgrade-guard');
    await guardSchemaUpgrade(root);
  }
  const lock = await loadLock();
  await openNotesAtStart(lock !== null, upgrading, showSealing);
}

/** Shown, before the app can render, while an older database is backed up and encrypted. */
function showSealing() {
  const card = document.createElement('section');
  card.className = 'lock-card';
  card.setAttribute('role', 'status');
  const title = document.createElement('h1');
  title.textContent = 'Encrypting your notes';
  const text = document.createElement('p');
  text.className = 'muted';
  text.textContent =
    'Followthrough now keeps your notes encrypted on this computer. It backs them up, then encrypts them: this happens once and can take a minute with years of notes. Keep it open.';
  card.append(title, text);
  const screen = document.createElement('main');
  screen.className = 'lock-screen';
  screen.append(card);
  root.replaceChildren(screen);
}

void prepareDatabase().finally(start);
