// Documents from templates, each beside the same content built directly with docx or exceljs (the
// bundled template's own design, filled in code): one GROW checklist, a contract workbook with
// 200 commitments, and 100 sessions in one Word document. Targets: the checklist under 200 ms and
// at most 1.3× its baseline; the 100-session batch under 5 s.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Packer } from 'docx';
import ExcelJS from 'exceljs';
import type { BundledTemplateName } from '../../shared/ipc';
import type { TemplateKind } from '../../shared/model';
import { buildSessionBatch } from '../../renderer/documents/batch';
import { contractWorkbookData, growChecklistData, type SessionBundle } from '../../renderer/documents/build-data';
import { fillTemplate } from '../../renderer/documents/fill-template';
import { openTemplate } from '../../renderer/documents/inspect-template';
import { contractWorkbook } from '../../scripts/template-designs/contract-workbook';
import { growChecklistSection, growChecklistTitle } from '../../scripts/template-designs/grow-checklist';
import { filledSlots } from '../../scripts/template-designs/slots';
import { a4Document } from '../../scripts/template-designs/word-kit';
import { bundle, context, contract, participant, session } from '../../test/unit/documents/fixtures';
import { measureSides, timed } from '../sampling';
import type { BenchCase } from '../types';

const LOCALE = 'en-GB';
const template = (name: BundledTemplateName) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../templates/${name}`, import.meta.url))));

function fromTemplate(kind: TemplateKind, bytes: Uint8Array, data: Parameters<typeof fillTemplate>[1]): Uint8Array {
  const opened = openTemplate(bytes, kind, kind);
  if (!opened.ok) throw new Error(opened.error);
  const filled = fillTemplate(opened.value, data, { locale: LOCALE });
  if (!filled.ok) throw new Error(filled.error);
  return filled.value;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const growChecklist: BenchCase = {
  name: 'documents-grow-checklist',
  async measure(mode) {
    const bytes = template('1to1-GROW-Checklist.docx');
    const data = growChecklistData(bundle, context);
    const samples = await measureSides(mode, {
      ours: () => timed(async () => fromTemplate('grow-checklist', bytes, data)),
      baseline: () =>
        timed(() => Packer.toBuffer(a4Document(growChecklistTitle, [growChecklistSection(filledSlots(data, LOCALE))]))),
    });
    return {
      ...samples,
      notes: `open + fill the bundled template vs docx Packer on the same design; target < 200 ms and ≤ 1.3×`,
    };
  },
};

const contractWorkbookCase: BenchCase = {
  name: 'documents-contract-200-commitments',
  async measure(mode) {
    const count = mode.smoke ? 20 : 200;
    const commitments = Array.from({ length: count }, (_, i) => ({
      ...contract.commitments[i % contract.commitments.length],
      text: `Commitment ${i + 1}`,
    }));
    const data = contractWorkbookData({ ...contract, commitments }, participant, context);
    const bytes = template('Accountability-Contract.xlsx');
    const samples = await measureSides(mode, {
      ours: () => timed(async () => fromTemplate('contract-workbook', bytes, data)),
      baseline: () =>
        timed(async () => {
          const workbook = new ExcelJS.Workbook();
          contractWorkbook(workbook, filledSlots(data, LOCALE));
          await workbook.xlsx.writeBuffer();
        }),
    });
    return {
      ...samples,
      notes: `${count} commitments and a 5 × 6 RACI; fill the bundled workbook vs exceljs writing the same design`,
    };
  },
};

function sessions(count: number): SessionBundle[] {
  return Array.from({ length: count }, (_, i) => ({
    ...bundle,
    participant: { ...participant, name: `Leader ${i + 1}` },
    session: {
      ...session,
      date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    },
  }));
}

/** The longest the event loop was held while `work` ran: what a coach would feel as a freeze. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  await work();
  running = false;
  return Math.max(longest, performance.now() - last);
}

const batch: BenchCase = {
  name: 'documents-batch-100-sessions',
  async measure(mode) {
    const bundles = sessions(mode.smoke ? 5 : 100);
    const bytes = template('1to1-GROW-Checklist.docx');
    const build = () =>
      buildSessionBatch({
        kind: 'grow-checklist',
        format: 'docx',
        template: { name: 'g.docx', data: bytes },
        bundles,
        context,
        locale: LOCALE,
      });
    const blocks: number[] = [];
    const samples = await measureSides(mode, {
      ours: () => timed(build),
      baseline: () =>
        timed(() =>
          Packer.toBuffer(
            a4Document(
              growChecklistTitle,
              bundles.map((item) => growChecklistSection(filledSlots(growChecklistData(item, context), LOCALE))),
            ),
          ),
        ),
      inline: async () => {
        blocks.push(await longestBlock(build));
        return 0;
      },
    });
    return {
      ours: samples.ours,
      baseline: samples.baseline,
      extra: { longest_block_ms: median(blocks) },
      notes:
        `${bundles.length} GROW checklists merged into one .docx (a section each) vs docx Packer with a section per session; ` +
        `the app runs it in a Web Worker; run inline it holds the event loop at most ${median(blocks).toFixed(0)} ms at a time; target < 5 s`,
    };
  },
};

export const cases: BenchCase[] = [growChecklist, contractWorkbookCase, batch];
