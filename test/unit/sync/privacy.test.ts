// Private session text never leaves the device: every byte sent to the receiver and written by
// the file drop is inspected for the text of the fields `privateFields` names, planted in the
// database and even smuggled into outbox payloads.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { syncHarness, type SyncHarness } from './harness';
import { privateFields, type Action } from '../../../shared/model';
import { syncBatchSchema } from '../../../shared/sync-protocol';
import { prepareEvent } from '../../../renderer/sync/payload';
import { createFileDropConnector } from '../../../renderer/sync/connectors/file-drop';
import { createRecordContext, sharingFor } from '../../../renderer/sync/sharing';
import type { OutboxEntry, Participant } from '../../../shared/model';

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const secretText = (field: string) => `PRIVATE-${field.toUpperCase()}-do-not-share`;
const allSecrets = [
  ...privateFields.participant.map((field) => secretText(`participant-${field}`)),
  ...privateFields.session.map((field) => secretText(`session-${field}`)),
];

const wireActionKeys = [
  'id', 'sessionId', 'text', 'owner', 'dueDate', 'verification', 'status', 'blockedReason', 'isExperiment',
  'createdAt', 'updatedAt', 'deletedAt', 'history',
].sort(); // prettier-ignore

describe('what leaves the device', () => {
  it('never includes private participant or session text, in any request or dropped file', async () => {
    const h = (harness = await syncHarness({ batchSize: 3 }));
    await h.repos.participants.update(h.participant.id, { notes: secretText('participant-notes') });
    const session = await h.repos.sessions.create({
      participantId: h.participant.id,
      date: '2026-11-02',
      startTime: '09:00',
      ...Object.fromEntries(privateFields.session.map((field) => [field, secretText(`session-${field}`)])),
    });
    const actions = await h.repos.actions.addMany(
      Array.from({ length: 6 }, (_, index) => ({
        participantId: h.participant.id,
        sessionId: session.id,
        text: `Action ${index}`,
      })),
    );
    // A payload written by a buggy version that carried the session along with the action.
    const smuggled = await h.db.outbox.where('recordId').equals(actions[0].id).first();
    await h.db.outbox.update(smuggled!.seq!, {
      payload: { ...actions[0], session, notes: secretText('session-notes'), goal: secretText('session-goal') },
    });
    const contract = await h.repos.contracts.create({ participantId: h.participant.id, title: 'Ops leadership' });
    const commitment = await h.repos.contracts.addCommitment(contract.id);
    h.clock.advance(1_000);
    await h.repos.contracts.updateCommitment(contract.id, commitment.id, {
      text: 'Weekly commitment review',
      acceptanceCriteria: 'Held every Monday',
    });
    const queued = await h.db.outbox.where('recordId').equals(commitment.id).first();
    await h.db.outbox.update(queued!.seq!, {
      payload: { ...(queued!.payload as object), notes: secretText('participant-notes') },
    });

    const dropped: string[] = [];
    const fileDrop = createFileDropConnector({
      now: h.clock,
      writeFileDrop: async ({ csv, jsonl }) => {
        dropped.push(...[csv, jsonl].map((data) => new TextDecoder().decode(data)));
        return {
          ok: true,
          value: {
            folder: null,
            names: ['followthrough-actions-2026-W45.csv', 'followthrough-actions-2026-W45.jsonl'],
          },
        };
      },
    });
    const entries = (await h.db.outbox.toArray()) as OutboxEntry[];
    const events = [];
    const context = createRecordContext({
      participant: (id) => h.db.participants.get(id),
      contract: (id) => h.db.contracts.get(id),
    });
    for (const entry of entries) {
      const prepared = await prepareEvent(entry, context);
      if (prepared.kind === 'event') events.push(prepared.event);
    }
    expect(events).toHaveLength(7);
    await fileDrop.push(events);

    expect((await h.engine.run('manual')).outcome).toBe('sent');
    expect(h.receiver.records.size).toBe(7);

    const outgoing = [...h.receiver.requests.map((request) => request.rawBody), ...dropped];
    expect(outgoing.length).toBeGreaterThan(3);
    for (const bytes of outgoing) {
      for (const secret of allSecrets) expect(bytes).not.toContain(secret);
    }
    for (const request of h.receiver.requests) {
      for (const event of syncBatchSchema.parse(JSON.parse(request.rawBody)).events) {
        if (event.type === 'action.upserted') expect(Object.keys(event.action).sort()).toEqual(wireActionKeys);
      }
    }
  });

  it('copies only wire fields, whatever else a payload holds (property)', async () => {
    const participant: Participant = {
      id: crypto.randomUUID(),
      name: 'Amara Okafor',
      role: '', team: '', organisation: '', sponsor: '', cohort: '', tier: 'high-touch', startDate: null,
      primaryTarget: '', secondaryTarget: '', status: 'active', cadence: 'none', notes: 'n', createdAt: 1, updatedAt: 1,
      consent: { keepNotes: true, shareActions: 'named', aiProcessing: false },
    }; // prettier-ignore
    const sharing = await sharingFor(participant.id, participant);
    const base: Action = {
      id: crypto.randomUUID(),
      participantId: participant.id,
      sessionId: null,
      text: 'Run the weekly review',
      owner: 'Amara',
      dueDate: null,
      verification: '',
      status: 'open',
      blockedReason: '',
      isExperiment: false,
      history: [{ status: 'open', at: 1, source: 'coach' }],
      createdAt: 1,
      updatedAt: 2,
    };
    const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !(key in base) && key !== '__proto__');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(extraKey, fc.constant('SMUGGLED-VALUE-42'), { minKeys: 1 }), async (extra) => {
        const entry: OutboxEntry = {
          seq: 1,
          recordType: 'action',
          recordId: base.id,
          idempotencyKey: 'k',
          payloadVersion: 1,
          payload: { ...base, ...extra },
          attempts: 0,
          nextAttemptAt: 0,
          lastError: null,
          state: 'pending',
          createdAt: 0,
          updatedAt: 0,
        };
        const prepared = await prepareEvent(entry, {
          sharingOf: async () => sharing,
          contractOf: async () => undefined,
        });
        expect(prepared.kind).toBe('event');
        expect(JSON.stringify(prepared)).not.toContain('SMUGGLED-VALUE-42');
      }),
      { numRuns: 200 },
    );
  });
});
