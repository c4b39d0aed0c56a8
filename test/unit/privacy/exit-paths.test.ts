// Every way data leaves the device, for every consent setting: the sync payload builder, the
// webhook (real HTTP on 127.0.0.1), the file drop's CSV and JSON Lines, the hub connector, the
// session summary (one and a batch), the contract workbook, the participant export when
// "include private notes" is not ticked, and the coach's reminders (shown as notifications). Text
// planted in each field `privateFields` marks must appear in none of them; the ticked participant
// export is the control that shows it would be seen.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { syncHarness, SECRET, type SyncHarness } from '../sync/harness';
import { privateFields, shareModes, type Consent } from '../../../shared/model';
import { prepareEvent } from '../../../renderer/sync/payload';
import { createRecordContext } from '../../../renderer/sync/sharing';
import { createFileDropConnector } from '../../../renderer/sync/connectors/file-drop';
import { createHubConnector } from '../../../renderer/sync/connectors/hub';
import { createTransport } from '../../../renderer/sync/transport';
import { defaultBackoffPolicy } from '../../../renderer/sync/backoff';
import { createWebPlatform } from '../../../renderer/platform/web';
import type { RecordSyncEvent, SyncEvent } from '../../../shared/sync-protocol';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { contractWorkbookData, sessionSummaryData, type SessionBundle } from '../../../renderer/documents/build-data';
import { buildSessionBatch } from '../../../renderer/documents/batch';
import { noFollowUp } from '../../../renderer/documents/session-follow-up';
import { buildParticipantExport } from '../../../renderer/privacy/participant-export';
import { collectParticipantData } from '../../../renderer/privacy/participant-data';
import { changeConsent } from '../../../renderer/privacy/consent';
import { bundledTemplate } from '../documents/template-builders';
import { raiseDueReminders } from '../../../renderer/reminders/reminder-service';
import { updateReminderSettings } from '../../../renderer/reminders/reminder-settings';
import { ok } from '../../../shared/result';

const secret = (field: string) => `PRIVATE${field.replace(/\W/g, '').toUpperCase()}CANARY`;
const canaries = [
  ...privateFields.participant.map((field) => secret(`participant-${field}`)),
  ...privateFields.session.map((field) => secret(`session-${field}`)),
];
const context = { coachName: 'Sam Rivera', coachOrganisation: 'Northwind Coaching', today: '2026-11-28' };
const templates = {
  'session-summary': { name: 'Session-Summary.docx', data: bundledTemplate('Session-Summary.docx') },
  'grow-checklist': { name: '1to1-GROW-Checklist.docx', data: bundledTemplate('1to1-GROW-Checklist.docx') },
} as const;

/** All the text in a file: a package (docx, xlsx, zip, a docx inside a zip) is unpacked and its XML tags dropped. */
function textOf(bytes: Uint8Array): string {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return new TextDecoder().decode(bytes);
  return Object.values(unzipSync(bytes))
    .map((entry) => (entry[0] === 0x50 && entry[1] === 0x4b ? textOf(entry) : strFromU8(entry).replace(/<[^>]+>/g, '')))
    .join('\n');
}

/** A stand-in upstream on 127.0.0.1 that keeps every request body and asks to be tried later. */
async function captureServer() {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(503).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, bodies, close: () => new Promise((resolve) => server.close(resolve)) };
}

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function plantedCoachingData(consent: Consent) {
  const h = (harness = await syncHarness({ shareActions: consent.shareActions }));
  const { db, repos, clock, participant } = h;
  await repos.participants.update(participant.id, { notes: secret('participant-notes') });
  await changeConsent(db, participant.id, consent, clock);
  const session = await repos.sessions.create({
    participantId: participant.id,
    date: '2026-11-02',
    startTime: '09:00',
    will: 'Run the Monday review',
    ...Object.fromEntries(privateFields.session.map((field) => [field, secret(`session-${field}`)])),
  });
  const actions = await repos.actions.addMany([
    { participantId: participant.id, sessionId: session.id, text: 'Publish the triage RACI', owner: 'Amara Okafor' },
    {
      participantId: participant.id,
      sessionId: session.id,
      text: 'Open each of Amara’s stand-ups with a review',
      owner: 'amara',
      verification: 'OKAFOR team confirms',
    },
  ]);
  const contract = await repos.contracts.create({ participantId: participant.id, title: 'Amara Okafor ops contract' });
  const commitment = await repos.contracts.addCommitment(contract.id);
  clock.advance(1_000);
  await repos.contracts.updateCommitment(contract.id, commitment.id, {
    text: 'Weekly review led by Amara',
    owner: 'Amara Okafor',
  });
  // A payload written by a buggy version that carried the session along with the action.
  const queued = await db.outbox.where('recordId').equals(actions[0].id).first();
  await db.outbox.update(queued!.seq!, { payload: { ...actions[0], session, notes: secret('session-notes') } });
  return { h, session, actions, contract: (await db.contracts.get(contract.id))! };
}

