// Saves the KPI workbook for the report on screen (a download on the web, a save dialog on desktop).
import { useState } from 'react';
import type { MetricsReport } from '../../../shared/metrics/metrics-report';
import { createLogger } from '../../../shared/logger';
import { errorMessage } from '../../../shared/result';
import { platform } from '../../platform';
import { showToast } from '../../components/toasts';

const log = createLogger('metrics');

export function ExportWorkbookButton({ report }: { report: MetricsReport }) {
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const { buildKpiWorkbook, workbookFileName } = await import('../../metrics/kpi-workbook');
      const result = await platform.saveFile({
        suggestedName: workbookFileName(report),
        data: await buildKpiWorkbook(report),
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
      });
      if (!result.ok) showToast({ message: `The KPI workbook was not saved: ${result.error}` });
      else if (result.value.saved) showToast({ message: 'KPI workbook saved' });
    } catch (error) {
      log.error('building the KPI workbook failed', error);
      showToast({ message: `The KPI workbook could not be built: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
      {busy ? 'Preparing workbook…' : 'Download KPI workbook'}
    </button>
  );
}
