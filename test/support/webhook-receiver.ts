// A webhook receiver on 127.0.0.1, built the way README.md ("Webhook: building the receiving side") tells an integrator to: it checks
// the signature with node:crypto from the documented algorithm (not with the app's code), parses
// the batch, deduplicates events on their idempotency key and keeps each record's latest state.
// It can inject faults into chosen requests, for the sync tests and the soak.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { syncBatchSchema, type SyncEvent } from '../../shared/sync-protocol';

export const faultKinds = ['server-error', 'rate-limited', 'reset', 'hang', 'slow', 'lost-ack'] as const;
export type Fault = (typeof faultKinds)[number] | 'none';

export type ReceiverOptions = {
  secret: string;
  /** The fault for the n-th POST (0-based); none by default. */
  faultFor?: (requestNumber: number) => Fault;
  retryAfterSeconds?: number;
  slowMs?: number;
  /** Added to every answer, as the round trip to a real upstream would be. */
  latencyMs?: number;
  /** Answers browsers' CORS preflights, for the end-to-end test. */
  cors?: boolean;
  /** An answer other than 200 for a well-formed, correctly signed batch (say a 422). */
  refuse?: (events: SyncEvent[]) => { status: number; body: string } | null;
  /** The receiver's clock for the signature's replay window, in milliseconds. */
  now?: () => number;
};

type ReceivedRequest = {
  rawBody: string;
  headers: IncomingMessage['headers'];
  fault: Fault;
  signatureValid: boolean;
  status: number | null;
};

const toleranceSeconds = 300;

/** Verification exactly as README.md ("Webhook: building the receiving side") describes it. */
export function verifySignature(secret: string, header: string | undefined, rawBody: string, nowMs: number): boolean {
  const parts = new Map((header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST',
  'Access-Control-Allow-Headers':
    'Content-Type, Idempotency-Key, Followthrough-Signature, Followthrough-Payload-Version',
  'Access-Control-Expose-Headers': 'Retry-After',
};

export async function startWebhookReceiver(options: ReceiverOptions) {
  const now = options.now ?? Date.now;
  const requests: ReceivedRequest[] = [];
  let reachabilityChecks = 0;
  /** Every distinct event, by idempotency key. */
  const events = new Map<string, SyncEvent>();
  /** The latest state of each record, by record id. */
  const records = new Map<string, SyncEvent>();
  const faults = Object.fromEntries([...faultKinds, 'none'].map((kind) => [kind, 0])) as Record<Fault, number>;
  let duplicates = 0;
  let faultFor = options.faultFor ?? (() => 'none' as Fault);
  const sockets = new Set<Socket>();

  function store(batch: SyncEvent[]): void {
    for (const event of batch) {
      if (events.has(event.idempotencyKey)) {
        duplicates += 1;
        continue;
      }
      events.set(event.idempotencyKey, event);
      if (event.type === 'test.ping') continue;
      const id = 'action' in event ? event.action.id : event.commitment.id;
      const held = records.get(id);
      if (!held || held.recordVersion < event.recordVersion) records.set(id, event);
    }
  }

  function reply(response: ServerResponse, request: ReceivedRequest, status: number, body: string, headers = {}) {
    request.status = status;
    response.writeHead(status, { 'Content-Type': 'text/plain', ...(options.cors ? corsHeaders : {}), ...headers });
    response.end(body);
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    if (incoming.method === 'OPTIONS' && options.cors) {
      response.writeHead(204, corsHeaders).end();
      return;
    }
    // The app's reachability check: a webhook endpoint that only takes POST still answers it.
    if (incoming.method === 'HEAD') {
      reachabilityChecks += 1;
      response.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const fault = faultFor(requests.length);
    faults[fault] += 1;
    const signatureHeader = incoming.headers['followthrough-signature'];
    const request: ReceivedRequest = {
      rawBody,
      headers: incoming.headers,
      fault,
      signatureValid: verifySignature(
        options.secret,
        typeof signatureHeader === 'string' ? signatureHeader : undefined,
        rawBody,
        now(),
      ),
      status: null,
    };
    requests.push(request);

    if (fault === 'reset') return void incoming.socket.destroy();
    if (fault === 'hang') return;
    if (fault === 'server-error') return reply(response, request, 500, 'Internal Server Error');
    if (fault === 'rate-limited') {
      return reply(response, request, 429, 'Too many requests', {
        'Retry-After': String(options.retryAfterSeconds ?? 1),
      });
    }
    if (!request.signatureValid) return reply(response, request, 401, 'Signature does not match');
    const parsed = syncBatchSchema.safeParse(JSON.parse(rawBody));
    if (!parsed.success) return reply(response, request, 400, parsed.error.message);
    if (incoming.headers['idempotency-key'] !== parsed.data.batchId)
      return reply(response, request, 400, 'Idempotency-Key differs from batchId');
    const refusal = options.refuse?.(parsed.data.events);
    if (refusal) return reply(response, request, refusal.status, refusal.body);
    const delayMs = (options.latencyMs ?? 0) + (fault === 'slow' ? (options.slowMs ?? 50) : 0);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    store(parsed.data.events);
    if (fault === 'lost-ack') return void incoming.socket.destroy();
    reply(response, request, 200, JSON.stringify({ received: parsed.data.events.length }));
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks/followthrough`,
    requests,
    events,
    records,
    faults,
    get duplicates() {
      return duplicates;
    },
    /** HEAD requests: the app asking whether anything answers here. They are not in `requests`. */
    get reachabilityChecks() {
      return reachabilityChecks;
    },
    setFaults(next: (requestNumber: number) => Fault) {
      faultFor = next;
    },
    /** Forgets everything received, so a benchmark run starts from an empty receiver. */
    reset() {
      requests.length = 0;
      events.clear();
      records.clear();
      duplicates = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
