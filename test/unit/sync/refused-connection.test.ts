// Every answer that refuses the connection itself (the address, the secret, the token) sets the
// batch aside and stops syncs until the coach acts; once they have (saved Sync settings, or
// pressed Sync now), what was set aside goes again with everything else, without a Retry.
import { describe, expect, it } from 'vitest';
import { harnessPerTest } from './harness';
import { readSyncSettings, writeSyncSettings } from '../../../renderer/sync/settings';

const setup = harnessPerTest();

/** What README's receiver section lists as "the connection itself is wrong". */
const connectionRefusals = [401, 403, 404, 405, 410, 301, 307];

describe('changes set aside by a refused connection', () => {
  it.each(connectionRefusals)('go again once the coach has fixed what a %i answered', async (status) => {
    let fixed = false;
    const h = await setup({
      batchSize: 2,
      receiver: { refuse: () => (fixed ? null : { status, body: 'Unknown signing key' }) },
    });
    await h.addActions(5);
    expect((await h.engine.run('schedule')).outcome).toBe('rejected');
    expect((await h.outboxStates()).parked).toHaveLength(2);

    fixed = true;
    await writeSyncSettings(h.db, await readSyncSettings(h.db));
    h.clock.advance(60_000);
    const report = await h.engine.run('schedule');

    expect(report).toMatchObject({ outcome: 'sent', run: { sentActions: 5, parked: 0 } });
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('go again at Sync now, and are set aside again when the refusal still holds', async () => {
    const h = await setup({ batchSize: 2, receiver: { refuse: () => ({ status: 401, body: 'Unknown key' }) } });
    await h.addActions(3);
    await h.engine.run('manual');
    h.clock.advance(60_000);
    expect(await h.engine.run('manual')).toMatchObject({ outcome: 'rejected', run: { parked: 2 } });
    expect(h.receiver.requests.map((request) => JSON.parse(request.rawBody).events.length)).toEqual([2, 2]);
    expect(await h.outboxStates()).toMatchObject({ parked: { length: 2 }, pending: { length: 1 } });
  });
});
