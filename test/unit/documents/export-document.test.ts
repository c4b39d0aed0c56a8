import { describe, expect, it } from 'vitest';
import type { PlatformApi } from '../../../shared/ipc';
import { ok } from '../../../shared/result';
import {
  exportContractWorkbook,
  exportGrowChecklist,
  exportMeasurementFields,
  exportSessionBatch,
  exportFollowUpDraft,
  exportSessionSummary,
  type ExportDeps,
} from '../../../renderer/features/documents/export-document';
import { openTestDatabase } from '../db/test-database';
import { bundle, contract, participant } from './fixtures';
import { bundledTemplate, p, r, rawDocx } from './template-builders';
import { loadWorkbook, unzip, wordText } from './read-back';
import { parseCsv } from '../../../shared/csv';
import { readFileSync } from 'node:fs';
import type { MeasureSummary } from '../../../shared/metrics/measure-summaries';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';

type Saved = { suggestedName: string; data: Uint8Array; extensions: string[] };

/** The platform as the desktop app has it, with files kept in memory and templates read from templates/. */
function recordingPlatform(saved: Saved[]): PlatformApi {
  const unused = async () => ok(null as never);
  return {
    appInfo: unused,
    saveFile: async ({ suggestedName, data, filters }) => {
      saved.push({ suggestedName, data, extensions: filters.flatMap((f) => f.extensions) });
      return ok({ saved: true, path: `/home/coach/Documents/${suggestedName}` });
    },
    showInFolder: async () => ok(true),
    openMailDraft: async ({ fileName, data }) => {
      saved.push({ suggestedName: fileName, data, extensions: ['eml'] });
      return ok({ path: `/tmp/Followthrough mail drafts/${fileName}` });
    },
    readTemplate: async ({ name }) =>
      ok(new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../templates/${name}`, import.meta.url))))),
    networkStatus: unused,
    httpRequest: unused,
    checkReachable: unused,
    allowUpstream: unused,
    getSecret: unused,
    setSecret: unused,
    writeBackup: unused,
    listBackups: unused,
    readBackup: unused,
    replaceBackup: unused,
    openBackupFolder: unused,
    fileDropTarget: unused,
    chooseFileDropFolder: unused,
    writeFileDrop: unused,
    setContentProtection: unused,
    setUnsavedWork: unused,
    notificationPermission: unused,
    showNotification: unused,
    onNotificationClicked: () => () => undefined,
  };
}

function setUp() {
  const saved: Saved[] = [];
  const { db, repos } = openTestDatabase();
  const deps: ExportDeps = {
    platform: recordingPlatform(saved),
    templates: repos.templates,
    locale: 'en-GB',
    coachName: 'Sam Rivera',
    coachOrganisation: 'Northwind Coaching',
    today: () => '2026-11-02',
  };
  return { saved, db, repos, deps };
}

describe('exporting documents', () => {
  it('fills the bundled checklist and saves it under a dated name', async () => {
    const { saved, deps } = setUp();
    const result = await exportGrowChecklist(bundle, deps);
    expect(result).toEqual({
      ok: true,
      value: {
        fileName: '2026-11-02 Amara Okafor - GROW checklist.docx',
        saved: true,
        path: '/home/coach/Documents/2026-11-02 Amara Okafor - GROW checklist.docx',
      },
    });
    expect(saved[0].extensions).toEqual(['docx']);
    expect(wordText(saved[0].data)).toContain('Sam Rivera');
  });

  it('uses the coach’s own template when one is chosen, and the bundled one again when it is deleted', async () => {
    const { saved, repos, deps } = setUp();
    const own = await repos.templates.import(
      'session-summary',
      'Branded.docx',
      rawDocx(p(r('ACME summary for {{participant.name}}: {{session.will}}'))),
    );
    expect(own.ok && own.value.active).toBe(true);
    await exportSessionSummary(bundle, deps);
    expect(wordText(saved[0].data)).toBe(`ACME summary for Amara Okafor: ${bundle.session.will}`);
    if (own.ok) await repos.templates.remove(own.value.id);
    await exportSessionSummary(bundle, deps);
    expect(wordText(saved[1].data)).toContain('Your next steps');
  });

  it('prepares the follow-up as a mail draft with the summary attached and no private field', async () => {
    const { saved, deps } = setUp();
    const result = await exportFollowUpDraft(bundle, deps);
    expect(result.ok && result.value.path).toBe(
      '/tmp/Followthrough mail drafts/2026-11-02 Amara Okafor - Follow-up.eml',
    );
    const mail = await simpleParser(Buffer.from(saved[0].data));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.subject).toBe('Our coaching session on Mon 2 Nov: next steps');
    expect(mail.text).toContain('Completed since last time:\n- Name an owner for every Sev-2 escalation');
    expect(mail.text).toContain('Next session:\n- Mon 16 Nov at 09:30');
    const [summary] = mail.attachments;
    expect(summary.filename).toBe('2026-11-02 Amara Okafor - Session summary.docx');
    expect(wordText(new Uint8Array(summary.content))).toContain(bundle.session.will);
    const everything = `${mail.text}${mail.html}${wordText(new Uint8Array(summary.content))}`;
    expect(everything).not.toMatch(/PRIVATE-/);
  });

  it('prepares no follow-up when the participant’s consent shares no actions', async () => {
    const { saved, deps } = setUp();
    const withheld = {
      ...bundle,
      participant: { ...participant, consent: { ...participant.consent, shareActions: 'none' as const } },
    };
    const result = await exportFollowUpDraft(withheld, deps);
    expect(result.ok ? '' : result.error).toMatch(/consent shares no actions/);
    expect(saved).toEqual([]);
  });

  it('exports the contract workbook and the measurement fields', async () => {
    const { saved, deps } = setUp();
    expect((await exportContractWorkbook(contract, participant, deps)).ok).toBe(true);
    expect(saved[0].suggestedName).toBe('Amara Okafor - Triage & escalation accountability contract.xlsx');
    expect((await loadWorkbook(saved[0].data)).getWorksheet('RACI')!.getCell('B5').value).toBe('Head of Ops');
    const measures = (
      [
        ['conversion', 0.6413],
        ['coachingHours', 12.4583],
        ['actionWithin24h', 0.9],
      ] as const
    ).map(([key, value]): MeasureSummary => ({
      key,
      value,
      baseline: null,
      goal: null,
      rating: 'no-data',
      detail: '',
      baselineDetail: '',
    }));
    const range = { from: '2026-08-03', to: '2026-10-31' };
    const exported = await exportMeasurementFields({ measures, scopeLabel: 'Cohort 2026-B', range }, deps);
    expect(exported.ok && exported.value.fileName).toBe(
      'Measurement fields - Cohort 2026-B - 2026-08-03 to 2026-10-31.csv',
    );
    const rows = parseCsv(new TextDecoder().decode(saved[1].data));
    expect(rows.find((row) => row[0] === 'coaching_to_action_conversion')?.slice(-2)).toEqual(['0.64', '2026-11-02']);
    expect(rows.find((row) => row[0] === 'coaching_hours')?.slice(-2)).toEqual(['12.5', '2026-11-02']);
  });

  it('builds a batch where no worker exists and names it after its title', async () => {
    const { saved, deps } = setUp();
    const progress: number[] = [];
    const result = await exportSessionBatch(
      [bundle, bundle],
      { kind: 'grow-checklist', format: 'zip', title: 'Amara Okafor', onProgress: (done) => progress.push(done) },
      deps,
    );
    expect(result.ok && result.value.fileName).toBe('Amara Okafor - GROW checklists.zip');
    expect(Object.keys(unzip(saved[0].data))).toHaveLength(2);
    expect(progress).toEqual([1, 2]);
  });

  it('says which template is broken when a stored one can no longer be used', async () => {
    const { db, repos, deps } = setUp();
    const broken = await repos.templates.import(
      'grow-checklist',
      'Mine.docx',
      bundledTemplate('1to1-GROW-Checklist.docx'),
    );
    if (!broken.ok) throw new Error(broken.error);
    await db.templates.update(broken.value.id, { data: new Uint8Array([1, 2, 3]) });
    const result = await exportGrowChecklist(bundle, deps);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Your template "Mine\.docx" cannot be used: This file is not a Word/),
    });
  });
});
