// The Sync page: this week's summary, what needs attention, what waits, the run history and the
// connection settings.
import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { repositories } from '../../db/instance';
import { nextSlotAfter } from '../../sync/schedule';
import { syncNow } from '../../sync/service';
import { useSyncStatus } from '../../sync/sync-status';
import { weeklySummary } from '../../sync/weekly-summary';
import { RunHistory } from './run-history';
import { NeedsAttention, PendingQueue } from './sync-queues';
import { whoseFrom } from './whose';
import { SyncSettingsSection } from './sync-settings-section';
import {
  useMinuteClock,
  useOutboxOverview,
  useRecentRuns,
  useRunsThisWeek,
  useSyncSettings,
  useSyncState,
} from './use-sync-overview';
import './sync.css';

const connectionNames = { off: 'Sync is off', webhook: 'Webhook', 'file-drop': 'File drop' } as const;

export function SyncPage() {
  const overview = useOutboxOverview();
  const runs = useRecentRuns(20);
  const now = useMinuteClock();
  const week = useRunsThisWeek(now);
  const settings = useSyncSettings();
  const state = useSyncState();
  const status = useSyncStatus();
  const participants = useLiveQuery(() => repositories.participants.listActive(), []);
  const contracts = useLiveQuery(() => repositories.contracts.list(), []);
  const whose = useMemo(() => whoseFrom(participants ?? [], contracts ?? []), [participants, contracts]);

  if (!overview || !runs || !settings || !week.runs) return null;
  const connection =
    settings.connector.kind === 'webhook'
      ? `Webhook to ${new URL(settings.connector.url).host}`
      : settings.connector.kind === 'hub'
        ? `Followthrough hub at ${new URL(settings.connector.url).host}`
        : connectionNames[settings.connector.kind];
  // A report without a run (sync off, offline, held back) tells of a try, not of a sync.
  const lastReport = status.last
    ? `${status.last.run ? 'Last sync' : 'Last try'} ${format(status.last.at, 'HH:mm')}: ${status.last.message}. `
    : '';
  const next = settings.schedule.enabled
    ? `Next weekly sync ${format(nextSlotAfter(settings.schedule, now), "EEEE d MMMM 'at' HH:mm")}`
    : 'Weekly sync is off';

  return (
    <>
      <header className="page-header">
        <div>
          <p className="eyebrow">{connection}</p>
          <h1>Sync</h1>
        </div>
        <div className="row">
          <span className="badge sync-badge" data-tone={state.tone}>
            {state.text}
          </span>
          <button
            type="button"
            className="primary"
            disabled={status.running || settings.connector.kind === 'off'}
            title={settings.connector.kind === 'off' ? 'Choose where changes go in Sync settings first' : undefined}
            onClick={() => void syncNow()}
          >
            {status.running ? 'Syncing…' : 'Sync now'}
          </button>
        </div>
      </header>
      <div className="stack-lg sync-page">
        <section className="card sync-summary" aria-label="This week">
          <p className="sync-summary-line">{weeklySummary(week.runs, overview.parked, week.since)}</p>
          <p className="muted">
            {settings.connector.kind === 'off'
              ? 'Sync is off: choose a webhook, a file drop or a Followthrough hub in Sync settings below.'
              : `${lastReport}${next}.`}
          </p>
        </section>
        <NeedsAttention parked={overview.parked} whose={whose} />
        <PendingQueue
          pending={overview.pending}
          firstPending={overview.firstPending}
          held={overview.held}
          whose={whose}
          sending={status.running ? status.sent : null}
        />
        <RunHistory runs={runs} />
        <SyncSettingsSection stored={settings} />
      </div>
    </>
  );
}
