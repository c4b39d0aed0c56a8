// Template + data → document bytes, for either format, once the template is known to be ready.
import { fail, ok, type Result } from '../../shared/result';
import { fillDocx } from './fill-docx';
import type { FillData, FillOptions } from './fill-data';
import { readinessProblem, type OpenedTemplate } from './inspect-template';
import { fillXlsx } from './xlsx/fill-xlsx';

export function fillTemplate(template: OpenedTemplate, data: FillData, options: FillOptions): Result<Uint8Array> {
  const problem = readinessProblem(template.report);
  if (problem) return fail(problem);
  try {
    return ok(
      template.format === 'docx' ? fillDocx(template.docx, data, options) : fillXlsx(template.xlsx, data, options),
    );
  } catch (error) {
    return fail(`The document could not be made: ${error instanceof Error ? error.message : 'unknown error'}.`);
  }
}
