// Sync in the running app: the engine over the app's database, with the connector chosen in
// Sync settings, triggered by the network coming back, the weekly slot (checked every minute and
// at start, so a missed slot runs at the next start), "Sync now" and its own retry timer.
import { database } from '../db/instance';
import { onNetworkChange, platform } from '../platform';
import { fail, ok, type Result } from '../../shared/result';
import { defaultBackoffPolicy } from './backoff';
import type { SyncConnector } from './connectors/connector';
import { createFileDropConnector } from './connectors/file-drop';
import { createHubConnector } from './connectors/hub';
import { createHubApplier } from './connectors/hub-apply';
import { createWebhookConnector } from './connectors/webhook';
import { createSyncEngine, type SyncTrigger } from './engine';
import type { SyncRunReport } from './outcomes';
import { isScheduledRunDue } from './schedule';
import { originOf, readSecretFor } from './secrets';
import {
  HUB_TOKEN_KEY,
  WEBHOOK_SECRET_KEY,
  readLastCompletedRunAt,
  readPullCursor,
  readSyncSettings,
} from './settings';
import { createTransport } from './transport';
import { reportMessage } from './wording';
import { useSyncStatus } from './sync-status';

const SCHEDULE_CHECK_MS = 60_000;
/** Timers never wait longer than this, so sleep and clock changes cannot strand a retry. */
const MAX_TIMER_MS = 60 * 60_000;
const OUT_OF_TIME_PAUSE_MS = 1_000;
/** How long a run waits, after finding nothing answering at the upstream, before it looks again. */
const UNREACHABLE_RETRY_MS = 60_000;
const REACHABILITY_TIMEOUT_MS = 5_000;

const transport = createTransport((request) => platform.httpRequest(request));

/** Asks the platform; a check that could not be made says nothing, so it does not hold changes back. */
async function checkReachable(url: string): Promise<boolean> {
  const result = await platform.checkReachable({ url, timeoutMs: REACHABILITY_TIMEOUT_MS });
  return !result.ok || result.value.reachable;
}

async function webhookConnector(url: string): Promise<Result<ReturnType<typeof createWebhookConnector>>> {
  const secret = await readSecretFor(platform, WEBHOOK_SECRET_KEY, url);
  if (!secret.ok) return fail(`The webhook's signing secret could not be read: ${secret.error}`);
  if (!secret.value) return fail('Add the signing secret in Sync settings to send to the webhook');
  if ('enteredFor' in secret.value) {
    return fail(
      `The signing secret was entered for ${secret.value.enteredFor}, not ${originOf(url)}: enter the secret for this address in Sync settings`,
    );
  }
  return ok(
    createWebhookConnector({
      url,
      secret: secret.value.secret,
      transport,
      backoff: defaultBackoffPolicy,
      now: Date.now,
      checkReachable,
    }),
  );
}

async function hubConnector(url: string): Promise<Result<ReturnType<typeof createHubConnector>>> {
  const token = await readSecretFor(platform, HUB_TOKEN_KEY, url);
  if (!token.ok) return fail(`The hub token could not be read: ${token.error}`);
  if (!token.value) return fail('Add your coach token in Sync settings to sync with the hub');
  if ('enteredFor' in token.value) {
    return fail(
      `Your coach token was entered for the hub at ${token.value.enteredFor}, not ${originOf(url)}: paste the token for this hub in Sync settings`,
    );
  }
  return ok(
    createHubConnector({
      url,
      token: token.value.secret,
      transport,
      backoff: defaultBackoffPolicy,
      now: Date.now,
      readCursor: () => readPullCursor(database, 'hub'),
      checkReachable,
    }),
  );
}

/** The file drop, once its folder is chosen and can be written to (always on the web: downloads). */
async function fileDropConnector(): Promise<Result<SyncConnector>> {
  const target = await platform.fileDropTarget();
  if (!target.ok) return fail(`The file drop folder could not be checked: ${target.error}`);
  if (target.value.target === 'folder') {
    if (!target.value.folder) return fail('Choose a folder for the file drop in Sync settings');
    if (target.value.problem) return fail(target.value.problem);
  }
  return ok(createFileDropConnector({ writeFileDrop: (input) => platform.writeFileDrop(input), now: Date.now }));
}

