// What the exports need from the running app: the platform, the stored templates, the coach's
// locale and name (the "coach.name" setting), and today's date.
import { format } from 'date-fns';
import { repositories } from '../../db/instance';
import { platform } from '../../platform';
import type { ExportDeps } from './export-document';

export const COACH_NAME_SETTING = 'coach.name';

export async function appExportDeps(): Promise<ExportDeps> {
  const coachName = await repositories.settings.text(COACH_NAME_SETTING);
  return {
    platform,
    templates: repositories.templates,
    locale: navigator.language || 'en-GB',
    coachName,
    today: () => format(new Date(), 'yyyy-MM-dd'),
  };
}

/** After a desktop save, opens the folder with the file selected; the web has no folders. */
export async function showSavedDocument(path: string | null): Promise<boolean> {
  if (!path) return false;
  const shown = await platform.showInFolder({ path });
  return shown.ok && shown.value;
}
