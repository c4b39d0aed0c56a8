// "Follow-up for the leader": the message put on the clipboard as formatted and plain text, so
// it pastes into a mail, Teams or Slack as it should.
import type { Action, Participant, Session } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { followUpInput, followUpMessage } from '../../documents/follow-up-message';
import { loadSessionBundle } from '../documents/load-follow-up';
import { showToast } from '../../components/toasts';

export async function copyFollowUp(session: Session, participant: Participant, actions: Action[]): Promise<void> {
  try {
    const message = followUpMessage(
      followUpInput(await loadSessionBundle(repositories, { session, participant, actions })),
    );
    if (!message) {
      showToast({ message: `${participant.name}’s consent shares no actions, so there is no follow-up to send.` });
      return;
    }
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([message.plain], { type: 'text/plain' }),
        'text/html': new Blob([message.html], { type: 'text/html' }),
      }),
    ]);
    showToast({ message: 'The follow-up is on the clipboard: paste it into a mail, Teams or Slack.' });
  } catch (error) {
    showToast({ message: `The follow-up could not be copied: ${errorMessage(error)}` });
  }
}
