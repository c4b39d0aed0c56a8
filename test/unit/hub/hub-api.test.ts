// The hub's HTTP API against a real hub on 127.0.0.1: push, pull with cursors and pages, the
// program manager's list, filters, CSV, status changes and comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hubActionListSchema,
  hubActionSchema,
  hubPullResponseSchema,
  hubPushResponseSchema,
  type HubAction,
  type HubPullResponse,
  type HubPushResponse,
} from '../../../shared/hub-protocol';
import { parseCsv } from '../../../shared/csv';
import { call, engineUnderTest, startTestHub, type TestHub } from './hub-fixture';
import { actionEvent, edited, pushBody, wireAction } from '../../support/hub-wire-events';

let hub: TestHub;
let coach: string;
let otherCoach: string;
let manager: string;

beforeAll(async () => {
  hub = await startTestHub();
  coach = await hub.coachToken('Acme', 'Dana Smith');
  otherCoach = await hub.coachToken('Acme', 'Lee Park');
  manager = await hub.managerToken('Acme', 'Pat Lee');
}, 60_000);

afterAll(() => hub?.close());

async function push(token: string, events: Parameters<typeof pushBody>[0], base: string | null = null) {
  const answer = await call<HubPushResponse>(hub, token, '/v1/push', { body: pushBody(events, base) });
  expect(answer.status).toBe(200);
  return hubPushResponseSchema.parse(answer.body);
}

async function pull(token: string, cursor?: string, limit?: number): Promise<HubPullResponse> {
  const query = new URLSearchParams();
  if (cursor) query.set('cursor', cursor);
  if (limit) query.set('limit', String(limit));
  const answer = await call(hub, token, `/v1/pull?${query}`);
  expect(answer.status).toBe(200);
  return hubPullResponseSchema.parse(answer.body);
}

async function pullAll(token: string, cursor?: string): Promise<{ actions: HubAction[]; cursor: string }> {
  const all: HubAction[] = [];
  let next = cursor;
  for (let page = 0; page < 100; page++) {
    const answer = await pull(token, next, 2);
    all.push(...answer.actions);
    next = answer.cursor;
    if (!answer.hasMore) break;
  }
  return { actions: all, cursor: next ?? '0' };
}

