// What the exports need from the running app: the platform, the stored templates, the coach's
// locale, name and organisation (as set in Settings), and today's date.
import { format } from 'date-fns';
import { repositories } from '../../db/instance';
import { readCoachProfile } from '../coach/coach-profile';
import { platform } from '../../platform';
import type { ExportDeps } from './export-document';

export async function appExportDeps(): Promise<ExportDeps> {
  const coach = await readCoachProfile();
  return {
    platform,
    templates: repositories.templates,
    locale: navigator.language || 'en-GB',
    coachName: coach.name,
    coachOrganisation: coach.organisation,
    today: () => format(new Date(), 'yyyy-MM-dd'),
  };
}

/** After a desktop save, opens the folder with the file selected; the web has no folders. */
export async function showSavedDocument(path: string | null): Promise<boolean> {
  if (!path) return false;
  const shown = await platform.showInFolder({ path });
  return shown.ok && shown.value;
}
