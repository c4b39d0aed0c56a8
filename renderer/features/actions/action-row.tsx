import { memo } from 'react';
import type { Action } from '../../../shared/model';
import { repositories } from '../../db/instance';
import { AutosaveText } from '../../components/fields';
import { DateField } from '../../components/date-field';
import { moveToTrash } from '../../components/move-to-trash';
import { StatusSelect } from './status-select';

/** Memoised: the session editor re-renders on every autosave, its unchanged rows need not. */
export const ActionRow = memo(function ActionRow({ action }: { action: Action }) {
  const update = (patch: Parameters<typeof repositories.actions.update>[1]) =>
    repositories.actions.update(action.id, patch);
  return (
    <tr>
      <td>
        <AutosaveText label="Action" compact wrap stored={action.text} save={(text) => update({ text })} />
      </td>
      <td>
        <AutosaveText label="Owner" compact wrap stored={action.owner} save={(owner) => update({ owner })} />
      </td>
      <td>
        <DateField label="Due" compact stored={action.dueDate} save={(dueDate) => update({ dueDate })} />
      </td>
      <td>
        <AutosaveText
          label="Verification"
          compact
          wrap
          stored={action.verification}
          save={(verification) => update({ verification })}
        />
      </td>
      <td>
        <StatusSelect action={action} />
      </td>
      <td className="center">
        <input
          type="checkbox"
          aria-label={`“${action.text}” is an experiment`}
          checked={action.isExperiment}
          onChange={(event) => void update({ isExperiment: event.target.checked })}
        />
      </td>
      <td>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete “${action.text}”`}
          title="Delete"
          onClick={() => void moveActionToTrash(action.id)}
        >
          ×
        </button>
      </td>
    </tr>
  );
});

const moveActionToTrash = (id: string) =>
  moveToTrash({
    what: 'action',
    remove: () => repositories.trash.deleteAction(id),
    restore: () => repositories.trash.restoreAction(id),
  });
