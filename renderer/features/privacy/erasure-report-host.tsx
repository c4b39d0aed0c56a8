// Where the erasure report shows: mounted once in the app, because the participant's own page is
// gone by the time it shows. The dialog itself loads only when there is a report.
import { lazy, Suspense } from 'react';
import { create } from 'zustand';
import type { ErasureReport } from '../../privacy/erase-participant';

const ErasureReportDialog = lazy(() => import('./erasure-report').then((m) => ({ default: m.ErasureReportDialog })));

const useErasureReport = create<{ report: ErasureReport | null }>(() => ({ report: null }));

export function showErasureReport(report: ErasureReport): void {
  useErasureReport.setState({ report });
}

export function ErasureReportHost() {
  const report = useErasureReport((state) => state.report);
  if (!report) return null;
  return (
    <Suspense fallback={null}>
      <ErasureReportDialog report={report} onClose={() => useErasureReport.setState({ report: null })} />
    </Suspense>
  );
}
