// The GROW checklist as LibreOffice lays it out: fills the bundled checklist for a fixed sample of
// the medium demo dataset's held sessions, converts them to PDF and counts each one's pages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateOf } from '../shared/demo-dataset/calendar';
import { DEFAULT_NOW, generateDataset } from '../shared/demo-dataset';
import { growChecklistData } from '../renderer/documents/build-data';
import { sessionFollowUp } from '../renderer/documents/session-follow-up';
import { fillTemplate } from '../renderer/documents/fill-template';
import { openTemplate } from '../renderer/documents/inspect-template';
import { convertWithLibreOffice } from './libreoffice';

const templateName = '1to1-GROW-Checklist.docx';

/** Every n-th held session of the medium demo dataset, `size` of them. */
function sampleOfHeldSessions(size: number) {
  const today = dateOf(DEFAULT_NOW);
  const dataset = generateDataset({ size: 'medium' });
  const participants = new Map(dataset.participants.map((participant) => [participant.id, participant]));
  const held = dataset.sessions.filter((session) => session.deletedAt === undefined && session.date <= today);
  const step = Math.max(1, Math.floor(held.length / size));
  return held
    .filter((_session, i) => i % step === 0)
    .slice(0, size)
    .map((session) => ({
      session,
      participant: participants.get(session.participantId)!,
      actions: dataset.actions.filter((action) => action.sessionId === session.id),
      followUp: sessionFollowUp(session, {
        sessions: dataset.sessions.filter((other) => other.participantId === session.participantId),
        actions: dataset.actions.filter((action) => action.participantId === session.participantId),
        reviews: [],
      }),
    }));
}

/** A PDF's page count, from its page tree (LibreOffice writes it uncompressed). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** Fills `size` checklists into `dir` (kept there as .docx and .pdf) and returns their page counts. */
export function checklistPageCounts(size: number, dir: string): number[] {
  const opened = openTemplate(
    new Uint8Array(readFileSync(new URL(`../templates/${templateName}`, import.meta.url))),
    'grow-checklist',
    templateName,
  );
  if (!opened.ok) throw new Error(opened.error);
  const today = dateOf(DEFAULT_NOW);
  const files = sampleOfHeldSessions(size).map((bundle, i) => {
    const data = growChecklistData(bundle, { coachName: 'Sam Rivera', coachOrganisation: 'Northwind', today });
    const filled = fillTemplate(opened.value, data, { locale: 'en-GB' });
    if (!filled.ok) throw new Error(filled.error);
    const file = join(dir, `checklist-${String(i).padStart(3, '0')}.docx`);
    writeFileSync(file, filled.value);
    return file;
  });
  convertWithLibreOffice(files, 'pdf', dir);
  return files.map((file) => pdfPageCount(readFileSync(file.replace(/\.docx$/, '.pdf'))));
}
