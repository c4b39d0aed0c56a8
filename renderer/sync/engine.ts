// Drains the outbox through the configured connector. One run at a time (a trigger during a run
// queues exactly one follow-up). A run: the upstream's pause decides whether it sends at all; the
// batch pipeline pushes (renderer/sync/batch-pipeline.ts); a two-way connector then pulls
// (pull-step.ts); the run record (run-record.ts) goes to the history in the same commit as the
// pause the run leaves. The engine reports outcomes as data (outcomes.ts); wording.ts says them.
// It knows nothing of HTTP or files: that is the connector's business.
import type { FollowthroughDatabase } from '../db/database';
import type { Clock } from '../db/write';
import type { SyncTrigger } from '../../shared/model';
import type { Result } from '../../shared/result';
import { createLogger } from '../../shared/logger';
import { errorMessage } from '../../shared/result';
import { drainOutbox } from './batch-pipeline';
import type { PullApplied, PulledChange, SyncConnector } from './connectors/connector';
import { liveRecordContext } from './live-record-context';
import type { RunStop, SyncRunReport, SyncStop } from './outcomes';
import { endWaitsPast, nextDueAt, releaseRefused } from './outbox-queue';
import { defaultSyncPolicy, longestWaitMs, type SyncPolicy } from './policy';
import { nothingPulled, pullStep } from './pull-step';
import { createSettlement } from './push-settlement';
import { recordRun } from './run-log';
import { createRunRecord, type RunRecord } from './run-record';
import { readUpstreamPause, writeLastCompletedRunAt, writeUpstreamPause } from './settings';
import { byCoach, pausedReport, pausesRun } from './upstream-pause';
import { runMessage } from './wording';

const log = createLogger('sync');

export type { SyncTrigger };

export type SyncEngineDeps = {
  db: FollowthroughDatabase;
  /** The configured connector, or why there is none. */
  connector: () => Promise<Result<SyncConnector>>;
  isOnline: () => Promise<boolean>;
  now: Clock;
  random?: () => number;
  policy?: Partial<SyncPolicy>;
  /** Lets the UI, and the answer to the request in flight, go first while a page is prepared. */
  yieldToUi?: () => Promise<void>;
  /** Told at a page's end, at most every `progressIntervalMs`, how many records this run has delivered so far. */
  onProgress?: (progress: { sent: number }) => void;
  /**
   * Applies changes pulled by a two-way connector such as the Followthrough hub, in one
   * transaction. Answers how many local records it changed, when it knows (a pull also returns the
   * device's own pushes), and why any change it could not keep was not.
   */
  applyPulled?: (changes: PulledChange[]) => Promise<PullApplied | void>;
};

/**
 * Goes on in a later task: where the browser schedules by priority, a background one, so painting,
 * input and the network's answers all come first; else after a message, which unlike
 * setTimeout(0) is not clamped.
 */
