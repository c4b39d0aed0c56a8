// The Metrics page's entry: its measures, charts and workbook export load only when it opens.
import { lazy, Suspense } from 'react';

const MetricsView = lazy(() => import('./metrics-view'));

export function MetricsPage() {
  return (
    <Suspense fallback={<p className="muted">Loading the measures…</p>}>
      <MetricsView />
    </Suspense>
  );
}
