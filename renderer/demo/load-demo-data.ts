// The in-app demo: opening the app with ?demo=small|medium|large fills an empty database with the
// generated coaching dataset, so a new user (or a benchmark) has years of data to look around in.
// Loaded with a dynamic import from main.tsx, so a normal start-up never downloads it.
// Demo records do not enter the sync outbox: made-up actions must never reach a real upstream.
import { z } from 'zod';
import { datasetSizes, generateDataset, type Dataset, type DatasetSize } from '../../shared/demo-dataset';
import { createLogger } from '../../shared/logger';
import type { FollowthroughDatabase } from '../db/database';

const log = createLogger('demo');

export const DEMO_PARAMETER = 'demo';
const demoSizeSchema = z.enum(Object.keys(datasetSizes) as [DatasetSize, ...DatasetSize[]]);

/** Writes the dataset in one transaction, unless the database already holds participants. */
export async function fillEmptyDatabase(db: FollowthroughDatabase, dataset: Dataset): Promise<boolean> {
  const tables = [db.participants, db.sessions, db.actions, db.actionReviews, db.contracts, db.contractReviews];
  return db.transaction('rw', tables, async () => {
    if ((await db.participants.count()) > 0) return false;
    await db.participants.bulkPut(dataset.participants);
    await db.sessions.bulkPut(dataset.sessions);
    await db.actions.bulkPut(dataset.actions);
    await db.actionReviews.bulkPut(dataset.actionReviews);
    await db.contracts.bulkPut(dataset.contracts);
    await db.contractReviews.bulkPut(dataset.contractReviews);
    return true;
  });
}

export type DemoOutcome = 'filled' | 'kept-existing-data' | 'unknown-size' | 'failed';

/** Reads ?demo=<size>, fills the database if it is empty, and takes the parameter off the URL. */
export async function loadDemoDataFromUrl(db: FollowthroughDatabase, location: Location): Promise<DemoOutcome> {
  const url = new URL(location.href);
  const requested = url.searchParams.get(DEMO_PARAMETER);
  url.searchParams.delete(DEMO_PARAMETER);
  history.replaceState(history.state, '', url);

  const size = demoSizeSchema.safeParse(requested);
  if (!size.success) {
    log.warn(`No demo data loaded: "${requested}" is not a size; use ?demo=small, medium or large`);
    return 'unknown-size';
  }
  try {
    const filled = await fillEmptyDatabase(db, generateDataset({ size: size.data, now: Date.now() }));
    if (filled) log.info(`loaded the ${size.data} demo dataset`);
    else log.info('the database already holds data, so the demo dataset was not loaded');
    return filled ? 'filled' : 'kept-existing-data';
  } catch (error) {
    log.error('the demo dataset could not be written; the app opens without it', error);
    return 'failed';
  }
}