async function everyExit(consent: Consent): Promise<{ outputs: Record<string, string[]>; events: SyncEvent[] }> {
  const { h, session, actions, contract } = await plantedCoachingData(consent);
  const { db, clock, participant } = h;
  const outputs: Record<string, string[]> = {};

  const recordContext = createRecordContext({
    participant: (id) => db.participants.get(id),
    contract: (id) => db.contracts.get(id),
  });
  const prepared = await Promise.all((await db.outbox.toArray()).map((entry) => prepareEvent(entry, recordContext)));
  const events = prepared.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
  // What leaves is the event; a held entry's reason and an event's local title stay on the device.
  outputs['sync payload builder'] = events.map((event) => JSON.stringify(event));

  await h.engine.run('manual');
  outputs['webhook'] = h.receiver.requests.map((request) => request.rawBody);

  const dropped: string[] = [];
  const fileDrop = createFileDropConnector({
    now: clock,
    writeFileDrop: async ({ csv, jsonl }) => {
      dropped.push(...[csv, jsonl].map((data) => new TextDecoder().decode(data)));
      return {
        ok: true,
        value: { folder: null, names: ['followthrough-actions-2026-W45.csv', 'followthrough-actions-2026-W45.jsonl'] },
      };
    },
  });
  if (events.length) await fileDrop.push(events);
  outputs['file drop CSV and JSON Lines'] = dropped;

  const hubServer = await captureServer();
  try {
    const hub = createHubConnector({
      url: hubServer.url,
      token: SECRET,
      transport: createTransport(createWebPlatform().httpRequest),
      backoff: defaultBackoffPolicy,
      now: clock,
      readCursor: async () => null,
      timeoutMs: 2_000,
    });
    if (events.length) await hub.push(events);
    outputs['hub connector'] = [...hubServer.bodies];
  } finally {
    await hubServer.close();
  }

  const stored = (await db.participants.get(participant.id))!;
  const bundle: SessionBundle = {
    session: (await db.sessions.get(session.id))!,
    participant: stored,
    actions,
    followUp: noFollowUp,
  };
  const summaryTemplate = openTemplate(templates['session-summary'].data, 'session-summary', 'Session-Summary.docx');
  if (!summaryTemplate.ok) throw new Error(summaryTemplate.error);
  const summary = fillTemplate(summaryTemplate.value, sessionSummaryData(bundle, context), { locale: 'en-GB' });
  if (!summary.ok) throw new Error(summary.error);
  outputs['session summary'] = [textOf(summary.value)];

  for (const format of ['docx', 'zip'] as const) {
    const batch = await buildSessionBatch({
      kind: 'session-summary',
      format,
      template: templates['session-summary'],
      bundles: [bundle],
      context,
      locale: 'en-GB',
    });
    if (!batch.ok) throw new Error(batch.error);
    outputs[`session summaries (${format})`] = [textOf(batch.value)];
  }

  const workbookTemplate = openTemplate(bundledTemplate('Accountability-Contract.xlsx'), 'contract-workbook', 'x.xlsx');
  if (!workbookTemplate.ok) throw new Error(workbookTemplate.error);
  const workbook = fillTemplate(workbookTemplate.value, contractWorkbookData(contract, stored, context), {
    locale: 'en-GB',
  });
  if (!workbook.ok) throw new Error(workbook.error);
  outputs['contract workbook'] = [textOf(workbook.value)];

  outputs['participant export, private notes not ticked'] = [await participantExportText(h, false)];
  outputs['reminders'] = await raisedReminders(h);
  return { outputs, events };
}

