// A participant's own data as one .zip: everything as JSON, and their sessions as a Word
// document. Unticked, private notes are left out of both; ticked, both carry them.
import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { openTestDatabase } from '../db/test-database';
import { collectParticipantData } from '../../../renderer/privacy/participant-data';
import { buildParticipantExport, participantJson } from '../../../renderer/privacy/participant-export';
import { changeConsent } from '../../../renderer/privacy/consent';
import { buildSessionBatch } from '../../../renderer/documents/batch';
import { privateFields } from '../../../shared/model';
import { bundledTemplate } from '../documents/template-builders';
import { wordText } from '../documents/read-back';
import type { FollowthroughDatabase } from '../../../renderer/db/database';

const context = { coachName: 'Sam Rivera', coachOrganisation: 'Northwind Coaching', today: '2026-11-28' };
const templates = {
  'session-summary': { name: 'Session-Summary.docx', data: bundledTemplate('Session-Summary.docx') },
  'grow-checklist': { name: '1to1-GROW-Checklist.docx', data: bundledTemplate('1to1-GROW-Checklist.docx') },
} as const;

let db: FollowthroughDatabase | undefined;
afterEach(() => db?.delete());

async function coachedParticipant() {
  const opened = openTestDatabase();
  db = opened.db;
  const { repos, clock } = opened;
  const participant = await repos.participants.create({
    name: 'Amara Okafor',
    role: 'Head of Operations',
    notes: 'Confidential: reorganisation',
  });
  await changeConsent(opened.db, participant.id, { shareActions: 'pseudonymous' }, clock);
  for (const [date, goal] of [
    ['2026-10-05', 'Stop re-deciding escalations'],
    ['2026-11-02', 'Delegate Sev-2 calls'],
  ]) {
    clock.advance(60_000);
    const session = await repos.sessions.create({
      participantId: participant.id,
      date,
      startTime: '09:30',
      goal,
      reality: 'Three escalations a week',
      notes: 'Energy low',
      will: `Will for ${date}`,
    });
    await repos.actions.addMany([
      { participantId: participant.id, sessionId: session.id, text: `Action from ${date}`, owner: 'Amara' },
    ]);
  }
  const contract = await repos.contracts.create({ participantId: participant.id, title: 'Ops contract' });
  await repos.contracts.startReview(contract.id);
  const other = await repos.participants.create({ name: 'Bea Lindqvist' });
  await repos.actions.addMany([{ participantId: other.id, text: 'Not Amara’s action' }]);
  return { ...opened, participant };
}

async function exported(includePrivate: boolean) {
  const { db, participant } = await coachedParticipant();
  const data = await collectParticipantData(db, participant.id);
  const built = await buildParticipantExport(
    data!,
    { includePrivate, exportedAt: Date.UTC(2026, 10, 28, 9), appVersion: '1.2.3' },
    {
      context,
      buildDocument: (kind, bundles) =>
        buildSessionBatch({ kind, format: 'docx', template: templates[kind], bundles, context, locale: 'en-GB' }),
    },
  );
  if (!built.ok) throw new Error(built.error);
  const files = unzipSync(built.value.zip);
  return { built: built.value, files, json: JSON.parse(strFromU8(files['Amara Okafor - data.json'])) };
}

describe('participant export', () => {
  it('holds everything about them, and nobody else, with private notes left out', async () => {
    const { built, files, json } = await exported(false);
    expect(built.fileName).toBe('Amara Okafor - data export 2026-11-28.zip');
    expect(Object.keys(files).sort()).toEqual(['Amara Okafor - data.json', 'Amara Okafor - session summaries.docx']);
    expect(json).toMatchObject({
      format: 'followthrough-participant-export',
      privateNotesIncluded: false,
      appVersion: '1.2.3',
    });
    expect(json.participant.name).toBe('Amara Okafor');
    expect(json.sessions).toHaveLength(2);
    expect(json.actions.map((action: { text: string }) => action.text)).toEqual([
      'Action from 2026-10-05',
      'Action from 2026-11-02',
    ]);
    expect(json.contracts).toHaveLength(1);
    expect(json.contractReviews).toHaveLength(1);
    expect(json.consentLog).toHaveLength(1);
    for (const field of privateFields.participant) expect(json.participant).not.toHaveProperty(field);
    for (const session of json.sessions)
      for (const field of privateFields.session) expect(session).not.toHaveProperty(field);
    expect(json.sessions[0].will).toBe('Will for 2026-10-05');
    expect(JSON.stringify(json)).not.toContain('Bea');

    const document = wordText(files['Amara Okafor - session summaries.docx']);
    expect(document).toContain('Will for 2026-11-02');
    expect(document).toContain('Action from 2026-10-05');
    for (const secret of ['Stop re-deciding', 'Three escalations', 'Energy low', 'Confidential'])
      expect(document).not.toContain(secret);
  });

  it('carries the private notes, in the JSON and as GROW checklists, when the coach ticks them in', async () => {
    const { files, json } = await exported(true);
    expect(Object.keys(files).sort()).toEqual(['Amara Okafor - GROW checklists.docx', 'Amara Okafor - data.json']);
    expect(json.privateNotesIncluded).toBe(true);
    expect(json.participant.notes).toBe('Confidential: reorganisation');
    expect(json.sessions[1].goal).toBe('Delegate Sev-2 calls');
    const document = wordText(files['Amara Okafor - GROW checklists.docx']);
    expect(document).toContain('Stop re-deciding escalations');
    expect(document).toContain('Energy low');
  });

  it('is plain JSON a person can read', async () => {
    const { db, participant } = await coachedParticipant();
    const text = participantJson((await collectParticipantData(db, participant.id))!, {
      includePrivate: false,
      exportedAt: 0,
      appVersion: 'x',
    });
    expect(text.split('\n').length).toBeGreaterThan(50);
  });
});
