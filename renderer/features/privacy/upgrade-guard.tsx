// Runs before the app opens its database: when a new release brings a new schema version, the
// data is backed up as it is first. Should that backup fail, the coach decides whether to try
// again or update without one; the app never upgrades behind a failed backup silently.
import { createRoot } from 'react-dom/client';
import { createLogger } from '../../../shared/logger';
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME } from '../../db/database';
import type { UpgradeCheck } from '../../backup/upgrade-guard';
import { platform } from '../../platform';
import './privacy.css';

const log = createLogger('upgrade');

type Choice = 'retry' | 'continue';

function askAboutFailedBackup(container: HTMLElement, check: Extract<UpgradeCheck, { kind: 'backup-failed' }>) {
  return new Promise<Choice>((resolve) => {
    const root = createRoot(container);
    const choose = (choice: Choice) => {
      root.unmount();
      resolve(choice);
    };
    root.render(
      <main className="upgrade-prompt">
        <section className="card stack" role="alertdialog" aria-labelledby="upgrade-title">
          <h1 id="upgrade-title">Your data could not be backed up before the update</h1>
          <p>
            This version of Followthrough stores your data in a newer way (version {check.from} →{' '}
            {CURRENT_SCHEMA_VERSION}). It makes a backup of your data as it is before changing anything, and that backup
            failed:
          </p>
          <p className="notice warn">{check.error}</p>
          <p className="muted">Nothing has been changed yet. Free some disk space and try again if you can.</p>
          <div className="row">
            <button type="button" className="primary" autoFocus onClick={() => choose('retry')}>
              Try the backup again
            </button>
            <button type="button" onClick={() => choose('continue')}>
              Update without a backup
            </button>
          </div>
        </section>
      </main>,
    );
  });
}

/** Loaded only when the stored database is older than this release's (see main.tsx). */
export async function guardSchemaUpgrade(container: HTMLElement): Promise<void> {
  const { backupBeforeUpgrade } = await import('../../backup/upgrade-guard');
  for (;;) {
    const check = await backupBeforeUpgrade(DATABASE_NAME, CURRENT_SCHEMA_VERSION, {
      platform,
      now: Date.now,
      secrets: platform,
    });
    if (check.kind !== 'backup-failed') {
      if (check.kind === 'backed-up') log.info(`backed up data version ${check.from} before the upgrade:`, check.file);
      return;
    }
    log.error('the backup before the upgrade failed:', check.error);
    if ((await askAboutFailedBackup(container, check)) === 'continue') return;
  }
}
