// The browser fixtures the start-up cases share: the built app and a bare page on 127.0.0.1, and
// four Chromium profiles that have each been opened once — one filled with a generated dataset
// through the in-app demo loader (?demo=<size>), one filled the same way by an app that finds no
// keychain and so stores it in clear (the baseline of the encryption cases), one with the empty
// app, one with the bare page.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetSizes, type DatasetSize } from '../shared/demo-dataset';
import type { BenchMode } from './types';
import { defaultWebRoot, startStaticServer, type StaticServer } from '../scripts/static-server';
import {
  countStored,
  newProfileDirectory,
  openUntilReady,
  removeDirectory,
  withPage,
  type LaunchOptions,
} from './chromium';

export type AppProfiles = {
  size: DatasetSize;
  appUrl: string;
  bareUrl: string;
  dataProfile: string;
  /** The same dataset stored in clear: open it with `{ withoutKeychain: true }`. */
  plainDataProfile: string;
  emptyProfile: string;
  bareProfile: string;
  dispose: () => Promise<void>;
};

/** The floor: the same markers as a ready Today view, with no script at all. */
const barePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare page</title></head>
<body><main aria-label="Today"><div data-ready="true"><h1>Today</h1></div></main></body></html>
`;

const FILL_TIMEOUT_MS = 300_000;

const openOnce = (profile: string, url: string) => withPage(profile, (page) => openUntilReady(page, url));

const fillThroughDemoLoader = (profile: string, appUrl: string, size: DatasetSize, options: LaunchOptions = {}) =>
  withPage(
    profile,
    async (page) => {
      await openUntilReady(page, `${appUrl}?demo=${size}`, FILL_TIMEOUT_MS);
      const expected = datasetSizes[size].actions;
      const stored = await countStored(page, 'actions');
      if (stored !== expected) throw new Error(`the ${size} profile holds ${stored} actions, expected ${expected}`);
      if (page.url().includes('demo=')) throw new Error('the demo loader left ?demo in the address');
    },
    options,
  );

async function createAppProfiles(size: DatasetSize): Promise<AppProfiles> {
  if (!existsSync(join(defaultWebRoot, 'index.html'))) {
    throw new Error('dist/renderer is missing; run `npm run build:web` first (npm run bench does)');
  }
  const directories: string[] = [];
  const servers: StaticServer[] = [];
  const directory = async () => {
    const path = await newProfileDirectory();
    directories.push(path);
    return path;
  };
  const dispose = async () => {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(directories.map(removeDirectory));
  };
  try {
    const app = await startStaticServer();
    servers.push(app);
    const bareRoot = await directory();
    await writeFile(join(bareRoot, 'index.html'), barePage);
    const bare = await startStaticServer(bareRoot);
    servers.push(bare);
    const [dataProfile, plainDataProfile, emptyProfile, bareProfile] = [
      await directory(),
      await directory(),
      await directory(),
      await directory(),
    ];
    await fillThroughDemoLoader(dataProfile, app.url, size);
    await fillThroughDemoLoader(plainDataProfile, app.url, size, { withoutKeychain: true });
    await openOnce(emptyProfile, app.url);
    await openOnce(bareProfile, bare.url);
    return {
      size,
      appUrl: app.url,
      bareUrl: bare.url,
      dataProfile,
      plainDataProfile,
      emptyProfile,
      bareProfile,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

let shared: Promise<AppProfiles> | undefined;

/**
 * One set of profiles for every browser case in a run (the large dataset, or the small one in
 * smoke mode), created on first use: filling a profile with five years of data takes a while.
 */
export function sharedAppProfiles(mode: BenchMode): Promise<AppProfiles> {
  shared ??= createAppProfiles(mode.smoke ? 'small' : 'large');
  return shared;
}

/** Closes the servers and deletes the profiles; safe to call more than once. */
export async function disposeSharedAppProfiles(): Promise<void> {
  const opened = shared;
  shared = undefined;
  await opened?.then((profiles) => profiles.dispose()).catch(() => {});
}
