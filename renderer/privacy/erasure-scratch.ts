// The scratch database in which an erasure takes an automatic backup apart. Its own module, so
// that start-up can remove one a killed run left without loading the restore code.
import { FollowthroughDatabase } from '../db/database';

export const ERASURE_SCRATCH_DATABASE = 'followthrough-erasure-scratch';

/** A scratch database left by a run the app did not finish holds the participant: remove it. */
export const discardErasureScratch = () => FollowthroughDatabase.delete(ERASURE_SCRATCH_DATABASE);
