// How many GROW checklists fit on one page, as LibreOffice lays them out: fills the bundled
// checklist for a fixed sample of the medium demo dataset's held sessions, converts them to PDF and
// counts pages. Run: npx tsx scripts/checklist-page-count.ts [--sample 120] [--keep <folder>]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dateOf } from '../shared/demo-dataset/calendar';
import { DEFAULT_NOW, generateDataset } from '../shared/demo-dataset';
import { growChecklistData } from '../renderer/documents/build-data';
import { sessionFollowUp } from '../renderer/documents/session-follow-up';
import { fillTemplate } from '../renderer/documents/fill-template';
import { openTemplate } from '../renderer/documents/inspect-template';
import { convertWithLibreOffice } from './libreoffice';

const { values } = parseArgs({ options: { sample: { type: 'string', default: '120' }, keep: { type: 'string' } } });
const sampleSize = Number(values.sample);

const today = dateOf(DEFAULT_NOW);
const dataset = generateDataset({ size: 'medium' });
const participants = new Map(dataset.participants.map((participant) => [participant.id, participant]));
const held = dataset.sessions.filter((session) => session.deletedAt === undefined && session.date <= today);
const step = Math.max(1, Math.floor(held.length / sampleSize));
const sample = held.filter((_session, i) => i % step === 0).slice(0, sampleSize);

const templateName = '1to1-GROW-Checklist.docx';
const opened = openTemplate(
  new Uint8Array(readFileSync(new URL(`../templates/${templateName}`, import.meta.url))),
  'grow-checklist',
  templateName,
);
if (!opened.ok) throw new Error(opened.error);

const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'followthrough-checklists-'));
mkdirSync(dir, { recursive: true });
const files = sample.map((session, i) => {
  const bundle = {
    session,
    participant: participants.get(session.participantId)!,
    actions: dataset.actions.filter((action) => action.sessionId === session.id),
    followUp: sessionFollowUp(session, {
      sessions: dataset.sessions.filter((other) => other.participantId === session.participantId),
      actions: dataset.actions.filter((action) => action.participantId === session.participantId),
      reviews: [],
    }),
  };
  const filled = fillTemplate(
    opened.value,
    growChecklistData(bundle, { coachName: 'Sam Rivera', coachOrganisation: 'Northwind', today }),
    {
      locale: 'en-GB',
    },
  );
  if (!filled.ok) throw new Error(filled.error);
  const file = join(dir, `checklist-${String(i).padStart(3, '0')}.docx`);
  writeFileSync(file, filled.value);
  return file;
});
convertWithLibreOffice(files, 'pdf', dir);

const pages = files.map((file) => {
  const info = execFileSync('pdfinfo', [file.replace(/\.docx$/, '.pdf')], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
});
const onePage = pages.filter((count) => count === 1).length;
const byCount = new Map<number, number>();
for (const count of pages) byCount.set(count, (byCount.get(count) ?? 0) + 1);
/** Word lays the template out in Calibri; LibreOffice uses what the system matches to it. */
function calibriStandIn(): string {
  try {
    return execFileSync('fc-match', ['Calibri'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown (no fc-match)';
  }
}

console.log(`GROW checklist, medium demo dataset: ${sample.length} held sessions filled and laid out by LibreOffice`);
console.log(`font used for Calibri: ${calibriStandIn()}`);
console.log(`one page: ${onePage} of ${sample.length} (${((100 * onePage) / sample.length).toFixed(1)} %)`);
console.log(
  `pages: ${[...byCount.entries()]
    .sort(([a], [b]) => a - b)
    .map(([count, n]) => `${n} × ${count}`)
    .join(', ')}`,
);
if (values.keep) console.log(`documents and PDFs kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
