// Settings → You: the coach's name and organisation, as the documents show them.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { repositories } from '../../db/instance';
import { AutosaveText } from '../../components/fields';
import { COACH_NAME_SETTING, COACH_ORGANISATION_SETTING, readCoachProfile } from './coach-profile';

export function CoachSection() {
  const profile = useLiveQuery(readCoachProfile, []);
  const saveName = useCallback((name: string) => repositories.settings.setText(COACH_NAME_SETTING, name), []);
  const saveOrganisation = useCallback(
    (organisation: string) => repositories.settings.setText(COACH_ORGANISATION_SETTING, organisation),
    [],
  );
  return (
    <section className="card stack" aria-label="Coach">
      <h2>You</h2>
      <AutosaveText label="Your name, as it appears on documents" stored={profile?.name ?? ''} save={saveName} />
      <AutosaveText label="Your organisation" stored={profile?.organisation ?? ''} save={saveOrganisation} />
    </section>
  );
}
