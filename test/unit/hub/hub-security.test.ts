// The hub refuses what it must and stores nothing it should not: missing, wrong, revoked and
// other people's tokens; oversized and malformed bodies; SQL-looking text in every field; a
// replayed batch; too many requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  hubPullResponseSchema,
  hubPushResponseSchema,
  type HubAction,
  type HubPushResponse,
} from '../../../shared/hub-protocol';
import { revokeToken } from '../../../server/auth/tokens';
import { call, engineUnderTest, startTestHub, type TestHub } from './hub-fixture';
import { actionEvent, participant, pushBody, wireAction } from '../../support/hub-wire-events';

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

let hub: TestHub;
let dana: string;
let lee: string;
let manager: string;
let otherOrgManager: string;

const BODY_LIMIT = 64 * 1024;

beforeAll(async () => {
  hub = await startTestHub({ limits: { bodyLimitBytes: BODY_LIMIT } });
  dana = await hub.coachToken('Acme', 'Dana Smith');
  lee = await hub.coachToken('Acme', 'Lee Park');
  manager = await hub.managerToken('Acme');
  otherOrgManager = await hub.managerToken('Globex', 'Someone else');
}, 60_000);

afterAll(() => hub?.close());

async function counts() {
  const [row] = await hub.db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM actions)::bigint AS actions, (SELECT count(*) FROM action_changes)::bigint AS changes,
            (SELECT count(*) FROM push_receipts)::bigint AS receipts, (SELECT count(*) FROM action_notes)::bigint AS notes,
            (SELECT sum(revision) FROM coaches)::bigint AS revisions`,
  );
  return row;
}

async function pushAs(token: string | null, body: unknown) {
  return call<HubPushResponse & ErrorBody>(hub, token, '/v1/push', { body });
}

describe(`the hub's guards on ${engineUnderTest}`, () => {
  it('refuses a request without a token, or with a wrong, malformed or revoked one, and stores nothing', async () => {
    const before = await counts();
    const body = pushBody([actionEvent(wireAction())]);
    const revoked = await hub.coachToken('Acme', 'Dana Smith', 'old laptop');
    const [{ id }] = await hub.db.query<{ id: string }>("SELECT id FROM tokens WHERE label = 'old laptop'");
    expect(await revokeToken(hub.db, id, Date.now())).toBe(true);

    for (const token of [null, `fth_${'A'.repeat(43)}`, 'not-a-token', `${dana}x`, revoked]) {
      const answer = await pushAs(token, body);
      expect(answer.status, String(token)).toBe(401);
      expect(answer.body.error.code).toBe('unauthorized');
      expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect(await counts()).toEqual(before);
  });

  it("never shows or changes one coach's actions for another coach", async () => {
    const action = wireAction({ text: "Dana's private follow-up" });
    expect((await pushAs(dana, pushBody([actionEvent(action)]))).status).toBe(200);

    const leePull = hubPullResponseSchema.parse((await call(hub, lee, '/v1/pull')).body);
    expect(leePull.actions.map((pulled) => pulled.id)).not.toContain(action.id);
    const leeList = await call<{ actions: HubAction[] }>(hub, lee, '/v1/actions');
    expect(leeList.body.actions.map((listed) => listed.id)).not.toContain(action.id);

    const hijack = { ...action, text: 'Overwritten by Lee', updatedAt: new Date(Date.UTC(2026, 1, 1)).toISOString() };
    const attempt = hubPushResponseSchema.parse((await pushAs(lee, pushBody([actionEvent(hijack)]))).body);
    expect(attempt.results[0]).toMatchObject({ outcome: 'refused', action: null });

    const danaPull = hubPullResponseSchema.parse((await call(hub, dana, '/v1/pull')).body);
    expect(danaPull.actions.find((pulled) => pulled.id === action.id)?.text).toBe("Dana's private follow-up");
  });

  it('keeps each role to its own routes and a manager to their own organisation', async () => {
    const action = wireAction();
    await pushAs(dana, pushBody([actionEvent(action)]));
    const coachMarksDone = await call<ErrorBody>(hub, dana, `/v1/actions/${action.id}/status`, {
      body: { status: 'done' },
    });
    expect(coachMarksDone.status).toBe(403);
    const managerPushes = await pushAs(manager, pushBody([actionEvent(wireAction())]));
    expect(managerPushes.status).toBe(403);
    expect((await call(hub, manager, '/v1/pull')).status).toBe(403);

    const outsider = await call<ErrorBody>(hub, otherOrgManager, `/v1/actions/${action.id}/status`, {
      body: { status: 'done' },
    });
    expect(outsider.status).toBe(404);
    const outsiderComment = await call(hub, otherOrgManager, `/v1/actions/${action.id}/comments`, {
      body: { text: 'hi' },
    });
    expect(outsiderComment.status).toBe(404);
    const outsiderList = await call<{ actions: HubAction[]; total: number }>(hub, otherOrgManager, '/v1/actions');
    expect(outsiderList.body).toEqual({ actions: [], total: 0 });
  });

  it('refuses an oversized body with 413 and stores none of it', async () => {
    const before = await counts();
    const events = Array.from({ length: 60 }, () => actionEvent(wireAction({ verification: 'x'.repeat(1500) })));
    const body = pushBody(events);
    expect(JSON.stringify(body).length).toBeGreaterThan(BODY_LIMIT);
    const answer = await pushAs(dana, body);
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('payload-too-large');
    expect(await counts()).toEqual(before);
  });

  it('answers malformed JSON, a wrong content type and a wrong shape with clear JSON errors', async () => {
    const before = await counts();
    const broken = await call<ErrorBody>(hub, dana, '/v1/push', { rawBody: '{"version":1,"events":[' });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toEqual({ code: 'invalid-request', message: 'The request body is not valid JSON' });

    const asText = await fetch(`${hub.url}/v1/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${dana}`, 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(asText.status).toBe(415);
    expect(((await asText.json()) as ErrorBody).error.code).toBe('unsupported-media-type');

    const extraField = { ...pushBody([actionEvent(wireAction())]), admin: true };
    const shape = await pushAs(dana, extraField);
    expect(shape.status).toBe(400);
    expect(shape.body.error.code).toBe('invalid-request');
    expect(shape.body.error.issues?.length).toBeGreaterThan(0);

    const badDate = await pushAs(dana, pushBody([actionEvent(wireAction({ dueDate: '2026-02-30' }))]));
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.issues?.[0]).toEqual({
      path: 'events.0.action.dueDate',
      message: 'That date does not exist on the calendar',
    });

    const nul = await pushAs(dana, pushBody([actionEvent(wireAction({ text: 'before\u0000after' }))]));
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toBe('Text may not contain NUL characters');
    expect(await counts()).toEqual(before);
  });

  it('answers an unknown address with a JSON 404', async () => {
    const answer = await call<ErrorBody>(hub, dana, '/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not-found');
  });

  it('stores SQL-looking text in every field verbatim and runs none of it', async () => {
    const sqlish = fc.oneof(
      fc.constantFrom(
        "'; DROP TABLE actions; --",
        "' OR '1'='1",
        '"); DELETE FROM tokens; --',
        '1; UPDATE coaches SET revision = 0; --',
        "$1 $$ ' \\' \\\\",
        "%' AND 1=1 --",
        '<script>alert(1)</script>',
      ),
      fc.string({ minLength: 1, maxLength: 40 }).filter((text) => !text.includes('\u0000') && text.trim().length > 0),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(sqlish, { minLength: 6, maxLength: 6 }),
        async ([text, owner, verification, name, reason, key]) => {
          const at = Date.UTC(2026, 0, 5, 9);
          const action = wireAction({
            text,
            owner,
            verification,
            blockedReason: reason,
            status: 'blocked',
            history: [
              { status: 'open', at: new Date(at).toISOString(), reason: null, source: 'coach' },
              { status: 'blocked', at: new Date(at + 1).toISOString(), reason, source: 'coach' },
            ],
          });
          const event = {
            ...actionEvent(action),
            idempotencyKey: `${key}:${action.id}`,
            participant: { ...participant, displayName: name },
          };
          const answer = await pushAs(dana, { ...pushBody([event]), batchId: `${key}` });
          expect(answer.status).toBe(200);
          const stored = hubPushResponseSchema.parse(answer.body).results[0].action!;
          expect(stored).toMatchObject({
            text,
            owner,
            verification,
            blockedReason: reason,
            participant: { displayName: name },
          });
          expect(stored.history.at(-1)?.reason).toBe(reason);

          const search = await call<{ actions: HubAction[] }>(
            hub,
            manager,
            `/v1/actions?q=${encodeURIComponent(text)}`,
          );
          expect(search.status).toBe(200);
          expect(search.body.actions.map((listed) => listed.id)).toContain(action.id);
          const comment = await call<HubAction>(hub, manager, `/v1/actions/${action.id}/comments`, {
            body: { text: owner },
          });
          expect(comment.body.notes.at(-1)).toMatchObject({ kind: 'comment', text: owner.trim() });
        },
      ),
      { numRuns: 15 },
    );
    const tables = await hub.db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((table) => table.name)).toEqual([
      'action_changes',
      'action_notes',
      'actions',
      'coaches',
      'commitments',
      'hub_migrations',
      'organisations',
      'push_receipts',
      'tokens',
    ]);
    const [{ count }] = await hub.db.query<{ count: number }>(
      'SELECT count(*)::bigint AS count FROM tokens WHERE revoked_at IS NULL',
    );
    expect(count).toBeGreaterThanOrEqual(4);
  });

  it('answers a replayed batch from its receipts without storing anything again', async () => {
    const events = [actionEvent(wireAction({ text: 'Replay me' })), actionEvent(wireAction({ text: 'Replay me too' }))];
    const body = pushBody(events);
    const first = hubPushResponseSchema.parse((await pushAs(dana, body)).body);
    expect(first.results.map((result) => result.outcome)).toEqual(['applied', 'applied']);
    const after = await counts();

    const replay = hubPushResponseSchema.parse((await pushAs(dana, body)).body);
    expect(replay.results.map((result) => result.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(replay.results.map((result) => result.action)).toEqual(first.results.map((result) => result.action));
    expect(await counts()).toEqual(after);

    const twiceInOne = hubPushResponseSchema.parse((await pushAs(dana, pushBody([events[0], events[0]]))).body);
    expect(twiceInOne.results.map((result) => result.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(await counts()).toEqual(after);
  });
});

describe(`rate limiting on ${engineUnderTest}`, () => {
  let limited: TestHub;
  beforeAll(async () => {
    limited = await startTestHub({ limits: { rateLimitPerMinute: 5 } });
  }, 60_000);
  afterAll(() => limited?.close());

  it('limits requests per token with 429, Retry-After and a JSON error, leaving other tokens alone', async () => {
    const busy = await limited.coachToken('Acme', 'Busy coach');
    const calm = await limited.coachToken('Acme', 'Calm coach');
    // A token's first request counts against the address, until the hub has accepted the token.
    expect((await call(limited, busy, '/v1/pull')).status).toBe(200);
    const statuses = [];
    for (let request = 0; request < 6; request++) statuses.push((await call(limited, busy, '/v1/pull')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await call<ErrorBody>(limited, busy, '/v1/pull');
    expect(refused.body.error.code).toBe('rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(limited, calm, '/v1/pull')).status).toBe(200);
    expect((await call(limited, null, '/health')).status).toBe(200);
  });
});