async function configuredConnector(): Promise<Result<SyncConnector>> {
  const { connector } = await readSyncSettings(database);
  if (connector.kind === 'webhook') return webhookConnector(connector.url);
  if (connector.kind === 'hub') return hubConnector(connector.url);
  if (connector.kind === 'file-drop') return fileDropConnector();
  return fail('Sync is off: choose a webhook, a file drop or a Followthrough hub in Sync settings');
}

async function isOnline(): Promise<boolean> {
  const status = await platform.networkStatus();
  return status.ok ? status.value.online : navigator.onLine;
}

const engine = createSyncEngine({
  db: database,
  connector: configuredConnector,
  isOnline,
  now: Date.now,
  onProgress: ({ sent }) => useSyncStatus.setState({ sent }),
  applyPulled: createHubApplier(database, Date.now),
});

let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** When the next run should happen by itself after `report`, or null to wait for a trigger. */
function followUpDelay(report: SyncRunReport): number | null {
  if (report.outcome === 'out-of-time') return OUT_OF_TIME_PAUSE_MS;
  if (report.outcome === 'unreachable') return UNREACHABLE_RETRY_MS;
  const goesOn = report.outcome === 'will-retry' || report.outcome === 'sent' || report.outcome === 'up-to-date';
  return goesOn && report.nextDueAt !== null ? Math.max(0, report.nextDueAt - Date.now()) : null;
}

function scheduleFollowUp(report: SyncRunReport): void {
  clearTimeout(retryTimer);
  const delay = followUpDelay(report);
  if (delay !== null) retryTimer = setTimeout(() => void runSync('retry'), Math.min(delay, MAX_TIMER_MS));
}

export async function runSync(trigger: SyncTrigger): Promise<SyncRunReport> {
  useSyncStatus.setState({ running: true, sent: 0 });
  const report = await engine.run(trigger);
  useSyncStatus.setState({
    last: { ...report, message: reportMessage(report), at: Date.now() },
    running: engine.isRunning(),
  });
  scheduleFollowUp(report);
  return report;
}

export const syncNow = () => runSync('manual');

async function runIfScheduled(): Promise<void> {
  const { connector, schedule } = await readSyncSettings(database);
  if (connector.kind === 'off') return;
  if (isScheduledRunDue(schedule, await readLastCompletedRunAt(database), Date.now())) await runSync('schedule');
}

/** The test button in Sync settings: one signed test.ping to the saved webhook. */
export async function sendWebhookTestEvent(): Promise<Result<string>> {
  const { connector } = await readSyncSettings(database);
  if (connector.kind !== 'webhook') return fail('Save a webhook address first');
  const webhook = await webhookConnector(connector.url);
  return webhook.ok ? webhook.value.sendTestEvent() : webhook;
}

/** The test button for the hub: who the saved address and token say this coach is. */
export async function testHubConnection(): Promise<Result<string>> {
  const { connector } = await readSyncSettings(database);
  if (connector.kind !== 'hub') return fail('Save the hub address first');
  const hub = await hubConnector(connector.url);
  return hub.ok ? hub.value.testConnection() : hub;
}

let stopService: (() => void) | null = null;

/** Starts the triggers once; calling it again does nothing. Returns a stop function. */
export function startSyncService(): () => void {
  if (stopService) return stopService;
  void isOnline().then((online) => useSyncStatus.setState({ online }));
  const unsubscribe = onNetworkChange((online) => {
    useSyncStatus.setState({ online });
    if (online) void runSync('online');
  });
  void runIfScheduled();
  const scheduleTimer = setInterval(() => void runIfScheduled(), SCHEDULE_CHECK_MS);
  stopService = () => {
    unsubscribe();
    clearInterval(scheduleTimer);
    clearTimeout(retryTimer);
    stopService = null;
  };
  return stopService;
}
