// The repositories over one database: the only way the rest of the app writes data.
import { FollowthroughDatabase } from './database';
import { actionsRepository } from './actions';
import { actionReviewsRepository } from './action-reviews';
import { contractsRepository } from './contracts';
import { participantsRepository } from './participants';
import { sessionsRepository } from './sessions';
import { settingsRepository } from './settings';
import { templatesRepository } from './templates';
import { trashRepository } from './trash';
import { systemClock, type Clock } from './write';

export function createRepositories(db: FollowthroughDatabase, now: Clock = systemClock) {
  return {
    participants: participantsRepository(db, now),
    sessions: sessionsRepository(db, now),
    actions: actionsRepository(db, now),
    actionReviews: actionReviewsRepository(db, now),
    contracts: contractsRepository(db, now),
    trash: trashRepository(db, now),
    settings: settingsRepository(db),
    templates: templatesRepository(db, now),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type SettingsRepository = Repositories['settings'];
