// The words of sync, from the outcomes the engine reports.
import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../../../shared/model';
import type { SyncStop } from '../../../renderer/sync/outcomes';
import { createRunRecord } from '../../../renderer/sync/run-record';
import { reportMessage, runMessage, stopWords } from '../../../renderer/sync/wording';

const run = (counts: Partial<SyncRun> = {}): SyncRun => ({
  ...createRunRecord({ trigger: 'manual', connector: 'Webhook to hooks.example.com', startedAt: 0 }, () => 0).run,
  ...counts,
});

const nothingPulled = { changed: 0, notKept: [] };
const at = new Date(2026, 10, 2, 14, 5, 9).getTime();

describe('the words of a sync stop', () => {
  it.each<[SyncStop, string]>([
    [{ type: 'not-set-up', reason: 'Sync is off' }, 'Sync is off'],
    [{ type: 'offline' }, 'Offline: changes wait until the network is back'],
    [
      { type: 'failed', error: 'disk full' },
      'Sync stopped on an error on this device (disk full). Nothing waiting was lost: it goes at the next sync',
    ],
    [
      { type: 'upstream-wait', reason: 'The receiver answered 429', until: at },
      'The receiver answered 429. Trying again at 14:05:09',
    ],
    [{ type: 'refused-connection', reason: 'The receiver answered 401', paused: false }, 'The receiver answered 401'],
    [
      { type: 'refused-connection', reason: 'The receiver answered 401', paused: true },
      'The receiver answered 401. Sync waits until you change Sync settings or press Sync now',
    ],
    [
      { type: 'unreachable', connector: 'Webhook to 127.0.0.1:9', reason: 'Network error: refused' },
      'Webhook to 127.0.0.1:9: nothing answers there at the moment (Network error: refused). The changes wait, and no failed attempt is counted against them',
    ],
    [{ type: 'cancelled', reason: 'The file drop folder is missing' }, 'The file drop folder is missing'],
    [{ type: 'out-of-time' }, 'This run used its time; the rest goes in the next run'],
  ])('says %j as one sentence', (stop, words) => {
    expect(stopWords(stop)).toBe(words);
  });
});

describe('the line a run keeps in the history', () => {
  it('counts what went, what was set aside and what consent held back', () => {
    expect(runMessage(run({ sentActions: 10 }), nothingPulled, null)).toBe('Sent 10 actions');
    expect(runMessage(run({ sentCommitments: 2 }), nothingPulled, null)).toBe('Sent 2 commitments');
    expect(runMessage(run({ sentActions: 1, sentCommitments: 1, parked: 2, held: 1 }), nothingPulled, null)).toBe(
      'Sent 1 action and 1 commitment; 2 changes set aside; 1 change held back by consent',
    );
    expect(runMessage(run(), nothingPulled, null)).toBe('Nothing new to send');
  });

  it('adds why the run stopped, without "Nothing new to send" before it', () => {
    const refused: SyncStop = {
      type: 'refused-connection',
      reason: 'The receiver answered 401: Unknown signing key',
      paused: false,
    };
    expect(runMessage(run({ parked: 2 }), nothingPulled, refused)).toBe(
      '2 changes set aside. The receiver answered 401: Unknown signing key',
    );
    expect(runMessage(run(), nothingPulled, { type: 'out-of-time' })).toBe(
      'This run used its time; the rest goes in the next run',
    );
  });

  it('says what the upstream sent back and what of it could not be kept here', () => {
    const pulled = { changed: 2, notKept: ['the action "Plan": text: Too big', 'a note'] };
    expect(runMessage(run(), pulled, null)).toBe(
      'Nothing new to send; received 2 changes from the upstream; 2 changes from the upstream could not be kept here (the action "Plan": text: Too big; …)',
    );
  });
});

describe('the words of a report', () => {
  it('is the run’s line when the run is kept, else why it stopped, else that nothing was new', () => {
    const kept = run({ message: 'Sent 3 actions' });
    expect(reportMessage({ outcome: 'sent', stop: null, run: kept, nextDueAt: null })).toBe('Sent 3 actions');
    expect(reportMessage({ outcome: 'offline', stop: { type: 'offline' }, run: null, nextDueAt: null })).toBe(
      'Offline: changes wait until the network is back',
    );
    expect(reportMessage({ outcome: 'up-to-date', stop: null, run: null, nextDueAt: null })).toBe(
      'Nothing new to send',
    );
  });
});
