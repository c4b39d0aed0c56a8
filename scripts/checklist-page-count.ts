// How many GROW checklists fit on one page, as LibreOffice lays them out, for a fixed sample of the
// medium demo dataset's held sessions. Run: npx tsx scripts/checklist-page-count.ts [--sample 120] [--keep <folder>]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checklistPageCounts } from './checklist-pages';

const { values } = parseArgs({ options: { sample: { type: 'string', default: '120' }, keep: { type: 'string' } } });

const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'followthrough-checklists-'));
mkdirSync(dir, { recursive: true });
const pages = checklistPageCounts(Number(values.sample), dir);
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

console.log(`GROW checklist, medium demo dataset: ${pages.length} held sessions filled and laid out by LibreOffice`);
console.log(`font used for Calibri: ${calibriStandIn()}`);
console.log(`one page: ${onePage} of ${pages.length} (${((100 * onePage) / pages.length).toFixed(1)} %)`);
console.log(
  `pages: ${[...byCount.entries()]
    .sort(([a], [b]) => a - b)
    .map(([count, n]) => `${n} × ${count}`)
    .join(', ')}`,
);
if (values.keep) console.log(`documents and PDFs kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
