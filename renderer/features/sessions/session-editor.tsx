import { useCallback, useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { isInTrash, sessionTypes, type Action } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { AutosaveText, SelectField } from '../../components/fields';
import { DateField } from '../../components/date-field';
import { FieldGroup } from '../../components/field-group';
import { SaveIndicator } from '../../components/save-indicator';
import { ConfirmButton } from '../../components/confirm-button';
import { moveToTrash } from '../../components/move-to-trash';
import { MenuButton } from '../../components/menu-button';
import { runExport } from '../documents/run-export';
import { loadSessionBundle } from '../documents/load-follow-up';
import { showToast } from '../../components/toasts';
import { navigate } from '../../navigation';
import { formatMinutes, sessionTypeLabels } from '../labels';
import { cadenceLabels } from '../../../shared/cadence';
import { ActionLog } from './action-log';
import { PulseField } from './pulse-field';
import { SessionTimer } from './session-timer';
import { WillField } from './will-field';
import { NotesField } from './notes-field';
import { SinceLastTime } from './since-last-time';
import { copyFollowUp } from './copy-follow-up';
import { PlanSessionForm, proposedDate } from './plan-session-form';
import { useSessionSavers } from './session-savers';

const noActions: Action[] = [];

/** Goal, Reality and Options: Will has a field of its own, which turns lines into actions. */
const growQuestions = [
  { field: 'goal', label: 'Goal', prompt: 'What do you want to walk out of this conversation with?' },
  { field: 'reality', label: 'Reality', prompt: 'What is happening now? What have you tried?' },
  { field: 'options', label: 'Options', prompt: 'What could you do? What else?' },
] as const;

export function SessionEditor({ sessionId }: { sessionId: string }) {
  const session = useLiveQuery(() => repositories.sessions.get(sessionId), [sessionId]);
  const participant = useLiveQuery(
    () => (session ? repositories.participants.get(session.participantId) : undefined),
    [session?.participantId],
  );
  const actions = useLiveQuery(() => repositories.actions.ofSession(sessionId), [sessionId]);
  const nextPlanned = useLiveQuery(
    () => (session ? repositories.sessions.plannedOf(session.participantId, session.date) : undefined),
    [session?.participantId, session?.date],
  );
  const addActionInput = useRef<HTMLInputElement>(null);
  const savers = useSessionSavers(sessionId);
  const participantId = session?.participantId;
  const participantName = participant?.name;
  const logLineAsAction = useCallback(
    async (text: string) => {
      if (!participantId) return false;
      try {
        await repositories.actions.add({ participantId, sessionId, text, owner: participantName ?? '' });
        return true;
      } catch (cause) {
        showToast({ message: `Could not log the action: ${errorMessage(cause)}` });
        return false;
      }
    },
    [participantId, participantName, sessionId],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        addActionInput.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (session === undefined) return <p className="muted pad">Loading session…</p>;
  if (session === null || isInTrash(session)) {
    return (
      <p className="muted pad">
        This session is not here any more. It may be in the trash (Settings → Trash).{' '}
        <button type="button" className="link" onClick={() => navigate('sessions')}>
          Back to sessions
        </button>
      </p>
    );
  }

  const blank = !session.goal && !session.reality && !session.options && !session.will;
  const complete = session.status === 'complete';

  return (
    <div className="session-editor">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            {sessionTypeLabels[session.type]} session · {session.status}
          </p>
          <h1>
            {participant ? (
              <a href={`#/participants/${participant.id}`} className="heading-link" dir="auto">
                {participant.name}
              </a>
            ) : (
              'Session'
            )}
          </h1>
        </div>
        <div className="row">
          <SaveIndicator />
          <SessionTimer sessionId={session.id} timerStartedAt={session.timerStartedAt} />
          {participant && (
            <MenuButton
              label="Export"
              items={[
                {
                  label: 'GROW checklist (.docx)',
                  run: () =>
                    void runExport('The GROW checklist', async (deps, documents) =>
                      documents.exportGrowChecklist(
                        await loadSessionBundle(repositories, { session, participant, actions: actions ?? [] }),
                        deps,
                      ),
                    ),
                },
                {
                  label: 'Session summary for the leader (.docx)',
                  run: () =>
                    void runExport('The session summary', async (deps, documents) =>
                      documents.exportSessionSummary(
                        await loadSessionBundle(repositories, { session, participant, actions: actions ?? [] }),
                        deps,
                      ),
                    ),
                },
                ...(participant.consent.shareActions === 'none'
                  ? []
                  : [
                      {
                        label: 'Follow-up mail draft (.eml)',
                        run: () =>
                          void runExport(
                            'The follow-up mail draft',
                            async (deps, documents) =>
                              documents.exportFollowUpDraft(
                                await loadSessionBundle(repositories, { session, participant, actions: actions ?? [] }),
                                deps,
                              ),
                            'Add the leader’s address and send it from your mail app.',
                          ),
                      },
                      {
                        label: 'Follow-up for the leader (copy)',
                        run: () => void copyFollowUp(session, participant, actions ?? []),
                      },
                    ]),
              ]}
            />
          )}
          <button
            type="button"
            className={complete ? '' : 'primary'}
            onClick={() =>
              void (complete ? repositories.sessions.reopen(session.id) : repositories.sessions.complete(session.id))
            }
          >
            {complete ? 'Reopen' : 'Mark complete'}
          </button>
          <ConfirmButton
            confirmLabel="Delete session?"
            onConfirm={() =>
              void moveToTrash({
                what: 'session',
                remove: () => repositories.trash.deleteSession(session.id),
                restore: () => repositories.trash.restoreSession(session.id),
                onRemoved: () => navigate('sessions'),
                onRestored: () => navigate('sessions', session.id),
              })
            }
          >
            Delete
          </ConfirmButton>
        </div>
      </header>

      {complete && participant && participant.cadence !== 'none' && nextPlanned?.length === 0 && (
        <section className="notice" aria-label="Next session">
          <p>
            <strong>Next session, {cadenceLabels[participant.cadence]}:</strong> plan it now so Today shows it.
          </p>
          <PlanSessionForm
            participant={participant}
            date={proposedDate(participant, session.date)}
            startTime={session.startTime}
            type={session.type}
            label="Plan the next session"
          />
        </section>
      )}
      {complete && actions?.length === 0 && (
        <p className="notice warn" role="status">
          No action logged yet. The program asks every session to produce at least one action within 24 hours.
        </p>
      )}

      <div className="session-layout">
        <div className="session-main">
          <SinceLastTime participantId={session.participantId} sessionId={session.id} sessionDate={session.date} />
          <section className="card grow" aria-label="GROW">
            <FieldGroup>
              {growQuestions.map(({ field, label, prompt }) => (
                <AutosaveText
                  key={field}
                  label={label}
                  autoFocus={field === 'goal' && blank}
                  multiline
                  rows={5}
                  placeholder={prompt}
                  stored={session[field]}
                  save={savers[field]}
                />
              ))}
              <WillField stored={session.will} save={savers.will} onLineToAction={logLineAsAction} />
            </FieldGroup>
          </section>
        </div>

        <aside className="session-side">
          <section className="card stack" aria-label="Session details">
            <h2>Details</h2>
            <FieldGroup>
              <DateField label="Date" stored={session.date} save={savers.date} />
              <AutosaveText label="Start time" stored={session.startTime} save={savers.startTime} />
              <AutosaveText
                label="Duration (minutes)"
                stored={String(session.durationMinutes)}
                hint={session.durationMinutes ? formatMinutes(session.durationMinutes) : 'The timer adds to this'}
                save={savers.duration}
              />
              <SelectField
                label="Type"
                value={session.type}
                options={sessionTypes.map((type) => ({ value: type, label: sessionTypeLabels[type] }))}
                save={savers.type}
              />
            </FieldGroup>
          </section>
          <section className="card">
            <FieldGroup>
              <PulseField
                preparation={session.pulse.preparation}
                clarity={session.pulse.clarity}
                documentedAction={session.pulse.documentedAction}
                save={savers.pulse}
              />
            </FieldGroup>
          </section>
          {participant && (participant.primaryTarget || participant.secondaryTarget) && (
            <section className="card stack" aria-label="Behaviour targets">
              <h2>Behaviour targets</h2>
              {participant.primaryTarget && (
                <p>
                  <span className="badge accent">Primary</span> {participant.primaryTarget}
                </p>
              )}
              {participant.secondaryTarget && (
                <p>
                  <span className="badge">Secondary</span> {participant.secondaryTarget}
                </p>
              )}
            </section>
          )}
        </aside>
        <div className="session-wide">
          <ActionLog
            sessionId={session.id}
            participantId={session.participantId}
            participantName={participant?.name}
            actions={actions ?? noActions}
            addInputRef={addActionInput}
          />

          <section className="card" aria-label="Notes" data-notes-chars={session.notes.length}>
            <FieldGroup>
              <NotesField stored={session.notes} save={savers.notes} />
            </FieldGroup>
          </section>
        </div>
      </div>
    </div>
  );
}
