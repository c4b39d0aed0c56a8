// The actions of the generated dataset as the drafts a coach would add: the input of the bulk
// write cases: the large dataset's first 10,000, or the small one's (under 200) in a smoke run.
import type { ActionDraft } from '../renderer/db/actions';
import { generateDataset } from '../shared/demo-dataset';
import type { Action } from '../shared/model';
import type { BenchMode } from './types';

export function draftOf(action: Action): ActionDraft {
  const { participantId, sessionId, text, owner, dueDate, verification, isExperiment } = action;
  return { participantId, sessionId, text, owner, dueDate, verification, isExperiment };
}

/** The dataset's first actions, for this mode. */
export function benchActions(mode: BenchMode): Action[] {
  const count = mode.smoke ? 200 : 10_000;
  return generateDataset({ size: mode.smoke ? 'small' : 'large' }).actions.slice(0, count);
}
