// Opens the database (locking an embedded one to this process), builds the hub and listens.
import type { FastifyInstance } from 'fastify';
import { buildHub } from './app';
import type { HubConfig } from './config';
import { lockDataDir } from './db/data-dir-lock';
import { openDatabase } from './db/open';
import type { SqlDatabase } from './db/sql';

type RunningHub = { url: string; db: SqlDatabase; app: FastifyInstance; close: () => Promise<void> };

export async function startHub(config: HubConfig, now: () => number = Date.now): Promise<RunningHub> {
  const unlock =
    config.database.engine === 'pglite' ? await lockDataDir(config.database.dataDir) : async () => undefined;
  let db: SqlDatabase | null = null;
  try {
    db = await openDatabase(config.database);
    const app = await buildHub({ db, limits: config.limits, now, trustProxy: config.trustProxy });
    const address = await app.listen({ host: config.host, port: config.port });
    const opened = db;
    return {
      url: address.replace('[::1]', 'localhost'),
      db: opened,
      app,
      async close() {
        await app.close();
        await opened.close();
        await unlock();
      },
    };
  } catch (error) {
    await db?.close();
    await unlock();
    throw error;
  }
}
