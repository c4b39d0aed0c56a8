// Who the coach is, as the documents they hand out name them: kept in the settings table.
import { repositories } from '../../db/instance';

export const COACH_NAME_SETTING = 'coach.name';
export const COACH_ORGANISATION_SETTING = 'coach.organisation';
/** Set once the coach has answered or skipped the first-run step, so it is asked only once. */
const COACH_INTRODUCED_SETTING = 'coach.introduced';

type CoachProfile = { name: string; organisation: string };

export async function readCoachProfile(): Promise<CoachProfile> {
  const [name, organisation] = await Promise.all([
    repositories.settings.text(COACH_NAME_SETTING),
    repositories.settings.text(COACH_ORGANISATION_SETTING),
  ]);
  return { name, organisation };
}

export async function hasBeenIntroduced(): Promise<boolean> {
  return (await repositories.settings.text(COACH_INTRODUCED_SETTING)) !== '';
}

/** Saves what the first-run step was given (nothing when skipped) and closes the step for good. */
export async function finishIntroduction(profile: CoachProfile | null): Promise<void> {
  if (profile) {
    await repositories.settings.setText(COACH_NAME_SETTING, profile.name);
    await repositories.settings.setText(COACH_ORGANISATION_SETTING, profile.organisation);
  }
  await repositories.settings.setText(COACH_INTRODUCED_SETTING, new Date().toISOString());
}