function laterTask(): Promise<void> {
  if (typeof scheduler !== 'undefined') return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const notRun = (outcome: 'not-set-up' | 'offline' | 'failed', stop: SyncStop): SyncRunReport => ({
  outcome,
  stop,
  run: null,
  nextDueAt: null,
});

type Finished = {
  record: RunRecord;
  stop: RunStop | null;
  pulled: PullApplied;
  /** Settles once the entries acknowledged are removed. */
  removed: Promise<unknown>;
  settingsRevision: number;
};

/**
 * Words the run and writes the history and the schedule's bookmark, in one commit, while the last
 * entries sent are removed; when the next entry is due is read once they are gone.
 */
async function finishRun(db: FollowthroughDatabase, now: Clock, finished: Finished): Promise<SyncRunReport> {
  const { record, stop, pulled, removed, settingsRevision } = finished;
  const { run } = record;
  run.finishedAt = now();
  run.outcome = stop?.outcome ?? (record.sent() > 0 ? 'sent' : run.parked > 0 ? 'rejected' : 'up-to-date');
  run.message = runMessage(run, pulled, stop?.stop ?? null);
  const worthKeeping =
    run.exchanges.length > 0 || run.parked > 0 || run.held > 0 || pulled.changed + pulled.notKept.length > 0;
  const pause = stop?.pause ? { connector: run.connector, settingsRevision, ...stop.pause } : null;
  const [[id], nextDue] = await Promise.all([
    db.transaction('rw', db.syncRuns, db.settings, db.participants, async () => {
      // Read in the same commit, so an erasure either comes before it or scrubs the run after.
      Object.assign(run, await record.withoutErasedParticipants(db));
      return Promise.all([
        worthKeeping ? recordRun(db, run) : undefined,
        stop ? undefined : writeLastCompletedRunAt(db, run.startedAt),
        writeUpstreamPause(db, pause),
      ]);
    }),
    removed.then(() => nextDueAt(db)),
  ]);
  run.id = id;
  if (stop) log.warn(`${run.trigger} run: ${run.outcome}`, run.message);
  const until = stop?.pause?.until;
  return {
    outcome: stop?.stop.type === 'unreachable' ? 'unreachable' : run.outcome,
    stop: stop?.stop ?? null,
    run: worthKeeping ? run : null,
    nextDueAt: until && nextDue !== null ? Math.max(nextDue, until) : nextDue,
  };
}

export function createSyncEngine(deps: SyncEngineDeps) {
  const { db, now } = deps;
  const policy: SyncPolicy = { ...defaultSyncPolicy, ...deps.policy };
  const random = deps.random ?? Math.random;
  const pacing = { yieldToUi: deps.yieldToUi ?? laterTask, sliceMs: policy.sliceMs };

  async function runOnce(trigger: SyncTrigger): Promise<SyncRunReport> {
    const startedAt = now();
    const [resolved, online] = await Promise.all([deps.connector(), deps.isOnline()]);
    if (!resolved.ok) return notRun('not-set-up', { type: 'not-set-up', reason: resolved.error });
    const connector = resolved.value;
    if (connector.needsNetwork && !online) return notRun('offline', { type: 'offline' });

    const { pause, settingsRevision, refusedEntries } = await readUpstreamPause(db, connector.label);
    if (pause && pausesRun(pause, trigger, startedAt, longestWaitMs(policy))) return pausedReport(pause);
    // Past a refused connection (new settings saved, or Sync now), what it set aside goes again.
    await releaseRefused(db, refusedEntries, startedAt);
    await endWaitsPast(db, startedAt + longestWaitMs(policy), startedAt);

    const record = createRunRecord({ trigger, connector: connector.label, startedAt }, now);
    const records = liveRecordContext(db);
    const pipeline = {
      ...createSettlement({ db, connector, policy, random, now, record }),
      records,
      pacing,
      // A run the coach asked for sends what waits for its next attempt too.
      dueBy: () => (byCoach(trigger) ? Number.POSITIVE_INFINITY : now()),
      startedAt,
      onProgress: deps.onProgress,
    };
    const drained = await drainOutbox(pipeline).finally(() => records.close());
    const removed = Promise.all(pipeline.settling);
    const pulledStep = drained
      ? { stop: drained, pulled: nothingPulled }
      : await pullStep({ db, connector, applyPulled: deps.applyPulled, backoff: policy.backoff, random, now }, removed);
    return finishRun(db, now, { record, ...pulledStep, removed, settingsRevision });
  }

  /** Every run ends with a report: one that meets an error still leaves each unacknowledged change queued. */
  async function runReporting(trigger: SyncTrigger): Promise<SyncRunReport> {
    try {
      return await runOnce(trigger);
    } catch (error) {
      log.error(`${trigger} run stopped`, error);
      return notRun('failed', { type: 'failed', error: errorMessage(error) });
    }
  }

  let running: Promise<SyncRunReport> | null = null;
  let followUp: Promise<SyncRunReport> | null = null;
  let followUpTrigger: SyncTrigger | null = null;

  /**
   * Starts a run, or, while one runs, queues a single follow-up shared by every caller meanwhile.
   * The follow-up runs as the coach's when they asked for it, whichever trigger queued it first.
   */
  function run(trigger: SyncTrigger): Promise<SyncRunReport> {
    if (!running) {
      running = runReporting(trigger).finally(() => {
        running = null;
      });
      return running;
    }
    if (followUpTrigger === null || byCoach(trigger)) followUpTrigger = trigger;
    followUp ??= running.then(() => {
      const queued = followUpTrigger ?? trigger;
      followUp = null;
      followUpTrigger = null;
      return run(queued);
    });
    return followUp;
  }

  return { run, isRunning: () => running !== null };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
