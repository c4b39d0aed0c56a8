// The repository's bulk write of 10,000 actions with encryption against the same in clear, in
// Chromium, where the app runs: the browser's IndexedDB (on disk, in a profile folder) and its
// WebCrypto. bench/cases/storage.ts measures the same in Node on fake-indexeddb, where writing is
// nearly free and Node's WebCrypto costs several times Chromium's per call, so its ratio is the
// worst case of our code rather than what a coach waits for.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, newProfileDirectory, removeDirectory } from '../chromium';
import { openBenchPage } from '../page-bundle';
import { measureSides } from '../sampling';
import type { BenchCase } from '../types';
import type { ActionDraft } from '../../renderer/db/actions';
import { benchActions, draftOf } from '../action-drafts';

const bulkWrite = (page: Page, sealed: boolean) =>
  page.evaluate(({ sealed }) => window.benchBulkWrite(window.benchDrafts, sealed), { sealed });

declare global {
  interface Window {
    benchDrafts: ActionDraft[];
  }
}

const bulkWriteSealedInChromium: BenchCase = {
  name: 'bulk-write-10k-actions-encrypted-chromium',
  async measure(mode) {
    const drafts = benchActions(mode).map(draftOf);
    const profile = await newProfileDirectory();
    const { context, page } = await launch(profile);
    try {
      await openBenchPage(page, join(import.meta.dirname, '..', 'pages', 'bulk-write.ts'));
      await page.evaluate((drafts) => (window.benchDrafts = drafts), drafts);
      const samples = await measureSides(mode, {
        ours: () => bulkWrite(page, true),
        baseline: () => bulkWrite(page, false),
      });
      return {
        ...samples,
        notes: `${drafts.length} actions; repository addMany sealed vs in clear, Chromium IndexedDB; target ≤ 1.25×`,
      };
    } finally {
      await context.close();
      await removeDirectory(profile);
    }
  },
};

export const cases: BenchCase[] = [bulkWriteSealedInChromium];
