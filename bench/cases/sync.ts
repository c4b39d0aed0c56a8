// Sync in the built app, in Chromium with its real IndexedDB: the coach presses "Sync now" on the
// Sync page with pending actions in the outbox, and the engine drains them to a webhook receiver
// running in a process of its own. The baseline, in the same browser run, POSTs the very same
// requests (bodies and headers, captured from the drain) in a bare fetch loop. A third side, the
// floor, is the least any durable drain must do, so the ratio can be read against it.
import type { Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server';
import { startReceiverProcess } from '../../test/support/receiver-child';
import { newProfileDirectory, removeDirectory, withPage } from '../chromium';
import { measureSides } from '../sampling';
import { median } from '../stats';
import { DEFAULT_WEBHOOK_BATCH_SIZE } from '../../renderer/sync/connectors/webhook';
import { SYNC_PAYLOAD_VERSION, syncHeaders } from '../../shared/sync-protocol';
import type { BenchCase } from '../types';

const SECRET = 'whsec_bench';
const PARTICIPANT_NAME = 'Amara Okafor';
const SENT_HEADERS = ['content-type', 'idempotency-key', 'followthrough-payload-version', 'followthrough-signature'];

type Captured = { headers: Record<string, string>; body: string };
type Fixture = { appUrl: string; receiver: Awaited<ReturnType<typeof startReceiverProcess>> };

// Page scripts are source text: tsx would rewrite functions with helpers the page does not have.

/** Writes a participant and `count` actions with their outbox entries, as the repositories do. */
const seedScript = (count: number) => `new Promise((resolve, reject) => {
  const open = indexedDB.open('followthrough');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['participants', 'actions', 'outbox'], 'readwrite');
    const now = Date.now();
    const participantId = crypto.randomUUID();
    tx.objectStore('participants').put({
      id: participantId, name: '${PARTICIPANT_NAME}', role: 'Head of Operations', team: '', organisation: '', sponsor: '',
      cohort: '', tier: 'high-touch', startDate: null, primaryTarget: '', secondaryTarget: '', status: 'active',
      notes: '', consent: { keepNotes: true, shareActions: 'named', aiProcessing: false }, createdAt: now, updatedAt: now,
    });
    for (let index = 0; index < ${count}; index += 1) {
      const action = {
        id: crypto.randomUUID(), participantId, sessionId: null, text: 'Run the commitment review with team ' + index,
        owner: '${PARTICIPANT_NAME}', dueDate: '2026-12-07', verification: 'The agenda shows the item', status: 'open',
        blockedReason: '', isExperiment: false, history: [{ status: 'open', at: now, source: 'coach' }],
        createdAt: now, updatedAt: now,
      };
      tx.objectStore('actions').put(action);
      tx.objectStore('outbox').add({
        recordType: 'action', recordId: action.id, idempotencyKey: 'action:' + action.id + ':' + now, payloadVersion: 1,
        payload: action, attempts: 0, nextAttemptAt: now, lastError: null, state: 'pending', createdAt: now, updatedAt: now,
      });
    }
    tx.oncomplete = () => { db.close(); resolve(null); };
    tx.onerror = () => reject(tx.error);
  };
})`;

/** Watches the longest gap between timer ticks, i.e. the page's worst freeze, until `stop()`. */
const stallWatch = `(() => {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return () => { clearInterval(timer); return Math.max(longest, performance.now() - last); };
})()`;

/** Presses "Sync now" and resolves with the time until the page reports the run as done. */
const syncNowScript = (count: number) => `new Promise((resolve, reject) => {
  const stopWatch = ${stallWatch};
  const done = 'Sent ${count} actions';
  const started = performance.now();
  const observer = new MutationObserver(() => {
    const summary = document.querySelector('[aria-label="This week"]');
    if (summary && summary.textContent.includes(done)) {
      observer.disconnect();
      resolve({ ms: performance.now() - started, stall: stopWatch() });
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Sync now');
  if (!button) reject(new Error('no Sync now button'));
  else button.click();
})`;

const bareLoopScript = (url: string, requests: Captured[]) => `(async () => {
  const requests = ${JSON.stringify(requests)};
  const stopWatch = ${stallWatch};
  const started = performance.now();
  for (const request of requests) {
    const response = await fetch(${JSON.stringify(url)}, { method: 'POST', headers: request.headers, body: request.body });
    await response.text();
    if (response.status !== 200) throw new Error('the receiver answered ' + response.status);
  }
  return { ms: performance.now() - started, stall: stopWatch() };
})()`;

/**
 * The floor: the least any drain of a durable outbox must do, written straight against IndexedDB.
 * It reads the queue four batches at a time, turns each row into a wire event, signs each batch,
 * POSTs one batch at a time with the next one made while a batch travels, and deletes each page
 * once the receiver acknowledged it. No validation, consent, Dexie, retries, history or screen.
 */
const floorScript = (url: string, secret: string) => `(async () => {
  const batchSize = ${DEFAULT_WEBHOOK_BATCH_SIZE};
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('followthrough');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  const encoder = new TextEncoder();
  const hex = (bytes) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const key = await crypto.subtle.importKey('raw', encoder.encode(${JSON.stringify(secret)}), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const iso = (at) => new Date(at).toISOString();
  const readPage = (afterSeq) => new Promise((resolve, reject) => {
    const request = db.transaction('outbox', 'readonly').objectStore('outbox').getAll(IDBKeyRange.lowerBound(afterSeq, true), batchSize * 4);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const prepare = async (rows) => {
    const events = rows.map(({ idempotencyKey, payload: action }) => ({
      idempotencyKey, type: 'action.upserted', occurredAt: iso(action.updatedAt), recordVersion: action.updatedAt,
      participant: { ref: 'p-0123456789abcdef', sharing: 'named', displayName: '${PARTICIPANT_NAME}' },
      action: {
        id: action.id, sessionId: action.sessionId, text: action.text, owner: action.owner, dueDate: action.dueDate,
        verification: action.verification, status: action.status, blockedReason: action.blockedReason,
        isExperiment: action.isExperiment, createdAt: iso(action.createdAt), updatedAt: iso(action.updatedAt), deletedAt: null,
        history: action.history.map((change) => ({ status: change.status, at: iso(change.at), reason: null, source: change.source })),
      },
    }));
    const batchId = 'batch-' + hex(await crypto.subtle.digest('SHA-256', encoder.encode(events.map((event) => event.idempotencyKey).join('\\n')))).slice(0, 32);
    const sentAt = Date.now();
    const body = JSON.stringify({ version: ${SYNC_PAYLOAD_VERSION}, batchId, sentAt: iso(sentAt), events });
    const seconds = Math.floor(sentAt / 1000);
    const signature = 't=' + seconds + ',v1=' + hex(await crypto.subtle.sign('HMAC', key, encoder.encode(seconds + '.' + body)));
    return { body, headers: {
      'Content-Type': 'application/json',
      '${syncHeaders.idempotencyKey}': batchId,
      '${syncHeaders.payloadVersion}': '${SYNC_PAYLOAD_VERSION}',
      '${syncHeaders.signature}': signature,
    } };
  };
  const removals = [];
  let nextPage = readPage(0);
  for (let rows = await nextPage; rows.length > 0; rows = await nextPage) {
    nextPage = readPage(rows[rows.length - 1].seq);
    let upcoming = prepare(rows.slice(0, batchSize));
    for (let start = 0; start < rows.length; start += batchSize) {
      const batch = await upcoming;
      const sending = fetch(${JSON.stringify(url)}, { method: 'POST', headers: batch.headers, body: batch.body });
      if (start + batchSize < rows.length) upcoming = prepare(rows.slice(start + batchSize, start + 2 * batchSize));
      const response = await sending;
      const answer = await response.text();
      if (response.status !== 200) throw new Error('the receiver answered ' + response.status + ': ' + answer);
    }
    removals.push(new Promise((resolve, reject) => {
      const transaction = db.transaction('outbox', 'readwrite');
      transaction.objectStore('outbox').delete(IDBKeyRange.bound(rows[0].seq, rows[rows.length - 1].seq));
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    }));
  }
  await Promise.all(removals);
  db.close();
  return { ms: performance.now() - started, stall: 0 };
})()`;

/** Resolves at the page's next idle moment. */
const idleScript = `new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 5000 }))`;

/**
 * Waits for the work the app does once start-up is over (renderer/main.tsx: the other screens are
 * fetched, and the search index is built at the first pause in typing), so no side measures it: a
 * coach presses "Sync now" in an app that has been open a while.
 */
async function settled(page: Page): Promise<void> {
  await page
    .locator('html[data-screens-prefetched="true"][data-search-index-warm="true"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  await page.evaluate(idleScript);
}

/** A fresh profile with the app open on the Sync page, set up by `setUp` and then settled. */
async function withBrowser<T>(
  appUrl: string,
  work: (page: Page) => Promise<T>,
  setUp: (page: Page) => Promise<void> = async () => undefined,
): Promise<T> {
  const profile = await newProfileDirectory();
  try {
    return await withPage(profile, async (page) => {
      await page.goto(`${appUrl}#/sync`);
      await page.getByRole('form', { name: 'Sync settings' }).waitFor({ timeout: 60_000 });
      await setUp(page);
      await settled(page);
      return work(page);
    });
  } finally {
    await removeDirectory(profile);
  }
}

async function connectWebhook(page: Page, url: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sync settings' });
  await form.getByLabel('Send actions to').selectOption('webhook');
  await form.getByLabel('Webhook URL').fill(url);
  await form.getByLabel('Signing secret').fill(SECRET);
  await form.getByRole('button', { name: 'Save sync settings' }).click();
  await form.getByText('Sync settings saved').waitFor();
}

type Timing = { ms: number; stall: number };

/** Fills the outbox with `count` pending actions, then lets the page come to rest. */
async function seed(page: Page, count: number): Promise<void> {
  await page.evaluate(seedScript(count));
  await page.evaluate(idleScript);
}

/** Drains `count` freshly seeded actions through the app; returns the timing and the requests sent. */
async function drain({ appUrl, receiver }: Fixture, count: number) {
  return withBrowser(
    appUrl,
    async (page) => {
      await seed(page, count);
      await receiver.reset();
      const captured: Captured[] = [];
      page.on('request', (request) => {
        if (request.url() !== receiver.url || request.method() !== 'POST') return;
        const headers = request.headers();
        captured.push({
          headers: Object.fromEntries(SENT_HEADERS.map((name) => [name, headers[name]])),
          body: request.postData() ?? '',
        });
      });
      const timing = (await page.evaluate(syncNowScript(count))) as Timing;
      return { ...timing, captured };
    },
    (page) => connectWebhook(page, receiver.url),
  );
}

/** The floor drains `count` freshly seeded actions. */
async function floorDrain({ appUrl, receiver }: Fixture, count: number): Promise<Timing> {
  return withBrowser(appUrl, async (page) => {
    await seed(page, count);
    await receiver.reset();
    return (await page.evaluate(floorScript(receiver.url, SECRET))) as Timing;
  });
}

async function bareLoop({ appUrl, receiver }: Fixture, requests: Captured[]): Promise<Timing> {
  return withBrowser(appUrl, async (page) => {
    await receiver.reset();
    return (await page.evaluate(bareLoopScript(receiver.url, requests))) as Timing;
  });
}

/**
 * Our side's runs: the drain already made to capture the requests is the first of them (a warm-up
 * in a full run, the one run of a smoke run), so no browser is started for nothing.
 */
function drainRuns(fixture: Fixture, count: number, first: Timing): () => Promise<Timing> {
  let unused: Timing | undefined = first;
  return async () => {
    const run = unused ?? (await drain(fixture, count));
    unused = undefined;
    return run;
  };
}

async function withFixture<T>(work: (fixture: Fixture) => Promise<T>, latencyMs = 0): Promise<T> {
  const server = await startStaticServer();
  const receiver = await startReceiverProcess(SECRET, { cors: true, latencyMs });
  try {
    return await work({ appUrl: server.url, receiver });
  } finally {
    await receiver.close();
    await server.close();
  }
}

/** Drains 1,000 actions against the bare loop; `latencyMs` is added to every answer on both sides. */
function drainCase(name: string, latencyMs: number, about: string): BenchCase {
  return {
    name,
    measure: (mode) =>
      withFixture(async (fixture) => {
        const count = mode.smoke ? 100 : 1_000;
        const reference = await drain(fixture, count);
        const ourDrain = drainRuns(fixture, count, reference);
        const { floor, ...samples } = await measureSides(mode, {
          ours: async () => (await ourDrain()).ms,
          baseline: async () => (await bareLoop(fixture, reference.captured)).ms,
          floor: async () => (await floorDrain(fixture, count)).ms,
        });
        const floorRatio = median(floor) / median(samples.baseline);
        return {
          ...samples,
          extra: { floor_ms: Math.round(median(floor)), floor_ratio: Number(floorRatio.toFixed(2)) },
          notes: `Chromium: ${count} pending actions, "Sync now" on the Sync page until it reports them sent (${reference.captured.length} signed batches to a receiver process${about}) vs a bare fetch loop of the same requests; target ≤ 1.5×. Floor (the least a durable drain does: raw IndexedDB reads and deletes, signing, no validation or screen): ${Math.round(median(floor))} ms, ${floorRatio.toFixed(2)}× the bare loop`,
        };
      }, latencyMs),
  };
}

const drain1k = drainCase('sync-drain-1k-actions', 0, '');
/** The same with the round trip of a real upstream, where the engine's own work overlaps the wait. */
const drain1kRemote = drainCase('sync-drain-1k-actions-40ms-upstream', 40, ' answering after 40 ms');

const drain10kStall: BenchCase = {
  name: 'sync-drain-10k-longest-stall',
  measure: (mode) =>
    withFixture(async (fixture) => {
      const count = mode.smoke ? 500 : 10_000;
      const reference = await drain(fixture, count);
      const ourDrain = drainRuns(fixture, count, reference);
      const samples = await measureSides(
        { ...mode, runs: Math.min(mode.runs, 3), warmups: 0 },
        {
          ours: async () => (await ourDrain()).stall,
          baseline: async () => (await bareLoop(fixture, reference.captured)).stall,
        },
      );
      return {
        ...samples,
        unit: 'ms stall',
        notes: `Chromium: the page's longest freeze while ${count} actions drain with the Sync page open vs while a bare loop posts the same ${reference.captured.length} requests; one drain took ${(reference.ms / 1000).toFixed(1)} s`,
      };
    }),
};

export const cases: BenchCase[] = [drain1k, drain1kRemote, drain10kStall];
