// The GROW checklist is designed as one page: the sessions of the medium demo dataset, laid out by
// LibreOffice, must fit one A4 page at least 95 % of the time, and a longer one goes on to a second.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checklistPageCounts } from '../../../scripts/checklist-pages';

describe('the bundled GROW checklist laid out by LibreOffice', () => {
  it('fits one page for at least 95 % of 120 demo sessions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'followthrough-checklist-pages-'));
    try {
      const pages = checklistPageCounts(120, dir);
      expect(pages).toHaveLength(120);
      expect(Math.min(...pages)).toBe(1);
      const onePage = pages.filter((count) => count === 1).length;
      expect(onePage / pages.length).toBeGreaterThanOrEqual(0.95);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
