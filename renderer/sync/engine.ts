// Drains the outbox through the configured connector. One run at a time (a trigger during a run
// queues exactly one follow-up); batches in queue order, one request in flight at a time, the next
// one read, prepared and signed while it travels; the first retryable failure ends the run with
// backoff on that batch; entries are deleted only once the upstream acknowledged them. The engine
// knows nothing of HTTP or files: that is the connector's business.
import { format } from 'date-fns';
import type { FollowthroughDatabase } from '../db/database';
import type { Clock } from '../db/write';
import type { SyncExchange, SyncRun, SyncRunOutcome, SyncTrigger } from '../../shared/model';
import type { Result } from '../../shared/result';
import { createLogger } from '../../shared/logger';
import { errorMessage } from '../../shared/result';
import { defaultBackoffPolicy, retryDelayMs, type BackoffPolicy } from './backoff';
import { prepareBatch, type BatchItem, type SetAside } from './batch';
import type { PreparedPush, PullApplied, PulledChange, PushOutcome, SyncConnector } from './connectors/connector';
import {
  acknowledge,
  endWaitsPast,
  isDue,
  nextDueAt,
  readPage,
  recordFailedAttempt,
  releaseHeld,
  setAside,
  waitingEntries,
  type StoredEntry,
} from './outbox-queue';
import { recordRun } from './run-log';
import {
  readPullCursor,
  readUpstreamHold,
  writeLastCompletedRunAt,
  writePullCursor,
  writeUpstreamHold,
  type UpstreamHold,
} from './settings';
import { liveRecordContext } from './live-record-context';
import { plural, sentCounts } from './wording';
import { runWithout } from '../privacy/erase-participant';
import { prepareEvent } from './payload';

const log = createLogger('sync');

export type SyncPolicy = {
  backoff: BackoffPolicy;
  /** Failed attempts after which an entry is parked with its reason. */
  maxAttempts: number;
  /** A run stops taking new batches after this long; the next run goes on. */
  runBudgetMs: number;
  /** The longest stretch of preparing entries between two yields to the UI. */
  sliceMs: number;
  /**
   * The screen is told how far a run got at most this often: a drain of many seconds still moves
   * visibly, and a short one is not held up by re-rendering the Sync page after every page.
   */
  progressIntervalMs: number;
};

export const defaultSyncPolicy: SyncPolicy = {
  backoff: defaultBackoffPolicy,
  maxAttempts: 10,
  runBudgetMs: 120_000,
  sliceMs: 4,
  progressIntervalMs: 250,
};

export type { SyncTrigger };
/**
 * `unreachable`: the network is up, but nothing answers at the upstream's address. `failed`: the
 * run stopped on an error of this device (a write that failed, say).
 */
export type SyncOutcome = SyncRunOutcome | 'offline' | 'unreachable' | 'not-set-up' | 'failed';

export type SyncRunReport = {
  outcome: SyncOutcome;
  message: string;
  /** The run as kept in the history; null for a run that sent nothing and set nothing aside. */
  run: SyncRun | null;
  /** When the next pending entry is due, for the caller's retry timer. */
  nextDueAt: number | null;
};

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

type Hold = Omit<UpstreamHold, 'connector' | 'settingsRevision'>;

/**
 * Why a run ended early; `unreachable` when nothing answered at the upstream's address; `hold`
 * when the upstream is not to be asked again before a time, or before the coach acts.
 */
type Stop = { outcome: SyncRunOutcome; message: string; unreachable?: true; hold?: Hold };

/** Sync now and Retry: the coach asked for this run. */
const byCoach = (trigger: SyncTrigger) => trigger === 'manual' || trigger === 'retry-parked';

/**
 * Whether a hold keeps a run from sending. A run the coach asked for goes past the app's backoff
 * and past a refused connection (it is how they try a fix), never past the upstream's Retry-After.
 * A wait longer than any that may be asked for was set before the clock went back: it is over.
 */
function holdsBack(hold: Hold, trigger: SyncTrigger, now: number, longestWaitMs: number): boolean {
  if (hold.until !== null && hold.until - now > longestWaitMs) return false;
  if (byCoach(trigger)) return hold.retryAfterUntil !== null && now < hold.retryAfterUntil;
  return hold.until === null || now < hold.until;
}

const retryTime = (at: number) => format(at, 'HH:mm:ss');

