import { describe, expect, it } from 'vitest';
import { syncState, type SyncFacts } from '../../../renderer/features/sync/sync-state';

const facts = (change: Partial<SyncFacts>): SyncFacts => ({
  syncOff: false,
  online: true,
  running: false,
  sent: 0,
  pending: 0,
  parked: 0,
  held: 0,
  lastOutcome: null,
  lastMessage: null,
  ...change,
});

describe('the sidebar sync state', () => {
  it('reads up to date / N pending / offline / unreachable / needs attention', () => {
    expect(syncState(facts({}))).toMatchObject({ tone: 'ok', text: 'Up to date', note: '' });
    expect(syncState(facts({ held: 2 }))).toMatchObject({ tone: 'ok', note: '2 held back by consent' });
    expect(syncState(facts({ pending: 14 }))).toMatchObject({ tone: 'pending', text: '14 pending' });
    expect(syncState(facts({ pending: 3, lastOutcome: 'not-set-up', lastMessage: 'Sync is off' }))).toMatchObject({
      note: 'Not set up',
      detail: 'Sync is off',
    });
    expect(syncState(facts({ online: false, pending: 3 }))).toMatchObject({
      tone: 'offline',
      text: 'Offline',
      note: '3 pending',
    });
    const unreachable =
      'Webhook to hooks.example.org: nothing answers there at the moment (Network error: fetch failed)';
    expect(syncState(facts({ pending: 3, lastOutcome: 'unreachable', lastMessage: unreachable }))).toMatchObject({
      tone: 'offline',
      text: 'Unreachable',
      note: '3 pending',
      detail: unreachable,
    });
    expect(syncState(facts({ running: true, pending: 3, lastOutcome: 'unreachable' }))).toMatchObject({ tone: 'busy' });
    expect(syncState(facts({ running: true, pending: 3 }))).toMatchObject({
      tone: 'busy',
      text: 'Syncing…',
      note: '3 pending',
    });
    expect(syncState(facts({ running: true, pending: 300, sent: 200 }))).toMatchObject({ note: '200 sent' });
    expect(syncState(facts({ parked: 2, online: false }))).toMatchObject({
      tone: 'attention',
      text: 'Needs attention',
      note: '2 changes failed',
    });
  });

  it('shows a sync under way and what waits beside what failed', () => {
    expect(syncState(facts({ parked: 2, pending: 300 }))).toMatchObject({
      tone: 'attention',
      note: '2 changes failed · 300 pending',
    });
    expect(syncState(facts({ parked: 2, pending: 300, running: true, sent: 50 }))).toMatchObject({
      tone: 'busy',
      note: '50 sent',
    });
  });

  it('says why changes wait after the upstream refused the connection', () => {
    const refused =
      'The receiver answered 401: Unknown signing key. Sync waits until you change Sync settings or press Sync now';
    expect(syncState(facts({ pending: 4, lastOutcome: 'rejected', lastMessage: refused }))).toMatchObject({
      tone: 'pending',
      note: 'Refused',
      detail: refused,
    });
  });

  it('does not say up to date when the next change could not be sent either', () => {
    const unreadable =
      "The webhook's secret can no longer be decrypted in this browser. Enter it again in Sync settings";
    expect(syncState(facts({ lastOutcome: 'not-set-up', lastMessage: unreadable, held: 1 }))).toEqual({
      tone: 'offline',
      text: 'Not set up',
      note: '1 held back by consent',
      detail: unreadable,
    });
    const stopped =
      'Sync stopped on an error on this device (disk full). Nothing waiting was lost: it goes at the next sync';
    expect(syncState(facts({ lastOutcome: 'failed', lastMessage: stopped }))).toMatchObject({
      text: 'Sync stopped',
      detail: stopped,
    });
    expect(syncState(facts({ pending: 2, lastOutcome: 'failed', lastMessage: stopped }))).toMatchObject({
      text: '2 pending',
      note: 'Stopped',
      detail: stopped,
    });
    expect(syncState(facts({ lastOutcome: 'up-to-date' }))).toMatchObject({ tone: 'ok', text: 'Up to date' });
  });

  it('never says up to date while sync is off', () => {
    expect(syncState(facts({ syncOff: true }))).toMatchObject({ tone: 'offline', text: 'Sync off', note: '' });
    expect(syncState(facts({ syncOff: true, pending: 4 }))).toMatchObject({ text: 'Sync off', note: '4 pending' });
    expect(syncState(facts({ syncOff: true, parked: 1 }))).toMatchObject({ text: 'Needs attention' });
  });
});
