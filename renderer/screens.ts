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

export function prefetchScreens(): void {
  for (const load of Object.values(screenModules)) void load();
}