/** The report of a run that a hold kept from sending anything. */
function heldBack(hold: Hold): SyncRunReport {
  if (hold.until === null) {
    return {
      outcome: 'rejected',
      message: `${hold.reason}. Sync waits until you change Sync settings or press Sync now`,
      run: null,
      nextDueAt: null,
    };
  }
  return {
    outcome: 'will-retry',
    message: `${hold.reason}. Trying again at ${retryTime(hold.until)}`,
    run: null,
    nextDueAt: hold.until,
  };
}

/**
 * Entries are read, and acknowledged ones removed, a few batches at a time: IndexedDB queues a
 * read behind every write transaction, so one of each per batch would leave the network idle.
 */
const BATCHES_PER_PAGE = 4;

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

const NOTHING_SENT = 'Nothing new to send';

/** What a run did, in one line. */
function completedMessage(run: SyncRun): string {
  const parts = [];
  if (run.sentActions + run.sentCommitments > 0) parts.push(`Sent ${sentCounts(run)}`);
  if (run.parked > 0) parts.push(`${plural(run.parked, 'change')} set aside`);
  if (run.held > 0) parts.push(`${plural(run.held, 'change')} held back by consent`);
  return parts.join('; ') || NOTHING_SENT;
}

/** Adds what a two-way connector brought back, when it brought anything, and what of it was not kept. */
function withPulled(message: string, { changed, notKept }: PullApplied): string {
  const parts = [message];
  if (changed > 0) parts.push(`received ${plural(changed, 'change')} from the upstream`);
  if (notKept.length > 0) {
    const why = notKept.length === 1 ? notKept[0] : `${notKept[0]}; …`;
    parts.push(`${plural(notKept.length, 'change')} from the upstream could not be kept here (${why})`);
  }
  return parts.join('; ');
}

