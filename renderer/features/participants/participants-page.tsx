import { useState } from 'react';
import { AddParticipantButton } from '../../components/add-participant-button';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  actionStatuses,
  coachingTiers,
  defaultConsent,
  participantStatuses,
  type CalendarDate,
  type Consent,
  type Participant,
} from '../../../shared/model';
import { followUpBySession, followUpRate } from '../../../shared/metrics/follow-up-rate';
import { toMetricAction } from '../../../shared/metrics/metric-records';
import { zonedClock } from '../../../shared/metrics/zoned-clock';
import { sessionStartsAt } from '../../../shared/twenty-four-hour-rule';
import { format, parseISO } from 'date-fns';
import { repositories } from '../../db/instance';
import { DateField } from '../../components/date-field';
import { ContractLinks } from '../contracts/review-badge';
import { BatchExport } from '../documents/batch-export';
import { ConsentChoice, ParticipantPrivacy } from '../privacy/participant-privacy';
import { useCommand } from '../../components/use-command';
import { StartSessionButton } from '../sessions/start-session-button';
import { PlanSessionForm, proposedDate } from '../sessions/plan-session-form';
import { ExportCalendarButton } from '../sessions/export-calendar';
import { CadenceField } from './cadence-field';
import { formatDay, sessionFacts } from '../labels';
import { AutosaveText, SelectField } from '../../components/fields';
import { EmptyState } from '../../components/empty-state';
import { FormInput } from '../../components/form-input';
import { navigate } from '../../navigation';
import { errorMessage } from '../../../shared/result';

const tierLabels: Record<Participant['tier'], string> = {
  'high-touch': 'High-touch 1:1',
  'peer-circle': 'Peer circle',
  scaled: 'Scaled',
};

const statusLabels: Record<Participant['status'], string> = {
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
};

