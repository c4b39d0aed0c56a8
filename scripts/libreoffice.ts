// LibreOffice, headless, to open exported documents as a person's office suite would: recalculate
// a workbook, lay out a Word document into pages.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const systemCandidates = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return systemCandidates.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * Converts `inputs` into `outDir` (`to`: "pdf", "csv", "xlsx"…). Each call has a profile of its
 * own, so conversions running side by side (or a LibreOffice the person has open) do not collide.
 */
export function convertWithLibreOffice(inputs: string[], to: string, outDir: string): void {
  const soffice = findSoffice();
  if (!soffice) throw new Error('No LibreOffice found; run `tsx scripts/ensure-libreoffice.ts`');
  const profile = mkdtempSync(join(tmpdir(), 'followthrough-office-'));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...inputs,
      ],
      { stdio: 'pipe', timeout: 120_000 + inputs.length * 10_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
