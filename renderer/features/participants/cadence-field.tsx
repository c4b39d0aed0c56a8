// A participant's session cadence. Changing it while sessions are planned asks before moving
// them: "Move them" re-dates them at the new cadence from the last session held; "Keep the
// dates" leaves them as booked.
import { useState } from 'react';
import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { sessionCadences, type CalendarDate, type Participant, type SessionCadence } from '../../../shared/model';
import { cadenceLabels } from '../../../shared/cadence';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { SelectField } from '../../components/fields';
import { showToast } from '../../components/toasts';

export function CadenceField({ participant }: { participant: Pick<Participant, 'id' | 'cadence'> }) {
  const today = format(new Date(), 'yyyy-MM-dd') as CalendarDate;
  const planned = useLiveQuery(() => repositories.sessions.plannedOf(participant.id, today), [participant.id, today]);
  const [asking, setAsking] = useState<SessionCadence | null>(null);
  const count = planned?.length ?? 0;

  const save = async (cadence: SessionCadence) => {
    await repositories.participants.update(participant.id, { cadence });
    setAsking(cadence !== 'none' && count > 0 ? cadence : null);
  };
  const move = (cadence: SessionCadence) =>
    repositories.sessions.replanAtCadence(participant.id, cadence, today).then(
      () => setAsking(null),
      (error: unknown) => showToast({ message: `The planned sessions were not moved: ${errorMessage(error)}` }),
    );

  return (
    <div className="stack">
      <SelectField
        label="Session cadence"
        value={participant.cadence}
        options={sessionCadences.map((cadence) => ({ value: cadence, label: cadenceLabels[cadence] }))}
        save={save}
      />
      {asking && count > 0 && (
        <div className="notice" role="group" aria-label="Planned sessions and the new cadence">
          <p>
            {count === 1 ? 'One planned session follows' : `${count} planned sessions follow`} the old rhythm. Move{' '}
            {count === 1 ? 'it' : 'them'} to {cadenceLabels[asking]}?
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void move(asking)}>
              Move {count === 1 ? 'it' : 'them'}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              Keep the dates
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
