// Booking a session ahead: a date (by default one cadence after `after`), a time and a type. The
// session is then planned until it is held; Today lists it under "Coming up" with its prep card.
import { useId, useRef, useState } from 'react';
import { addDays, format } from 'date-fns';
import { sessionTypes, type CalendarDate, type Participant, type Session } from '../../../shared/model';
import { nextSessionDate } from '../../../shared/cadence';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { useCommand } from '../../components/use-command';
import { showToast } from '../../components/toasts';
import { FormDateField, dateEntry } from '../../components/date-field';
import { focusFirstInvalid } from '../../components/form-input';
import { sessionTypeLabels } from '../labels';

const DEFAULT_START = '09:00';

/** One cadence after `after`, or a week after today when the participant has no cadence. */
export function proposedDate(participant: Pick<Participant, 'cadence'>, after: CalendarDate): CalendarDate {
  return nextSessionDate(after, participant.cadence) ?? (format(addDays(new Date(), 7), 'yyyy-MM-dd') as CalendarDate);
}

/** The date as typed: "tue", "next week" or 2026-12-08. */
type Planned = { dateText: string; startTime: string; type: Session['type'] };

export function PlanSessionForm({
  participant,
  date,
  startTime = DEFAULT_START,
  type = 'one-to-one',
  label = 'Plan a session',
  onPlanned,
}: {
  participant: Pick<Participant, 'id' | 'name'>;
  date: CalendarDate;
  startTime?: string;
  type?: Session['type'];
  label?: string;
  onPlanned?: (session: Session) => void;
}) {
  const id = useId();
  // Only what the coach changed: the rest follows the proposal, which moves with the cadence, and
  // a proposal that moves never overwrites what was typed.
  const [edits, setEdits] = useState<Partial<Planned>>({});
  const form = useRef<HTMLFormElement>(null);
  const value: Planned = { dateText: date, startTime, type, ...edits };
  const setValue = (change: Partial<Planned>) => setEdits((current) => ({ ...current, ...change }));
  const command = useCommand(async () => {
    const entry = dateEntry(value.dateText, true);
    if (!entry.ok || entry.date === null) return focusFirstInvalid(form.current);
    const planned = { date: entry.date as CalendarDate, startTime: value.startTime, type: value.type };
    try {
      const session = await repositories.sessions.plan({ participantId: participant.id, ...planned });
      showToast({
        message: `Planned: ${participant.name}, ${format(new Date(`${planned.date}T00:00`), 'EEE d MMM')} at ${planned.startTime}.`,
      });
      setEdits({});
      onPlanned?.(session);
    } catch (error) {
      showToast({ message: `Not planned: ${errorMessage(error)}` });
    }
  });
  return (
    <form ref={form} className="row plan-session" aria-label={label} onSubmit={command.onSubmit}>
      <FormDateField label="Date" required text={value.dateText} onText={(dateText) => setValue({ dateText })} />
      <div className="field compact">
        <label htmlFor={`${id}-time`}>Time</label>
        <input
          id={`${id}-time`}
          type="time"
          required
          value={value.startTime}
          onChange={(event) => setValue({ startTime: event.target.value })}
        />
      </div>
      <div className="field compact">
        <label htmlFor={`${id}-type`}>Type</label>
        <select
          id={`${id}-type`}
          value={value.type}
          onChange={(event) => setValue({ type: event.target.value as Session['type'] })}
        >
          {sessionTypes.map((type) => (
            <option key={type} value={type}>
              {sessionTypeLabels[type]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" {...command.submitProps}>
        {label}
      </button>
    </form>
  );
}