describe(`the hub API on ${engineUnderTest}`, () => {
  it('answers /health once the database is ready', async () => {
    const answer = await call<{ status: string; engine: string }>(hub, null, '/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', engine: hub.engine, protocol: 1 });
  });

  it('stores a pushed action and answers with the hub version of it', async () => {
    const action = wireAction({ text: 'Book the skip-level meetings' });
    const { results } = await push(coach, [actionEvent(action)]);
    expect(results).toHaveLength(1);
    expect(results[0].outcome).toBe('applied');
    const stored = hubActionSchema.parse(results[0].action);
    expect(stored).toMatchObject({ id: action.id, text: 'Book the skip-level meetings', status: 'open', notes: [] });
    expect(stored.revision).toBeGreaterThan(0);
  });

  it('pulls changes after a cursor, a page at a time, each action once', async () => {
    const start = (await pullAll(coach)).cursor;
    const actions = Array.from({ length: 5 }, (_, index) => wireAction({ text: `Paged action ${index + 1}` }));
    await push(
      coach,
      actions.map((action) => actionEvent(action)),
    );
    const first = await pull(coach, start, 2);
    expect(first.actions.map((action) => action.text)).toEqual(['Paged action 1', 'Paged action 2']);
    expect(first.hasMore).toBe(true);
    const rest = await pullAll(coach, first.cursor);
    expect(rest.actions.map((action) => action.text)).toEqual(['Paged action 3', 'Paged action 4', 'Paged action 5']);
    const after = await pull(coach, rest.cursor);
    expect(after).toEqual({ actions: [], cursor: rest.cursor, hasMore: false });
  });

  it('pulls an edited action once, in its latest state, after the cursor', async () => {
    const action = wireAction({ text: 'Draft the offsite agenda' });
    await push(coach, [actionEvent(action)]);
    const cursor = (await pullAll(coach)).cursor;
    const edit = edited(action, Date.UTC(2026, 0, 6), { text: 'Draft and send the offsite agenda' });
    await push(coach, [actionEvent(edit)], cursor);
    const { actions } = await pullAll(coach, cursor);
    expect(actions.map((pulled) => [pulled.id, pulled.text])).toEqual([
      [action.id, 'Draft and send the offsite agenda'],
    ]);
  });

  it('starts over when a cursor is beyond anything the hub has (its data was replaced)', async () => {
    const fromStart = await pullAll(coach);
    const fromFuture = await pullAll(coach, '999999999');
    expect(fromFuture.actions.map((action) => action.id)).toEqual(fromStart.actions.map((action) => action.id));
  });

  it('lets a program manager mark an action done and verified, with the change pulled by the coach', async () => {
    const action = wireAction({ text: 'Hold the first delegation check-in' });
    await push(coach, [actionEvent(action)]);
    const cursor = (await pullAll(coach)).cursor;

    const verifyTooEarly = await call<{ error: { code: string; message: string } }>(
      hub,
      manager,
      `/v1/actions/${action.id}/status`,
      {
        body: { status: 'verified' },
      },
    );
    expect(verifyTooEarly.status).toBe(409);
    expect(verifyTooEarly.body.error.message).toBe('An action that is open cannot be marked verified');

    const done = await call<HubAction>(hub, manager, `/v1/actions/${action.id}/status`, {
      body: { status: 'done', note: 'Seen in the team review' },
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect(done.body.history.at(-1)).toMatchObject({
      status: 'done',
      source: 'upstream',
      reason: 'By Pat Lee: Seen in the team review',
    });

    const again = await call<HubAction>(hub, manager, `/v1/actions/${action.id}/status`, { body: { status: 'done' } });
    expect(again.body.history).toHaveLength(2);

    const { actions } = await pullAll(coach, cursor);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ id: action.id, status: 'done' });
    expect(actions[0].history.map((entry) => `${entry.status}/${entry.source}`)).toEqual([
      'open/coach',
      'done/upstream',
    ]);
  });

  it('delivers a program manager comment to the coach with the next pull', async () => {
    const action = wireAction({ text: 'Ask two peers for feedback' });
    await push(coach, [actionEvent(action)]);
    const cursor = (await pullAll(coach)).cursor;
    const comment = await call<HubAction>(hub, manager, `/v1/actions/${action.id}/comments`, {
      body: { text: 'Great progress, Dana' },
    });
    expect(comment.status).toBe(201);
    const { actions } = await pullAll(coach, cursor);
    expect(actions[0].notes).toEqual([
      expect.objectContaining({ kind: 'comment', author: 'Pat Lee', text: 'Great progress, Dana' }),
    ]);
  });

  it('answers 404 for an action the manager cannot see and 400 for a malformed id', async () => {
    const unknown = await call(hub, manager, `/v1/actions/${crypto.randomUUID()}/status`, { body: { status: 'done' } });
    expect(unknown.status).toBe(404);
    const malformed = await call<{ error: { code: string } }>(hub, manager, '/v1/actions/not-an-id/status', {
      body: { status: 'done' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid-request');
  });

  it('lists actions across coaches with filters for the program manager', async () => {
    await push(otherCoach, [
      actionEvent(
        wireAction({ text: 'Run the retro with the platform team', dueDate: '2026-02-01', owner: 'Lee Park' }),
      ),
      actionEvent(wireAction({ text: 'Write the hiring scorecard', dueDate: '2026-03-01', owner: 'Lee Park' })),
    ]);
    const all = hubActionListSchema.parse((await call(hub, manager, '/v1/actions')).body);
    expect(new Set(all.actions.map((action) => action.coach.name))).toEqual(new Set(['Dana Smith', 'Lee Park']));
    expect(all.total).toBe(all.actions.length);

    const coaches = (await call<{ coaches: { id: string; name: string }[] }>(hub, manager, '/v1/coaches')).body.coaches;
    const lee = coaches.find((entry) => entry.name === 'Lee Park')!;
    const byCoach = hubActionListSchema.parse((await call(hub, manager, `/v1/actions?coach=${lee.id}`)).body);
    expect(byCoach.actions.map((action) => action.text).sort()).toEqual([
      'Run the retro with the platform team',
      'Write the hiring scorecard',
    ]);

    const dueSoon = hubActionListSchema.parse(
      (await call(hub, manager, `/v1/actions?coach=${lee.id}&dueBefore=2026-02-15`)).body,
    );
    expect(dueSoon.actions.map((action) => action.text)).toEqual(['Run the retro with the platform team']);

    const search = hubActionListSchema.parse((await call(hub, manager, '/v1/actions?q=SCORECARD')).body);
    expect(search.actions.map((action) => action.text)).toEqual(['Write the hiring scorecard']);

    const done = hubActionListSchema.parse((await call(hub, manager, '/v1/actions?status=done')).body);
    expect(done.actions.every((action) => action.status === 'done')).toBe(true);
    expect(done.actions.length).toBeGreaterThan(0);

    const paged = hubActionListSchema.parse((await call(hub, manager, '/v1/actions?limit=2&offset=1')).body);
    expect(paged.actions).toHaveLength(2);
    expect(paged.actions[0].id).toBe(all.actions[1].id);
  });

  it('exports the filtered list as CSV, with cells a spreadsheet will not run as formulas', async () => {
    await push(otherCoach, [
      actionEvent(wireAction({ text: '=HYPERLINK("http://example.test")', owner: 'Lee, "the" Park' })),
    ]);
    const answer = await call<string>(hub, manager, '/v1/actions.csv?q=HYPERLINK');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(answer.headers.get('content-disposition')).toMatch(
      /attachment; filename="followthrough-actions-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = parseCsv(answer.body);
    expect(rows[0].slice(0, 5)).toEqual(['Action ID', 'Coach', 'Participant', 'Action', 'Owner']);
    expect(rows).toHaveLength(2);
    expect(rows[1][3]).toBe(`'=HYPERLINK("http://example.test")`);
    expect(rows[1][4]).toBe('Lee, "the" Park');
  });

  it('lets a coach list only their own actions', async () => {
    const own = hubActionListSchema.parse((await call(hub, otherCoach, '/v1/actions')).body);
    expect(own.actions.length).toBeGreaterThan(0);
    expect(new Set(own.actions.map((action) => action.coach.name))).toEqual(new Set(['Lee Park']));
  });

  it("answers the web app's CORS preflight, since tokens travel in a header and never in cookies", async () => {
    const preflight = await fetch(`${hub.url}/v1/push`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('serves the program manager page without a build step, under a strict CSP', async () => {
    const page = await fetch(`${hub.url}/manager/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/manager/manager.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${hub.url}/manager/manager.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).not.toMatch(/innerHTML/);
    const styles = await fetch(`${hub.url}/manager/app.css`);
    expect(styles.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await styles.text()).toContain('--accent');
  });
});
