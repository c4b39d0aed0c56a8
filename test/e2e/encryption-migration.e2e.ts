// Sealing an older release's database, killed with SIGKILL at random moments: each time the
// database must be wholly as it was (every session in clear, not marked sealed) or wholly sealed,
// never a mix; and the app then finishes the job. The suite runs it on the medium dataset (about a
// minute); SEALING_KILL_SIZE=large runs it on five years of data, which takes six minutes here.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumFlags, findChromium } from '../../scripts/find-chromium';
import { z } from 'zod';
import { datasetSizes, type DatasetSize } from '../../shared/demo-dataset';
import { appUrl, closeAfterEach, killBrowser, launchApp, type AppBrowser } from './browser';
import { storedSealing, withoutKeychain } from './plaintext-profile';

let app: AppBrowser | undefined;
closeAfterEach(() => app);
const folder = mkdtempSync(join(tmpdir(), 'followthrough-sealing-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const datasetSizeSchema = z.enum(Object.keys(datasetSizes) as [DatasetSize, ...DatasetSize[]]);
const KILLS = 10;
const SIZE = datasetSizeSchema.parse(process.env.SEALING_KILL_SIZE ?? 'medium');
const SESSIONS = datasetSizes[SIZE].sessions;

const launchOn = (profileDir: string) =>
  chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium()!,
    args: chromiumFlags,
    headless: true,
  });

/** Opens the app on a copy of the plaintext profile and waits until its sessions are sealed. */
async function sealToTheEnd(profileDir: string): Promise<number> {
  const context = await launchOn(profileDir);
  const started = Date.now();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl());
    await page.locator('[data-ready="true"]').waitFor({ timeout: 120_000 });
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

describe('sealing an older database', () => {
  it(`is all or nothing when killed at ${KILLS} random moments, then completes`, async () => {
    app = await launchApp({ hash: `?demo=${SIZE}`, beforeLoad: withoutKeychain });
    await app.page.locator('[data-ready="true"]').waitFor({ timeout: 180_000 });
    const plainProfile = app.profileDir;
    await app.context.close();
    const inspector = await launchOn(plainProfile);
    expect(await storedSealing(inspector, appUrl())).toEqual({ sealed: 0, clear: SESSIONS, sealedAll: null });
    await inspector.close();

    const copy = (name: string) => {
      const path = join(folder, name);
      cpSync(plainProfile, path, { recursive: true });
      return path;
    };
    const fullRun = await sealToTheEnd(copy('measured'));
    console.log(`filled in clear and copied; sealing it to a ready Today took ${fullRun} ms`);

    const outcomes: string[] = [];
    for (let trial = 1; trial <= KILLS; trial += 1) {
      const profile = copy(`killed-${trial}`);
      const context = await launchOn(profile);
      const page = context.pages()[0] ?? (await context.newPage());
      const killAfter = Math.round(Math.random() * fullRun);
      await page.goto(appUrl());
      await new Promise((resolve) => setTimeout(resolve, killAfter));
      killBrowser(profile);
      await context.close().catch(() => undefined);

      const inspect = await launchOn(profile);
      const stored = await storedSealing(inspect, appUrl());
      await inspect.close();
      const whole = stored.sealed === 0 ? 'as it was' : 'sealed';
      outcomes.push(`${killAfter} ms: ${whole}`);
      if (stored.sealed === 0) expect(stored, `kill after ${killAfter} ms`).toMatchObject({ clear: SESSIONS });
      else expect(stored, `kill after ${killAfter} ms`).toEqual({ sealed: SESSIONS, clear: 0, sealedAll: true });
      expect(stored.sealedAll === true, `kill after ${killAfter} ms`).toBe(stored.sealed > 0);
      if (trial === KILLS) {
        await sealToTheEnd(profile);
        const finished = await launchOn(profile);
        expect(await storedSealing(finished, appUrl())).toEqual({ sealed: SESSIONS, clear: 0, sealedAll: true });
        await finished.close();
      }
    }
    console.log(`sealing the ${SIZE} dataset took ${fullRun} ms to a ready Today; killed at ${outcomes.join('; ')}`);
  }, 480_000);
});
