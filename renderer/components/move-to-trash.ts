// Moving a record to the trash from a screen: a toast with Undo when it worked, and plain words
// when the move or the undo failed, so neither is lost without the coach knowing.
import { errorMessage } from '../../shared/result';
import { showToast } from './toasts';

type TrashMove = {
  /** What the record is, in lower case: "action", "session". */
  what: string;
  remove: () => Promise<unknown>;
  restore: () => Promise<unknown>;
  onRemoved?: () => void;
  onRestored?: () => void;
};

export async function moveToTrash({ what, remove, restore, onRemoved, onRestored }: TrashMove): Promise<void> {
  try {
    await remove();
  } catch (cause) {
    showToast({ message: `The ${what} was not moved to the trash: ${errorMessage(cause)}` });
    return;
  }
  onRemoved?.();
  showToast({
    message: `${what[0].toUpperCase()}${what.slice(1)} moved to the trash`,
    actionLabel: 'Undo',
    onAction: () =>
      void restore().then(onRestored, (cause: unknown) =>
        showToast({ message: `The ${what} was not restored: ${errorMessage(cause)}` }),
      ),
  });
}