/** Every kind of reminder, about sessions holding the planted text: a notification shows on any screen. */
async function raisedReminders({ repos, participant }: SyncHarness): Promise<string[]> {
  const planted = Object.fromEntries(privateFields.session.map((field) => [field, secret(`session-${field}`)]));
  const withPlanted = { participantId: participant.id, ...planted };
  await repos.sessions.create({ ...withPlanted, date: '2026-11-03', startTime: '10:05', status: 'planned' });
  await repos.sessions.create({ ...withPlanted, date: '2026-11-02', startTime: '15:00' });
  await repos.actions.add({ participantId: participant.id, text: 'Send the agenda', dueDate: '2026-11-03' });
  await updateReminderSettings(repos.settings, (settings) => ({ ...settings, enabled: true }));
  const shown: string[] = [];
  const raised = await raiseDueReminders({
    repositories: repos,
    platform: {
      notificationPermission: async () => ok('granted'),
      showNotification: async ({ title, body }) => {
        shown.push(`${title}\n${body}`);
        return ok({ shown: true });
      },
      onNotificationClicked: () => () => undefined,
    },
    now: () => new Date(2026, 10, 3, 10, 0),
  });
  expect(new Set(raised.map(({ kind }) => kind))).toEqual(new Set(['session-soon', 'actions-due', 'no-action-yet']));
  return shown;
}

async function participantExportText(h: SyncHarness, includePrivate: boolean): Promise<string> {
  const data = await collectParticipantData(h.db, h.participant.id);
  const built = await buildParticipantExport(
    data!,
    { includePrivate, exportedAt: h.clock(), appVersion: 'test' },
    {
      context,
      buildDocument: (kind, bundles) =>
        buildSessionBatch({ kind, format: 'docx', template: templates[kind], bundles, context, locale: 'en-GB' }),
    },
  );
  if (!built.ok) throw new Error(built.error);
  expect(built.value.files).toHaveLength(2);
  return textOf(built.value.zip);
}

const consents: Consent[] = [true, false].flatMap((keepNotes) =>
  shareModes.flatMap((shareActions) =>
    [false, true].map((aiProcessing) => ({ keepNotes, shareActions, aiProcessing })),
  ),
);

describe('no private field leaves the device', () => {
  it.each(consents)('with consent %o, through any exit path', async (consent) => {
    const { outputs, events } = await everyExit(consent);
    expect(Object.keys(outputs)).toHaveLength(10);
    for (const [path, texts] of Object.entries(outputs)) {
      for (const text of texts) {
        for (const canary of canaries) expect(text.includes(canary), `${canary} left through the ${path}`).toBe(false);
      }
    }
    expect(outputs['session summary'][0]).toContain('Run the Monday review');

    const records = events.filter((event): event is RecordSyncEvent => event.type !== 'test.ping');
    const sync = ['sync payload builder', 'webhook', 'file drop CSV and JSON Lines', 'hub connector'];
    if (consent.shareActions === 'none') {
      expect(records).toEqual([]);
      for (const path of sync.slice(1)) expect(outputs[path], path).toEqual([]);
    } else {
      expect(records.length).toBeGreaterThanOrEqual(3);
      for (const path of sync) expect(outputs[path].length, path).toBeGreaterThan(0);
    }
    if (consent.shareActions === 'pseudonymous') {
      for (const path of sync) expect(outputs[path].join('\n'), path).not.toMatch(/amara|okafor/i);
      expect(outputs['file drop CSV and JSON Lines'].join('\n')).toMatch(/Open each of p-[0-9a-f]{16}’s stand-ups/);
    }
    if (consent.shareActions === 'named')
      expect(outputs.webhook.join('\n')).toContain('Open each of Amara’s stand-ups');
  });

  it('the control: the ticked participant export does carry every private field', async () => {
    const { h } = await plantedCoachingData({ keepNotes: true, shareActions: 'named', aiProcessing: false });
    const text = await participantExportText(h, true);
    for (const canary of canaries) expect(text).toContain(canary);
  });
});