export function createSyncEngine(deps: SyncEngineDeps) {
  const { db, now } = deps;
  const policy: SyncPolicy = { ...defaultSyncPolicy, ...deps.policy };
  const random = deps.random ?? Math.random;
  const yieldToUi = deps.yieldToUi ?? laterTask;
  const pacing = { yieldToUi, sliceMs: policy.sliceMs };
  const longestWaitMs = Math.max(policy.backoff.maxDelayMs, policy.backoff.maxRetryAfterMs);

  /** The whole upstream waits `delayMs`, not just the batch that failed: the next one would meet the same answer. */
  function waitFor(reason: string, delayMs: number, retryAfterMs: number | null): Stop {
    const until = now() + delayMs;
    return {
      outcome: 'will-retry',
      message: `${reason}. Trying again at ${retryTime(until)}`,
      hold: { reason, until, retryAfterUntil: retryAfterMs === null ? null : now() + retryAfterMs },
    };
  }

  /** The upstream refused the connection itself: every request would meet the same refusal until the coach acts. */
  const refused = (reason: string): Stop => ({
    outcome: 'rejected',
    message: reason,
    hold: { reason, until: null, retryAfterUntil: null },
  });

  async function runOnce(trigger: SyncTrigger): Promise<SyncRunReport> {
    const startedAt = now();
    const [resolved, online] = await Promise.all([deps.connector(), deps.isOnline()]);
    if (!resolved.ok) return { outcome: 'not-set-up', message: resolved.error, run: null, nextDueAt: null };
    const connector = resolved.value;
    if (connector.needsNetwork && !online) {
      return {
        outcome: 'offline',
        message: 'Offline: changes wait until the network is back',
        run: null,
        nextDueAt: null,
      };
    }

    const { hold, settingsRevision } = await readUpstreamHold(db, connector.label);
    if (hold && holdsBack(hold, trigger, startedAt, longestWaitMs)) return heldBack(hold);
    await endWaitsPast(db, startedAt + longestWaitMs, startedAt);
    /** A run the coach asked for sends what waits for its next attempt too. */
    const dueBy = () => (byCoach(trigger) ? Number.POSITIVE_INFINITY : now());

    const run: SyncRun = {
      trigger,
      connector: connector.label,
      startedAt,
      finishedAt: startedAt,
      outcome: 'up-to-date',
      message: '',
      sentActions: 0,
      sentCommitments: 0,
      parked: 0,
      held: 0,
      sentItems: [],
      exchanges: [],
    };

    function noteExchange(outcome: PushOutcome, events: number): void {
      const detail = outcome.kind === 'acknowledged' ? outcome.detail : outcome.reason;
      const exchange: SyncExchange = {
        at: now(),
        events,
        status: outcome.status,
        result: outcome.kind,
        detail: detail.slice(0, 1000),
      };
      run.exchanges.push(exchange);
    }

    /** Acknowledged items still in the outbox: removed together, once per page, off the critical path. */
    let acknowledged: BatchItem[] = [];
    const settling: Promise<void>[] = [];

    /** Entries of this run's records that are not going out now, so an acknowledgement can supersede them. */
    const waiting = new Map<string, StoredEntry[]>();
    const noteWaiting = (entry: StoredEntry) =>
      waiting.set(entry.recordId, [...(waiting.get(entry.recordId) ?? []), entry]);

    async function setEntriesAside(items: SetAside[], state: 'parked' | 'held'): Promise<void> {
      if (items.length === 0) return;
      const setAsideNow = await setAside(db, items, state, now());
      for (const entry of setAsideNow) noteWaiting(entry);
      if (state === 'parked') run.parked += setAsideNow.length;
      else run.held += setAsideNow.length;
    }

    /** Whose each record that went out is, and the name it went out with (null for none). */
    const ownerOf = new Map<string, { participantId: string; name: string | null }>();
    const noteOwners = (items: BatchItem[]) =>
      items.forEach((item) =>
        ownerOf.set(item.recordId, { participantId: item.participantId, name: item.event.participant.displayName }),
      );

    /** The run as the history may keep it: nothing of a participant erased while it ran, as erasure promises. */
    async function withoutErasedParticipants(): Promise<SyncRun> {
      const participantIds = [...new Set([...ownerOf.values()].map((owner) => owner.participantId))];
      if (participantIds.length === 0) return run;
      const present = await db.participants.bulkGet(participantIds);
      const erased = new Set(participantIds.filter((_, index) => present[index] === undefined));
      if (erased.size === 0) return run;
      const theirs = [...ownerOf].filter(([, owner]) => erased.has(owner.participantId));
      const ids = new Set([...erased, ...theirs.map(([recordId]) => recordId)]);
      const names = theirs.flatMap(([, owner]) => (owner.name === null ? [] : [owner.name]));
      return runWithout(run, ids, [...ids, ...names]).kept;
    }

    /** Counts what the upstream now holds; the entries are removed later, a page at a time. */
    function noteSent(items: BatchItem[]): void {
      for (const item of items) {
        if (item.recordType === 'action') run.sentActions += 1;
        else run.sentCommitments += 1;
        run.sentItems.push({ recordType: item.recordType, recordId: item.recordId, title: item.title });
      }
      acknowledged.push(...items);
    }

    async function onAcknowledged(items: BatchItem[]): Promise<void> {
      const candidates = items.flatMap((item) => [...item.entries, ...(waiting.get(item.recordId) ?? [])]);
      await acknowledge(db, candidates, new Map(items.map((item) => [item.recordId, item.recordVersion])));
      for (const item of items) waiting.delete(item.recordId);
    }

    async function onRetry(items: BatchItem[], reason: string, retryAfterMs: number | null): Promise<Stop> {
      const entries = items.flatMap((item) => item.entries);
      const attempt = Math.max(...entries.map((entry) => entry.attempts)) + 1;
      const delayMs = Math.max(retryDelayMs(attempt, policy.backoff, random), retryAfterMs ?? 0);
      run.parked += await recordFailedAttempt(
        db,
        entries.map((entry) => entry.seq),
        { reason, delayMs, now: now(), maxAttempts: policy.maxAttempts },
      );
      return waitFor(reason, delayMs, retryAfterMs);
    }

    /** A push got no answer at all: whether anything answers at the upstream's address now. */
    const upstreamAnswers = async () => (connector.isReachable ? connector.isReachable() : true);

    /** Nothing answers at the upstream: its changes wait for it, as they do offline, with no attempt counted. */
    function unreachable(reason: string): Stop {
      return {
        outcome: 'will-retry',
        message: `${connector.label}: nothing answers there at the moment (${reason}). The changes wait, and no failed attempt is counted against them`,
        unreachable: true,
      };
    }

    /** Settles one push's outcome; a batch refused for its content is split to find the refused events. */
    async function settle(items: BatchItem[], outcome: PushOutcome): Promise<Stop | null> {
      noteExchange(outcome, items.length);
      noteOwners(items);
      if (outcome.kind === 'acknowledged') {
        noteSent(items);
        return null;
      }
      if (outcome.kind === 'retry') {
        if (!outcome.countsAsAttempt) return { outcome: 'cancelled', message: outcome.reason };
        if (outcome.status === null && !(await upstreamAnswers())) return unreachable(outcome.reason);
        return onRetry(items, outcome.reason, outcome.retryAfterMs);
      }
      if (outcome.scope === 'content' && items.length > 1) {
        const middle = Math.ceil(items.length / 2);
        return (await deliver(items.slice(0, middle))) ?? (await deliver(items.slice(middle)));
      }
      const reason = `Refused by the upstream. ${outcome.reason}`;
      await setEntriesAside(
        items.flatMap((item) => item.entries.map((entry) => ({ entry, reason }))),
        'parked',
      );
      return outcome.scope === 'connection' ? refused(outcome.reason) : null;
    }

    const eventsOf = (items: BatchItem[]) => items.map((item) => item.event);
    const deliver = async (items: BatchItem[]) => settle(items, await connector.push(eventsOf(items)));

    /** Removes what the upstream acknowledged so far, while the next batches go out; the run awaits it. */
    function settleAcknowledged(): void {
      if (acknowledged.length === 0) return;
      const settled = onAcknowledged(acknowledged);
      acknowledged = [];
      settled.catch(() => undefined);
      settling.push(settled);
    }

    /** `generation`: of the record context the batch was prepared with. */
    type Batch = { items: BatchItem[]; endsPage: boolean; generation: number };

    /** The run's batches in queue order; each page is read and prepared while the one before goes out. */
    async function* batches(): AsyncGenerator<Batch> {
      /** Reads and prepares the page after `afterSeq`; null when the queue has no more entries. */
      const prepareAfter = async (afterSeq: number) => {
        // The first page holds one batch, so the first request leaves as early as it can.
        const page = await readPage(db, afterSeq, connector.batchSize * (afterSeq === 0 ? 1 : BATCHES_PER_PAGE));
        if (page.length === 0) return null;
        const due = page.filter((entry) => isDue(entry, dueBy()));
        const { generation } = records;
        return {
          lastSeq: page[page.length - 1].seq,
          batch: await prepareBatch(due, records.context, pacing),
          generation,
        };
      };
      let upcoming = prepareAfter(0);
      try {
        for (let page = await upcoming; page; page = await upcoming) {
          await setEntriesAside(page.batch.held, 'held');
          await setEntriesAside(page.batch.unusable, 'parked');
          upcoming = prepareAfter(page.lastSeq);
          const { items } = page.batch;
          for (let start = 0; start < items.length; start += connector.batchSize) {
            const end = start + connector.batchSize;
            yield { items: items.slice(start, end), endsPage: end >= items.length, generation: page.generation };
          }
        }
      } finally {
        // A page prepared for nothing only read; its errors do not matter once the run is over.
        upcoming.catch(() => null);
      }
    }

    type ReadyBatch = Batch & { push: PreparedPush };
    const withRequest = async (batch: Batch): Promise<ReadyBatch> => ({
      ...batch,
      push: await connector.prepare(eventsOf(batch.items)),
    });

    /**
     * A batch prepared before participants or contracts changed, prepared again from its entries
     * as they are now: ones erased are gone, ones whose consent was withdrawn are held.
     */
    async function preparedAgain(batch: Batch): Promise<ReadyBatch | null> {
      const seqs = batch.items.flatMap((item) => item.entries.map((entry) => entry.seq));
      const stored = (await db.outbox.bulkGet(seqs)) as (StoredEntry | undefined)[];
      const due = stored.filter((entry) => entry !== undefined && isDue(entry, dueBy())) as StoredEntry[];
      const { generation } = records;
      const prepared = await prepareBatch(due, records.context, pacing);
      await setEntriesAside(prepared.held, 'held');
      await setEntriesAside(prepared.unusable, 'parked');
      if (prepared.items.length === 0) return null;
      return withRequest({ items: prepared.items, endsPage: batch.endsPage, generation });
    }

    /** The batch, prepared again if participants or contracts changed since; null when none of it may go. */
    async function upToDate(batch: ReadyBatch): Promise<ReadyBatch | null> {
      let ready: ReadyBatch | null = batch;
      while (ready && ready.generation !== records.generation) ready = await preparedAgain(ready);
      return ready;
    }

    async function drain(): Promise<Stop | null> {
      await releaseHeld(db, async (entry) => (await prepareEvent(entry, records.context)).kind === 'held');
      const noticed = waitingEntries(db, dueBy()).then((entries) => entries.forEach(noteWaiting));

      const source = batches();
      /** The next batch with its request built and signed, or null at the end of the queue. */
      const prepareNext = async () => {
        const next = await source.next();
        return next.done ? null : withRequest(next.value);
      };
      let upcoming = prepareNext();
      let progressToldAt = startedAt;
      await noticed;
      try {
        for (let current = await upcoming; current; current = await upcoming) {
          if (now() - startedAt >= policy.runBudgetMs) {
            return { outcome: 'out-of-time', message: 'This run used its time; the rest goes in the next run' };
          }
          const ready = await upToDate(current);
          if (ready) {
            // One request in flight at a time; the next one is built while this one travels.
            const sending = ready.push.send();
            upcoming = prepareNext();
            const stop = await settle(ready.items, await sending);
            if (stop) return stop;
          } else upcoming = prepareNext();
          if (current.endsPage) {
            settleAcknowledged();
            if (now() - progressToldAt >= policy.progressIntervalMs) {
              progressToldAt = now();
              deps.onProgress?.({ sent: run.sentActions + run.sentCommitments });
            }
          }
        }
        return null;
      } finally {
        upcoming.catch(() => null);
        await source.return(undefined);
        settleAcknowledged();
      }
    }

    let pulledBack: PullApplied = { changed: 0, notKept: [] };
    /** Pulls once the outbox no longer holds what the upstream acknowledged, so nothing sent looks unsent. */
    async function pull(removed: Promise<unknown>): Promise<Stop | null> {
      if (!connector.pull || !deps.applyPulled) return null;
      await removed;
      const pulled = await connector.pull(await readPullCursor(db, connector.kind));
      if (!pulled.ok) {
        if (pulled.refused) return refused(pulled.reason);
        const delayMs = Math.max(retryDelayMs(1, policy.backoff, random), pulled.retryAfterMs ?? 0);
        return waitFor(pulled.reason, delayMs, pulled.retryAfterMs);
      }
      pulledBack = (await deps.applyPulled(pulled.changes)) ?? { changed: pulled.changes.length, notKept: [] };
      await writePullCursor(db, connector.kind, pulled.cursor);
      return null;
    }

    const records = liveRecordContext(db);
    const drained = await drain().finally(() => records.close());
    const removed = Promise.all(settling);
    const stop = drained ?? (await pull(removed));
    const sent = run.sentActions + run.sentCommitments;
    run.finishedAt = now();
    run.outcome = stop?.outcome ?? (sent > 0 ? 'sent' : run.parked > 0 ? 'rejected' : 'up-to-date');
    const progress = withPulled(completedMessage(run), pulledBack);
    run.message = stop ? [progress, stop.message].filter((part) => part !== NOTHING_SENT).join('. ') : progress;
    const worthKeeping =
      run.exchanges.length > 0 || run.parked > 0 || run.held > 0 || pulledBack.changed + pulledBack.notKept.length > 0;
    // The history and the schedule's bookmark are written, in one commit, while the last entries
    // sent are removed; when the next entry is due is read once they are gone.
    const [[id], nextDue] = await Promise.all([
      db.transaction('rw', db.syncRuns, db.settings, db.participants, async () => {
        // Read in the same commit, so an erasure either comes before it or scrubs the run after.
        Object.assign(run, await withoutErasedParticipants());
        return Promise.all([
          worthKeeping ? recordRun(db, run) : undefined,
          stop ? undefined : writeLastCompletedRunAt(db, startedAt),
          writeUpstreamHold(db, stop?.hold ? { connector: connector.label, settingsRevision, ...stop.hold } : null),
        ]);
      }),
      removed.then(() => nextDueAt(db)),
    ]);
    run.id = id;
    if (stop) log.warn(`${trigger} run: ${run.outcome}`, run.message);
    return {
      outcome: stop?.unreachable ? 'unreachable' : run.outcome,
      message: run.message,
      run: worthKeeping ? run : null,
      nextDueAt: stop?.hold?.until && nextDue !== null ? Math.max(nextDue, stop.hold.until) : nextDue,
    };
  }

  let running: Promise<SyncRunReport> | null = null;
  let followUp: Promise<SyncRunReport> | null = null;
  let followUpTrigger: SyncTrigger | null = null;

  /**
   * Starts a run, or, while one runs, queues a single follow-up shared by every caller meanwhile.
   * The follow-up runs as the coach's when they asked for it, whichever trigger queued it first.
   */
  /** Every run ends with a report: one that meets an error still leaves each unacknowledged change queued. */
  async function runReporting(trigger: SyncTrigger): Promise<SyncRunReport> {
    try {
      return await runOnce(trigger);
    } catch (error) {
      log.error(`${trigger} run stopped`, error);
      return {
        outcome: 'failed',
        message: `Sync stopped on an error on this device (${errorMessage(error)}). Nothing waiting was lost: it goes at the next sync`,
        run: null,
        nextDueAt: null,
      };
    }
  }

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
