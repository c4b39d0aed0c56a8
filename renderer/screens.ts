// The screens other than Today, each loaded on first use so start-up stays small; once the app is
// idle they are all fetched ahead, so every screen still opens with the network gone.
export const screenModules = {
  participants: () => import('./features/participants/participants-page'),
  sessions: () => import('./features/sessions/sessions-page'),
  actions: () => import('./features/actions/actions-page'),
  contracts: () => import('./features/contracts/contracts-page'),
  sync: () => import('./features/sync/sync-page'),
  metrics: () => import('./features/metrics/metrics-page'),
  settings: () => import('./features/settings/settings-page'),
};

/** A screen waits at most this long for an idle moment, so all are fetched within a few seconds of
 * start-up even while the coach types: the network may be gone soon after. */
const IDLE_WAIT_MS = 250;

/** One screen per idle moment, so fetching and running their code never holds the page up for long
 * (all at once took the main thread for long enough to delay an autosave while typing). */
export async function prefetchScreens(): Promise<void> {
  for (const load of Object.values(screenModules)) {
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: IDLE_WAIT_MS }));
    // A screen that cannot be fetched now is fetched again when opened.
    await load().catch(() => undefined);
  }
}
