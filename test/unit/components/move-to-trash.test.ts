// Delete on a screen goes through moveToTrash. When the repository refuses (here a real database
// that was closed under it), the coach reads why in a toast and the call resolves: no unhandled
// rejection, no Undo offered for a move that did not happen.
import { beforeEach, describe, expect, it } from 'vitest';
import { databasePerTest } from '../db/test-database';
import { moveToTrash } from '../../../renderer/components/move-to-trash';
import { useToasts } from '../../../renderer/components/toasts';
import { until } from '../../support/until';

const openDatabase = databasePerTest();
beforeEach(() => useToasts.setState({ toasts: [] }));

async function oneAction() {
  const opened = openDatabase();
  const participant = await opened.repos.participants.create({ name: 'Amara' });
  const action = await opened.repos.actions.add({ participantId: participant.id, text: 'Publish the RACI' });
  return { ...opened, action };
}

const messages = () => useToasts.getState().toasts.map((toast) => toast.message);

describe('moving an action to the trash from a screen', () => {
  it('says in a toast that the action was not moved when the repository rejects', async () => {
    const { db, repos, action } = await oneAction();
    db.close();
    let removed = false;

    await expect(
      moveToTrash({
        what: 'action',
        remove: () => repos.trash.deleteAction(action.id),
        restore: () => repos.trash.restoreAction(action.id),
        onRemoved: () => (removed = true),
      }),
    ).resolves.toBeUndefined();

    expect(messages()).toEqual([expect.stringMatching(/^The action was not moved to the trash: ./)]);
    expect(useToasts.getState().toasts[0].actionLabel).toBeUndefined();
    expect(removed).toBe(false);
  });

  it('says in a toast that the action was not restored when Undo is refused', async () => {
    const { db, repos, action } = await oneAction();
    await moveToTrash({
      what: 'action',
      remove: () => repos.trash.deleteAction(action.id),
      restore: () => repos.trash.restoreAction(action.id),
    });
    const [moved] = useToasts.getState().toasts;
    expect(moved.message).toBe('Action moved to the trash');
    db.close();

    moved.onAction?.();

    await until(() => messages().some((message) => message.startsWith('The action was not restored: ')), 'the toast');
  });
});
