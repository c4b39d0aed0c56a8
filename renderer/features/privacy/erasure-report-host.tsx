// Where the erasure report shows: mounted once in the app, because the participant's own page is
// gone by the time it shows. The dialog itself loads only when there is a report.
import { lazy, Suspense } from 'react';
import { create } from 'zustand';
import type { ErasureReport } from '../../privacy/erase-participant';
import type { BackupsErasure } from '../../privacy/erase-from-backups';
import type { Result } from '../../../shared/result';

const ErasureReportDialog = lazy(() => import('./erasure-report').then((m) => ({ default: m.ErasureReportDialog })));

/** How far removing the participant from the automatic backups has come. */
export type BackupsProgress = { done: number; of: number } | Result<BackupsErasure>;

const useErasureReport = create<{ report: ErasureReport | null; backups: BackupsProgress }>(() => ({
  report: null,
  backups: { done: 0, of: 0 },
}));

export function showErasureReport(report: ErasureReport): void {
  useErasureReport.setState({ report, backups: { done: 0, of: 0 } });
}

export function showBackupsProgress(backups: BackupsProgress): void {
  useErasureReport.setState({ backups });
}

export function ErasureReportHost() {
  const { report, backups } = useErasureReport();
  if (!report) return null;
  return (
    <Suspense fallback={null}>
      <ErasureReportDialog
        report={report}
        backups={backups}
        onClose={() => useErasureReport.setState({ report: null })}
      />
    </Suspense>
  );
}
