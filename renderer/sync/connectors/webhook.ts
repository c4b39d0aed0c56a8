// Pushes signed JSON batches to a URL: how teams reach Lattice, Workday, Asana or Jira through
// Zapier, Make, n8n or Power Automate. 2xx acknowledges the batch; 408, 425, 429 and 5xx and
// network failures are retried; any other answer is refused for good, with the response kept
// for the coach to read. README.md ("Webhook: building the receiving side") is the integrator's side of this file.
import { SYNC_PAYLOAD_VERSION, syncHeaders, type SyncBatch, type SyncEvent } from '../../../shared/sync-protocol';
import type { Result } from '../../../shared/result';
import { parseRetryAfterMs, type BackoffPolicy } from '../backoff';
import { sha256Hex, signatureHeader } from '../signature';
import {
  headerValue,
  excerpt,
  isRedirect,
  redirectReason,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from '../transport';
import type { PreparedPush, PushOutcome, ReachabilityCheck, SyncConnector } from './connector';

type WebhookOptions = {
  url: string;
  secret: string;
  transport: Transport;
  backoff: BackoffPolicy;
  now: () => number;
  timeoutMs?: number;
  batchSize?: number;
  checkReachable?: ReachabilityCheck;
};

const DEFAULT_WEBHOOK_TIMEOUT_MS = 20_000;
export const DEFAULT_WEBHOOK_BATCH_SIZE = 50;

const retriedStatuses = new Set([408, 425, 429]);
/** Answers that say the address or the credentials are wrong, for every batch alike. */
const connectionStatuses = new Set([401, 403, 404, 405, 410]);

/** What a 401 most often means for a signed webhook: the two sides hold different secrets. */
const SECRET_HINT =
  'The receiver did not accept the signature: give it the same signing secret as Sync settings (or generate one there and copy it to the receiver)';

function answer(response: HttpResponse): string {
  if (isRedirect(response.status)) return redirectReason(response);
  const body = excerpt(response.body);
  const answered = `The receiver answered ${response.status}${body ? `: ${body}` : ''}`;
  return response.status === 401 ? `${answered}. ${SECRET_HINT}` : answered;
}

export function classifyResponse(response: HttpResponse, now: number, backoff: BackoffPolicy): PushOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'acknowledged', status, detail: answer(response) };
  if (status >= 500 || retriedStatuses.has(status)) {
    const retryAfterMs = parseRetryAfterMs(headerValue(response.headers, 'retry-after'), now, backoff);
    return { kind: 'retry', reason: answer(response), status, retryAfterMs, countsAsAttempt: true };
  }
  const scope = status >= 400 && status < 500 && !connectionStatuses.has(status) ? 'content' : 'connection';
  return { kind: 'rejected', reason: answer(response), status, scope };
}

/** The same events always make the same key, so a retried batch is recognisably the same. */
export async function batchKey(events: SyncEvent[]): Promise<string> {
  const digest = await sha256Hex(events.map((event) => event.idempotencyKey).join('\n'));
  return `batch-${digest.slice(0, 32)}`;
}

export function createWebhookConnector(options: WebhookOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const host = new URL(options.url).host;

  /** Builds and signs the request; the signature's timestamp is when it was prepared, well inside the receiver's window. */
  async function prepare(events: SyncEvent[]): Promise<PreparedPush> {
    const sentAt = options.now();
    const batch: SyncBatch = {
      version: SYNC_PAYLOAD_VERSION,
      batchId: await batchKey(events),
      sentAt: new Date(sentAt).toISOString(),
      events,
    };
    const body = JSON.stringify(batch);
    const request: HttpRequest = {
      url: options.url,
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [syncHeaders.idempotencyKey]: batch.batchId,
        [syncHeaders.payloadVersion]: String(SYNC_PAYLOAD_VERSION),
        [syncHeaders.signature]: await signatureHeader(options.secret, Math.floor(sentAt / 1000), body),
      },
      body,
      timeoutMs,
    };
    return { send: () => send(request) };
  }

  async function send(request: HttpRequest): Promise<PushOutcome> {
    const result = await options.transport(request);
    if (!result.ok) {
      return { kind: 'retry', reason: result.error, status: null, retryAfterMs: null, countsAsAttempt: true };
    }
    return classifyResponse(result.value, options.now(), options.backoff);
  }

  const push = async (events: SyncEvent[]) => (await prepare(events)).send();

  /** Sends one test.ping event, with no coaching data, and says what came back. */
  async function sendTestEvent(): Promise<Result<string>> {
    const at = options.now();
    const outcome = await push([
      {
        type: 'test.ping',
        idempotencyKey: `test:${crypto.randomUUID()}`,
        occurredAt: new Date(at).toISOString(),
        recordVersion: at,
        message: 'Test event from Followthrough: this connection works.',
      },
    ]);
    if (outcome.kind === 'acknowledged') return { ok: true, value: outcome.detail };
    // Without an answer, the receiver is blamed only when nothing at all answers at its address.
    const unanswered = outcome.kind === 'retry' && outcome.status === null;
    if (unanswered && !(await options.checkReachable?.(options.url))) {
      const check = 'Check the address, and that the receiving side is running';
      return { ok: false, error: `Nothing answered at ${host} (${outcome.reason}). ${check}` };
    }
    return { ok: false, error: outcome.reason };
  }

  const connector: SyncConnector = {
    kind: 'webhook',
    label: `Webhook to ${host}`,
    batchSize: options.batchSize ?? DEFAULT_WEBHOOK_BATCH_SIZE,
    needsNetwork: true,
    prepare,
    push,
  };
  const { checkReachable } = options;
  if (checkReachable) connector.isReachable = () => checkReachable(options.url);
  return { ...connector, sendTestEvent };
}
