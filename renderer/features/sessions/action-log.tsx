import { memo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Action } from '../../../shared/model';
import { parseNaturalDate } from '../../../shared/natural-date';
import { errorMessage } from '../../../shared/result';
import { FieldGroup } from '../../components/field-group';
import { useCommand } from '../../components/use-command';
import { repositories } from '../../db/instance';
import { ActionRow } from '../actions/action-row';

type Draft = { text: string; owner: string; due: string; verification: string };
const emptyDraft: Draft = { text: '', owner: '', due: '', verification: '' };

/**
 * The session's action log, as in the GROW checklist: one-line action, owner, due date and how
 * completion will be verified. The last row adds an action on Enter; Alt+A jumps to it.
 */
export const ActionLog = memo(function ActionLog({
  sessionId,
  participantId,
  participantName,
  actions,
  addInputRef,
}: {
  sessionId: string;
  participantId: string;
  participantName: string | undefined;
  actions: Action[];
  addInputRef: RefObject<HTMLInputElement | null>;
}) {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const due = parseNaturalDate(draft.due);

  const add = async () => {
    if (!draft.text.trim()) {
      setError('Write the action in one line first');
      return;
    }
    if (!due.ok) {
      setError(due.error);
      return;
    }
    // The row is cleared at once so the next action can be typed while this one is written.
    const submitted = draft;
    setDraft(emptyDraft);
    setError(null);
    addInputRef.current?.focus();
    try {
      await repositories.actions.add({
        participantId,
        sessionId,
        text: submitted.text,
        owner: submitted.owner.trim() || participantName || '',
        dueDate: due.date,
        verification: submitted.verification,
      });
    } catch (cause) {
      setDraft(submitted);
      setError(errorMessage(cause));
    }
  };

  const addCommand = useCommand(add);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void addCommand.run();
    }
  };
  const draftInput = (key: keyof Draft, label: string, placeholder: string) => (
    <input
      dir="auto"
      autoComplete="off"
      aria-label={label}
      placeholder={placeholder}
      value={draft[key]}
      ref={key === 'text' ? addInputRef : undefined}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      onKeyDown={onKeyDown}
    />
  );

  return (
    <section className="card action-log" aria-label="Action log">
      <div className="section-title">
        <h2>Action log</h2>
        <span className="muted">
          {actions.length} {actions.length === 1 ? 'action' : 'actions'} · <kbd>Alt A</kbd> adds one
        </span>
      </div>
      <FieldGroup>
        <table className="grid-table">
          <thead>
            <tr>
              <th className="col-action">Action</th>
              <th className="col-owner">Owner</th>
              <th className="col-due">Due</th>
              <th className="col-verification">Verified by</th>
              <th className="col-status">Status</th>
              <th className="col-flag" title="A PDCA experiment the team will run">
                Exp.
              </th>
              <th className="col-delete">
                <span className="visually-hidden">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <ActionRow key={action.id} action={action} />
            ))}
            <tr className="add-row">
              <td>{draftInput('text', 'New action', 'Add an action and press Enter')}</td>
              <td>{draftInput('owner', 'New action owner', participantName ?? 'Owner')}</td>
              <td>
                {draftInput('due', 'New action due date', 'fri, next week')}
                {draft.due && (
                  <span className={due.ok ? 'field-hint' : 'field-error'}>
                    {due.ok ? (due.date ?? 'No date') : 'Not a date'}
                  </span>
                )}
              </td>
              <td>{draftInput('verification', 'New action verification', 'How will we know?')}</td>
              <td colSpan={3}>
                <button type="button" {...addCommand.buttonProps}>
                  Add
                </button>
              </td>
            </tr>
          </tbody>
        </table>
      </FieldGroup>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
});
