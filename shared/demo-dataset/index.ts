// A realistic, deterministic coaching dataset: the same seed and clock always give the same
// records, and every record parses with the schemas in shared/model.ts. Used by the benchmarks,
// by tests that need data, and by the in-app demo (?demo=medium). Pure: no DOM, no Node.
import type { Action, ActionReview, Contract, ContractReview, Participant, Session } from '../model';
import { generateActionReviews } from './action-reviews';
import { generateActions } from './actions';
import { addDays, dateOf } from './calendar';
import { generateContracts } from './contracts';
import { generateParticipants } from './participants';
import { createRandom } from './random';
import { generateSessions } from './sessions';

export const datasetSizes = {
  small: { participants: 4, sessions: 24, actions: 96, contracts: 3, years: 1 },
  medium: { participants: 12, sessions: 600, actions: 2_400, contracts: 12, years: 2 },
  /** Five years of a busy coach. */
  large: { participants: 40, sessions: 3_000, actions: 12_000, contracts: 60, years: 5 },
} as const;
export type DatasetSize = keyof typeof datasetSizes;

export type Dataset = {
  participants: Participant[];
  sessions: Session[];
  actions: Action[];
  actionReviews: ActionReview[];
  contracts: Contract[];
  contractReviews: ContractReview[];
};

type DatasetOptions = {
  size: DatasetSize;
  seed?: number;
  /** The moment the dataset ends: nothing happens after it, a few sessions are booked after it. */
  now?: number;
};

const DEFAULT_SEED = 20_261_102;
export const DEFAULT_NOW = Date.UTC(2026, 10, 2, 12, 0);

export function generateDataset({ size, seed = DEFAULT_SEED, now = DEFAULT_NOW }: DatasetOptions): Dataset {
  const spec = datasetSizes[size];
  const random = createRandom(seed);
  const today = dateOf(now);
  const engagements = generateParticipants(random, spec.participants, addDays(today, -365 * spec.years), today);
  const sessions = generateSessions(random, engagements, spec.sessions, now);
  const actions = generateActions(random, sessions, engagements, spec.actions, now);
  const { contracts, contractReviews } = generateContracts(random, engagements, actions, spec.contracts, now);
  return {
    participants: engagements.map((engagement) => engagement.participant),
    sessions,
    actions,
    actionReviews: generateActionReviews(random, sessions, actions, now),
    contracts,
    contractReviews,
  };
}
