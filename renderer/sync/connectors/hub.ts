// The two-way connector to a Followthrough hub (server/): pushes batches with the coach's token,
// each carrying the cursor this device had pulled to so the hub can tell a change from a value
// merely carried along, and pulls what changed on the hub (status changes by a program manager,
// comments, edits from the coach's other devices) a page at a time. README.md ("The Followthrough hub") has the protocol.
import {
  HUB_PROTOCOL_VERSION,
  MAX_PULL_PAGE,
  hubPaths,
  hubPullResponseSchema,
  hubPushResponseSchema,
  hubWhoAmISchema,
  type HubPushRequest,
} from '../../../shared/hub-protocol';
import { SYNC_PAYLOAD_VERSION, syncHeaders, type SyncEvent } from '../../../shared/sync-protocol';
import { fail, ok, type Result } from '../../../shared/result';
import type { BackoffPolicy } from '../backoff';
import { excerpt, isRedirect, redirectReason, type HttpRequest, type HttpResponse, type Transport } from '../transport';
import {
  sendAtOnce,
  type PullOutcome,
  type PushOutcome,
  type ReachabilityCheck,
  type SyncConnector,
} from './connector';
import { batchKey, classifyResponse } from './webhook';

type HubConnectorOptions = {
  /** The hub's address, e.g. https://hub.example.org (a path prefix is kept). */
  url: string;
  token: string;
  transport: Transport;
  backoff: BackoffPolicy;
  now: () => number;
  /** The pull cursor this device holds; null before its first pull. */
  readCursor: () => Promise<string | null>;
  timeoutMs?: number;
  batchSize?: number;
  pullPageSize?: number;
  /** Pages one pull may read; the next sync run goes on from the cursor. */
  maxPullPages?: number;
  checkReachable?: ReachabilityCheck;
};

const DEFAULT_HUB_BATCH_SIZE = 100;
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_PULL_PAGES = 50;

/** An answer that acknowledges nothing: the batch goes again after the usual wait. */
const sendAgain = (reason: string, status: number): PushOutcome => ({
  kind: 'retry',
  reason,
  status,
  retryAfterMs: null,
  countsAsAttempt: true,
});