function NewParticipantForm() {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  // Asked here, with the least sharing chosen until the coach has asked the leader.
  const [consent, setConsent] = useState<Consent>(defaultConsent);
  const [error, setError] = useState<string | null>(null);
  const create = useCommand(async () => {
    try {
      const participant = await repositories.participants.create({ name, role, consent });
      navigate('participants', participant.id);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  });
  return (
    <form className="card form-card" aria-label="New participant" onSubmit={create.onSubmit}>
      <h2>New participant</h2>
      <FormInput label="Name" autoFocus value={name} onValue={setName} />
      <FormInput label="Role" value={role} onValue={setRole} />
      <ConsentChoice
        field="shareActions"
        consent={consent}
        onChange={(patch) => setConsent((current) => ({ ...current, ...patch }))}
      />
      {error && <p className="field-error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" {...create.submitProps}>
          Add participant
        </button>
        <button type="button" onClick={() => navigate('participants')}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Of the actions open when each held session began, the share that session went over. */
async function participantFollowUp(participantId: string) {
  const [sessions, actions, reviews] = await Promise.all([
    repositories.sessions.ofParticipant(participantId, 'oldest first'),
    repositories.actions.list({ statuses: actionStatuses, participantId }),
    repositories.actionReviews.ofParticipant(participantId),
  ]);
  const clock = zonedClock(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const held = sessions
    .filter((session) => session.status !== 'planned')
    .map((session) => ({ ...session, startsAt: sessionStartsAt(session, clock) }))
    .filter((session) => session.startsAt <= Date.now());
  return followUpRate(followUpBySession(held, actions.map(toMetricAction), reviews).values());
}

function ParticipantHistory({ participant }: { participant: Participant }) {
  const sessions = useLiveQuery(
    () => repositories.sessions.ofParticipant(participant.id, 'newest first'),
    [participant.id],
  );
  const openActions = useLiveQuery(() => repositories.actions.unfinishedOf(participant.id), [participant.id]);
  const contracts = useLiveQuery(() => repositories.contracts.ofParticipant(participant.id), [participant.id]);
  const today = format(new Date(), 'yyyy-MM-dd') as CalendarDate;
  const followUp = useLiveQuery(() => participantFollowUp(participant.id), [participant.id]);
  return (
    <div className="detail-columns">
      <section className="card" aria-label="Sessions">
        <div className="section-title">
          <h2>Sessions</h2>
          <StartSessionButton participantId={participant.id}>
            New session <kbd>Alt N</kbd>
          </StartSessionButton>
        </div>
        <PlanSessionForm participant={participant} date={proposedDate(participant, today)} />
        {sessions && sessions.length > 0 && <BatchExport participantId={participant.id} title={participant.name} />}
        <ExportCalendarButton participantId={participant.id} name={participant.name} />
        {sessions?.length === 0 ? (
          <p className="muted">No sessions yet.</p>
        ) : (
          <ul className="plain-list">
            {sessions?.slice(0, 20).map((session) => (
              <li key={session.id}>
                <a href={`#/sessions/${session.id}`}>{format(parseISO(session.date), 'EEE d MMM yyyy')}</a>
                <span className="muted">
                  {session.status === 'planned' ? `Planned · ${session.startTime}` : sessionFacts(session)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label="Open actions">
        <div className="section-title">
          <h2>Open actions</h2>
          <span className="muted">{openActions?.length ?? 0}</span>
        </div>
        {followUp?.rate != null && (
          <p className="muted">
            Follow-up rate: {Math.round(followUp.rate * 100)} % ({followUp.reviewed} of {followUp.due} open actions gone
            over in the next session)
          </p>
        )}
        {openActions?.length === 0 ? (
          <p className="muted">Nothing open.</p>
        ) : (
          <ul className="plain-list">
            {openActions?.slice(0, 20).map((action) => (
              <li key={action.id}>
                <span dir="auto">{action.text}</span>
                <span className={action.dueDate && action.dueDate < today ? 'badge danger' : 'badge'}>
                  {action.status === 'blocked' ? 'Blocked' : action.dueDate ? formatDay(action.dueDate) : 'No due date'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label="Contracts">
        <div className="section-title">
          <h2>Contracts</h2>
        </div>
        {contracts?.length === 0 ? (
          <p className="muted">No accountability contract yet.</p>
        ) : (
          <ContractLinks contracts={contracts ?? []} today={today} />
        )}
      </section>
    </div>
  );
}

function ParticipantDetail({ participant }: { participant: Participant }) {
  const save = (patch: Partial<Participant>) => repositories.participants.update(participant.id, patch);
  return (
    <div className="stack-lg">
      <article className="card detail" aria-label={participant.name}>
        <div className="section-title">
          <h2 dir="auto">{participant.name}</h2>
          <span className="badge">{statusLabels[participant.status]}</span>
        </div>
        <div className="grid-2">
          <AutosaveText label="Name" stored={participant.name} save={(name) => save({ name })} />
          <AutosaveText label="Role" stored={participant.role} save={(role) => save({ role })} />
          <AutosaveText label="Team" stored={participant.team} save={(team) => save({ team })} />
          <AutosaveText
            label="Organisation"
            stored={participant.organisation}
            save={(organisation) => save({ organisation })}
          />
          <AutosaveText label="Sponsor" stored={participant.sponsor} save={(sponsor) => save({ sponsor })} />
          <AutosaveText label="Cohort" stored={participant.cohort} save={(cohort) => save({ cohort })} />
          <SelectField
            label="Coaching tier"
            value={participant.tier}
            options={coachingTiers.map((tier) => ({ value: tier, label: tierLabels[tier] }))}
            save={(tier) => save({ tier })}
          />
          <SelectField
            label="Status"
            value={participant.status}
            options={participantStatuses.map((status) => ({ value: status, label: statusLabels[status] }))}
            save={(status) => save({ status })}
          />
          <CadenceField participant={participant} />
          <DateField label="Coaching start" stored={participant.startDate} save={(startDate) => save({ startDate })} />
        </div>
        <div className="grid-2">
          <AutosaveText
            label="Primary behaviour target"
            hint="One primary target per leader, as the program guide recommends"
            stored={participant.primaryTarget}
            save={(primaryTarget) => save({ primaryTarget })}
          />
          <AutosaveText
            label="Secondary behaviour target"
            stored={participant.secondaryTarget}
            save={(secondaryTarget) => save({ secondaryTarget })}
          />
        </div>
        <AutosaveText label="Notes" multiline stored={participant.notes} save={(notes) => save({ notes })} />
      </article>
      <ParticipantHistory participant={participant} />
      <ParticipantPrivacy participant={participant} />
    </div>
  );
}

export function ParticipantsPage({ selectedId }: { selectedId: string | null }) {
  const [filter, setFilter] = useState('');
  const participants = useLiveQuery(() => repositories.participants.listActive(), []);
  const selected = participants?.find((participant) => participant.id === selectedId);
  const shown = participants?.filter((participant) =>
    `${participant.name} ${participant.role} ${participant.team}`.toLowerCase().includes(filter.toLowerCase()),
  );

  return (
    <>
      <header className="page-header">
        <h1>Participants</h1>
        <AddParticipantButton label="New participant" />
      </header>
      {participants?.length === 0 && selectedId !== 'new' ? (
        <EmptyState title="No participants yet" action={<AddParticipantButton />}>
          Add each leader you coach with their team, sponsor and behaviour targets.
        </EmptyState>
      ) : (
        <div className="master-detail">
          <section className="list-pane" aria-label="Participant list">
            <input
              dir="auto"
              autoComplete="off"
              type="search"
              aria-label="Filter participants"
              placeholder="Filter by name, role or team"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
            <ul className="item-list">
              {shown?.map((participant) => (
                <li key={participant.id}>
                  <a
                    href={`#/participants/${participant.id}`}
                    aria-current={participant.id === selectedId ? 'true' : undefined}
                  >
                    <strong dir="auto">{participant.name}</strong>
                    <span className="muted">{participant.role || 'No role yet'}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <section className="detail-pane">
            {selectedId === 'new' ? (
              <NewParticipantForm />
            ) : selected ? (
              <ParticipantDetail key={selected.id} participant={selected} />
            ) : (
              <p className="muted pad">Choose a participant to see their sessions, actions and targets.</p>
            )}
          </section>
        </div>
      )}
    </>
  );
}
