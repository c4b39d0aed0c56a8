// Action items logged from sessions, each with a status history made of the same moves the app
// allows (shared/action-status.ts): most get done and verified, some are dropped, some were
// blocked and unblocked, and the newest are still open because their story has not happened yet.
import { applyStatusMove } from '../action-status';
import type { Action, ActionStatus, Session } from '../model';
import { addDays, nextWeekday, DAY_MS } from './calendar';
import type { Engagement } from './participants';
import type { Random } from './random';
import { actionTexts, blockedReasons, dropReasons, experimentTexts, unblockReasons } from './record-text';
import { spread } from './spread';
import { fill, type Voice } from './text';

type Step = { status: ActionStatus; days: [number, number]; reasons?: readonly string[] };

const done: Step = { status: 'done', days: [1, 21] };
const verified: Step = { status: 'verified', days: [1, 14] };
const blocked: Step = { status: 'blocked', days: [1, 10], reasons: blockedReasons };
const unblocked: Step = { status: 'open', days: [1, 25], reasons: unblockReasons };
const dropped: Step = { status: 'dropped', days: [3, 40], reasons: dropReasons };
const reopened: Step = { status: 'open', days: [2, 20], reasons: ['Reopened: the change did not hold'] };

const stories = {
  verified: [done, verified],
  done: [done],
  dropped: [dropped],
  stillOpen: [],
  stillBlocked: [blocked],
  unblockedThenVerified: [blocked, unblocked, done, verified],
  unblockedThenDone: [blocked, unblocked, done],
  unblockedThenDropped: [blocked, unblocked, dropped],
  reopened: [done, reopened, done, verified],
} satisfies Record<string, Step[]>;

const storyWeights: Record<keyof typeof stories, number> = {
  verified: 42,
  done: 13,
  dropped: 8,
  stillOpen: 12,
  stillBlocked: 5,
  unblockedThenVerified: 7,
  unblockedThenDone: 5,
  unblockedThenDropped: 3,
  reopened: 5,
};

/** Past this age an action is rarely left open: reviews and engagement ends tidy the log. */
const TIDIED_AFTER_MS = 120 * DAY_MS;
const oldStoryWeights = { ...storyWeights, stillOpen: 1, stillBlocked: 0.5 };

function tellStory(random: Random, action: Action, voice: Voice, now: number): Action {
  let current = action;
  let at = action.createdAt;
  const weights = now - action.createdAt > TIDIED_AFTER_MS ? oldStoryWeights : storyWeights;
  for (const step of stories[random.weighted(weights)]) {
    at += random.int(step.days[0], step.days[1]) * DAY_MS + random.int(0, 8 * 60) * 60_000;
    if (at > now) break;
    const reason = step.reasons && (step.status === 'blocked' || random.chance(0.6));
    current = applyStatusMove(current, {
      status: step.status,
      at,
      reason: reason ? fill(random, random.pick(step.reasons!), voice) : undefined,
      source: step.status === 'done' && random.chance(0.2) ? 'upstream' : 'coach',
    });
  }
  return current;
}

function newAction(random: Random, session: Session, voice: Voice, now: number): Action {
  const outsideSession = random.chance(0.05);
  const loggedAt = outsideSession
    ? Math.min(now - 60_000, session.updatedAt + random.int(1, 5) * DAY_MS)
    : Math.min(now, session.updatedAt + random.int(1, 30) * 60_000);
  const isExperiment = random.chance(0.1);
  const [text, verification] = random.pick(isExperiment ? experimentTexts : actionTexts);
  return {
    id: random.uuid(),
    createdAt: loggedAt,
    updatedAt: loggedAt,
    participantId: session.participantId,
    sessionId: outsideSession ? null : session.id,
    text: fill(random, text, voice),
    owner: random.chance(0.65) ? voice.name : random.pick(voice.teammates),
    dueDate: random.chance(0.08)
      ? null
      : nextWeekday(addDays(session.date, random.pick([3, 5, 7, 7, 10, 14, 14, 21, 28]))),
    verification: random.chance(0.8) ? fill(random, verification, voice) : '',
    status: 'open',
    blockedReason: '',
    isExperiment,
    history: [{ status: 'open', at: loggedAt, source: 'coach' }],
  };
}

/** `total` actions over the completed sessions, two to six per session on average. */
export function generateActions(
  random: Random,
  sessions: Session[],
  engagements: Engagement[],
  total: number,
  now: number,
): Action[] {
  const voices = new Map(engagements.map((engagement) => [engagement.participant.id, engagement.voice]));
  const completed = sessions.filter((session) => session.status === 'complete');
  const counts = spread(
    total,
    completed.map(() => random.int(2, 6)),
  );
  return completed.flatMap((session, index) => {
    const voice = voices.get(session.participantId)!;
    return Array.from({ length: counts[index] }, () =>
      tellStory(random, newAction(random, session, voice, now), voice, now),
    );
  });
}