function hubAnswer(response: HttpResponse): string {
  if (isRedirect(response.status)) return redirectReason(response);
  try {
    const message = (JSON.parse(response.body) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return `The hub answered ${response.status}: ${excerpt(message)}`;
  } catch {
    // Not the hub's JSON error: the status alone says enough.
  }
  return `The hub answered ${response.status}`;
}

/** Why the hub turned a token away, in words a coach can act on. */
function connectionReason(response: HttpResponse): string {
  if (response.status === 401)
    return 'The hub did not accept the token: it is mistyped or was revoked. Paste a current coach token in Sync settings';
  if (response.status === 403) return 'That is not a coach token: ask for a coach token for this hub';
  return hubAnswer(response);
}

/** What a 2xx answer to a push says: every change taken, some refused, or an answer that accounts for too little. */
function readPushAnswer(response: HttpResponse, batchId: string, events: SyncEvent[]): PushOutcome {
  const parsed = hubPushResponseSchema.safeParse(safeJson(response.body));
  if (!parsed.success) return sendAgain('The hub answered in a form this app does not read', response.status);
  // Only what the hub lists as taken is taken; an answer to another batch, or one short of results, takes nothing.
  const answered = new Set(parsed.data.results.map((result) => result.idempotencyKey));
  if (parsed.data.batchId !== batchId || events.some((event) => !answered.has(event.idempotencyKey))) {
    return sendAgain(
      'The hub answered without accounting for every change sent; they will be sent again',
      response.status,
    );
  }
  const refused = parsed.data.results.filter((result) => result.outcome === 'refused');
  if (refused.length > 0) {
    return {
      kind: 'rejected',
      reason: `The hub refused ${refused.length === 1 ? 'a change' : `${refused.length} changes`}: ${refused[0].detail}`,
      status: response.status,
      scope: 'content',
    };
  }
  const applied = parsed.data.results.filter((result) => result.outcome === 'applied').length;
  return {
    kind: 'acknowledged',
    status: response.status,
    detail: `The hub took ${applied} of ${events.length} (the rest it already had)`,
  };
}

export function createHubConnector(options: HubConnectorOptions) {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = Math.min(options.pullPageSize ?? 200, MAX_PULL_PAGE);
  const headers = { Authorization: `Bearer ${options.token}`, Accept: 'application/json' };

  const request = (path: string, init: Pick<HttpRequest, 'method' | 'body'> & { headers?: Record<string, string> }) =>
    options.transport({ url: `${base}${path}`, timeoutMs, ...init, headers: { ...headers, ...init.headers } });

  async function push(events: SyncEvent[]): Promise<PushOutcome> {
    const batch: HubPushRequest = {
      version: SYNC_PAYLOAD_VERSION,
      batchId: await batchKey(events),
      sentAt: new Date(options.now()).toISOString(),
      baseCursor: await options.readCursor(),
      events,
    };
    const result = await request(hubPaths.push, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [syncHeaders.idempotencyKey]: batch.batchId },
      body: JSON.stringify(batch),
    });
    if (!result.ok)
      return { kind: 'retry', reason: result.error, status: null, retryAfterMs: null, countsAsAttempt: true };
    const response = result.value;
    if (response.status < 200 || response.status >= 300) {
      const outcome = classifyResponse(response, options.now(), options.backoff);
      if (outcome.kind === 'retry') return { ...outcome, reason: hubAnswer(response) };
      if (outcome.kind === 'rejected') {
        return {
          ...outcome,
          reason: outcome.scope === 'connection' ? connectionReason(response) : hubAnswer(response),
        };
      }
      return outcome;
    }
    return readPushAnswer(response, batch.batchId, events);
  }

  const tryPullLater = (reason: string): PullOutcome => ({ ok: false, reason, refused: false, retryAfterMs: null });

  /** A pull the hub did not answer with changes, judged as a push's answer would be. */
  function pullFailed(response: HttpResponse): PullOutcome {
    const outcome = classifyResponse(response, options.now(), options.backoff);
    return {
      ok: false,
      reason: connectionReason(response),
      refused: outcome.kind === 'rejected' && outcome.scope === 'connection',
      retryAfterMs: outcome.kind === 'retry' ? outcome.retryAfterMs : null,
    };
  }

  async function pull(cursor: string | null): Promise<PullOutcome> {
    const changes = [];
    let next = cursor;
    for (let page = 0; page < (options.maxPullPages ?? DEFAULT_PULL_PAGES); page++) {
      const query = new URLSearchParams({ limit: String(pageSize), ...(next ? { cursor: next } : {}) });
      const result = await request(`${hubPaths.pull}?${query}`, { method: 'GET', body: null });
      if (!result.ok) return tryPullLater(result.error);
      if (result.value.status !== 200) return pullFailed(result.value);
      const parsed = hubPullResponseSchema.safeParse(safeJson(result.value.body));
      if (!parsed.success) return tryPullLater('The hub answered a pull in a form this app does not read');
      changes.push(
        ...parsed.data.actions.map((action) => ({
          recordType: 'action' as const,
          recordId: action.id,
          upstreamVersion: String(action.revision),
          fields: action,
        })),
      );
      next = parsed.data.cursor;
      if (!parsed.data.hasMore) break;
    }
    return { ok: true, changes, cursor: next ?? '0' };
  }

  /** Checks the address and token: who the hub says this token belongs to. */
  async function testConnection(): Promise<Result<string>> {
    const result = await request(hubPaths.me, { method: 'GET', body: null });
    if (!result.ok) return fail(result.error);
    if (result.value.status !== 200) return fail(connectionReason(result.value));
    const who = hubWhoAmISchema.safeParse(safeJson(result.value.body));
    if (!who.success) return fail('That address answered, but not as a Followthrough hub');
    if (who.data.role !== 'coach' || !who.data.coach)
      return fail('That is a program manager token; sync needs a coach token');
    return ok(
      `Connected to ${who.data.organisation.name}'s hub as ${who.data.coach.name} (protocol ${HUB_PROTOCOL_VERSION})`,
    );
  }

  const connector: SyncConnector = {
    kind: 'hub',
    label: `Followthrough hub at ${new URL(base).host}`,
    batchSize: options.batchSize ?? DEFAULT_HUB_BATCH_SIZE,
    needsNetwork: true,
    prepare: sendAtOnce(push),
    push,
    pull,
  };
  const { checkReachable } = options;
  if (checkReachable) connector.isReachable = () => checkReachable(`${base}/`);
  return { ...connector, pull, testConnection };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
