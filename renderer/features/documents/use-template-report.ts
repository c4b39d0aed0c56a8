// The placeholder report of a stored template, worked out when it is shown (so it always follows
// the current placeholder list), with the checker loaded on demand.
import { useEffect, useState } from 'react';
import type { StoredTemplate } from '../../../shared/model';
import type { TemplateReport } from '../../documents/inspect-template';

export type ReportState =
  { state: 'loading' } | { state: 'ready'; report: TemplateReport } | { state: 'failed'; error: string };

export function useTemplateReport(template: StoredTemplate | undefined): ReportState | null {
  const [result, setResult] = useState<{ id: string; updatedAt: number; value: ReportState } | null>(null);
  useEffect(() => {
    if (!template) return;
    let current = true;
    void import('../../documents/inspect-template').then(({ openTemplate }) => {
      if (!current) return;
      const opened = openTemplate(template.data, template.kind, template.name);
      const value: ReportState = opened.ok
        ? { state: 'ready', report: opened.value.report }
        : { state: 'failed', error: opened.error };
      setResult({ id: template.id, updatedAt: template.updatedAt, value });
    });
    return () => {
      current = false;
    };
  }, [template]);
  if (!template) return null;
  if (!result || result.id !== template.id || result.updatedAt !== template.updatedAt) return { state: 'loading' };
  return result.value;
}
