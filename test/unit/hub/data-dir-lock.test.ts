import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { useTempFolder } from '../electron/temp-folder';

const CONTENDERS = 6;
const TRIALS = 10;
const childSource = fileURLToPath(new URL('../../support/data-dir-lock-child.ts', import.meta.url));
const bundles = useTempFolder('lock-child', 'all');
const temp = useTempFolder('lock');
let child = '';

beforeAll(async () => {
  // Bundled once, so each contender starts as plain Node in a few milliseconds, all at once.
  child = join(bundles.path, 'lock-child.mjs');
  await build({
    entryPoints: [childSource],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
});

/** The first line a process prints. */
async function firstLine(process: ChildProcess): Promise<string> {
  let text = '';
  for await (const chunk of process.stdout!) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.trim();
}

/** Starts the contenders together; answers how many took the lock, then lets the winners go. */
async function contend(dataDir: string): Promise<number> {
  const contenders = Array.from({ length: CONTENDERS }, () =>
    spawn(process.execPath, [child, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const outcomes = await Promise.all(contenders.map(firstLine));
  for (const contender of contenders) contender.stdin!.end();
  await Promise.all(contenders.map((contender) => contender.exitCode ?? once(contender, 'exit')));
  expect(outcomes.every((outcome) => outcome === 'won' || outcome === 'lost')).toBe(true);
  return outcomes.filter((outcome) => outcome === 'won').length;
}

/** The pid of a process that has ended. */
async function endedPid(): Promise<number> {
  const ended = spawn(process.execPath, ['-e', '']);
  await once(ended, 'exit');
  return ended.pid!;
}

describe('the hub data-folder lock with several processes starting at once', () => {
  it(
    `lets exactly one of ${CONTENDERS} processes take a fresh folder, in ${TRIALS} trials out of ${TRIALS}`,
    { timeout: 240_000 },
    async () => {
      const winners = [];
      for (let trial = 0; trial < TRIALS; trial++) winners.push(await contend(join(temp.path, `fresh-${trial}`)));
      expect(winners).toEqual(Array(TRIALS).fill(1));
    },
  );

  it(
    `lets exactly one take over a lock left by an ended process, in ${TRIALS} trials out of ${TRIALS}`,
    { timeout: 240_000 },
    async () => {
      const winners = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        const dataDir = join(temp.path, `stale-${trial}`);
        await contend(dataDir);
        await writeFile(join(dataDir, 'hub.lock'), String(await endedPid()));
        winners.push(await contend(dataDir));
      }
      expect(winners).toEqual(Array(TRIALS).fill(1));
    },
  );

  it('refuses a second process while the first holds the folder, naming its pid', { timeout: 30_000 }, async () => {
    const dataDir = join(temp.path, 'held');
    const holder = spawn(process.execPath, [child, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
    expect(await firstLine(holder)).toBe('won');
    expect(await readFile(join(dataDir, 'hub.lock'), 'utf8')).toBe(String(holder.pid));
    const second = spawn(process.execPath, [child, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
    expect(await firstLine(second)).toBe('lost');
    holder.stdin!.end();
    await once(holder, 'exit');
  });
});
