// What every route of the hub is given.
import type { SqlDatabase } from '../db/sql';

export type HubContext = { db: SqlDatabase; now: () => number };
