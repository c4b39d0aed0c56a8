import { describe, expect, it } from 'vitest';
import { classifyResponse, createWebhookConnector } from '../../../renderer/sync/connectors/webhook';
import { defaultBackoffPolicy } from '../../../renderer/sync/backoff';
import { createTransport } from '../../../renderer/sync/transport';
import { createWebPlatform } from '../../../renderer/platform/web';
import { closedPortUrl } from '../../support/closed-port';
import { startWebhookReceiver } from '../../support/webhook-receiver';

const classify = (status: number, headers: Record<string, string> = {}, body = '') =>
  classifyResponse({ status, headers, body }, 0, defaultBackoffPolicy);

describe('webhook answers', () => {
  it('acknowledges 2xx, retries 408/425/429/5xx, refuses other answers for good', () => {
    expect(classify(200).kind).toBe('acknowledged');
    expect(classify(204).kind).toBe('acknowledged');
    for (const status of [408, 425, 429, 500, 502, 503, 504]) expect(classify(status).kind).toBe('retry');
    expect(classify(503, { 'Retry-After': '7' })).toMatchObject({ kind: 'retry', retryAfterMs: 7_000 });
    expect(classify(400, {}, ' bad\n json ')).toEqual({
      kind: 'rejected',
      reason: 'The receiver answered 400: bad json',
      status: 400,
      scope: 'content',
    });
    expect(classify(422)).toMatchObject({ kind: 'rejected', scope: 'content' });
    for (const status of [401, 403, 404, 410, 302])
      expect(classify(status)).toMatchObject({ kind: 'rejected', scope: 'connection' });
  });

  it('refuses a redirect as a connection problem, saying where it leads', () => {
    expect(classify(301, { Location: 'https://hooks.example.com/in' })).toEqual({
      kind: 'rejected',
      reason:
        'The address redirects elsewhere (301 to https://hooks.example.com/in). Sync does not follow redirects, so that nothing can be lost on the way: put the final address in Sync settings',
      status: 301,
      scope: 'connection',
    });
    expect(classify(0)).toMatchObject({
      kind: 'rejected',
      scope: 'connection',
      reason: /^The address redirects elsewhere\. /,
    });
  });

  it('shortens a long answer for the coach', () => {
    const outcome = classify(400, {}, 'x'.repeat(1_000));
    expect(outcome.kind === 'rejected' && outcome.reason.length).toBeLessThan(340);
  });

  it('says in words that nothing answered when the test event finds no receiver', async () => {
    const { url, port } = await closedPortUrl();
    const webhook = createWebhookConnector({
      url,
      secret: 'whsec_test',
      transport: createTransport(createWebPlatform().httpRequest),
      backoff: defaultBackoffPolicy,
      now: Date.now,
    });
    expect(await webhook.sendTestEvent()).toEqual({
      ok: false,
      error: expect.stringMatching(
        new RegExp(
          `^Nothing answered at 127\\.0\\.0\\.1:${port} \\(Network error: .+\\)\\. Check the address, and that the receiving side is running$`,
        ),
      ),
    });
  });

  it('points a 401 at the signing secret, which the two sides must share', () => {
    const outcome = classify(401, {}, 'Unknown signing key');
    expect(outcome).toMatchObject({ kind: 'rejected', scope: 'connection' });
    expect(outcome.kind === 'rejected' && outcome.reason).toMatch(
      /^The receiver answered 401: Unknown signing key\. .*same signing secret as Sync settings/,
    );
  });

  it('does not say that nothing answered when the address answers but the test event failed', async () => {
    const receiver = await startWebhookReceiver({ secret: 'whsec_test', faultFor: () => 'reset' });
    try {
      const webhook = createWebhookConnector({
        url: receiver.url,
        secret: 'whsec_test',
        transport: createTransport(createWebPlatform().httpRequest),
        backoff: defaultBackoffPolicy,
        now: Date.now,
        checkReachable: async (url) => {
          const result = await createWebPlatform().checkReachable({ url, timeoutMs: 2_000 });
          return result.ok && result.value.reachable;
        },
      });
      const result = await webhook.sendTestEvent();
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Network error: /) });
    } finally {
      await receiver.close();
    }
  });
});
