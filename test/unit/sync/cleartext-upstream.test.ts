// The hub token, the webhook's signed batches and participants' names must not cross a network in
// clear: a remote upstream must be https. Plain http stays for this computer (loopback), where the
// tests' own servers and a hub tried out locally run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { databasePerTest } from '../db/test-database';
import { readSyncSettings, writeSyncSettings } from '../../../renderer/sync/settings';
import { defaultSchedule } from '../../../renderer/sync/schedule';
import { createTransport } from '../../../renderer/sync/transport';
import { channels } from '../../../shared/ipc';
import { ok } from '../../../shared/result';

const openDatabase = databasePerTest();
const request = (url: string) => ({ url, method: 'POST' as const, headers: {}, body: '{}', timeoutMs: 1000 });

/** A transport over a platform that records what it was asked to send. */
function recordingTransport() {
  const sent: string[] = [];
  const transport = createTransport(async ({ url }) => {
    sent.push(url);
    return ok({ status: 200, headers: {}, body: '' });
  });
  return { sent, transport };
}

describe('a remote upstream over plain http', () => {
  it.each([
    ['hub', 'http://hub.example.org'],
    ['webhook', 'http://hooks.example.com/catch/1'],
    ['hub', 'http://10.0.0.5:8787'],
    ['hub', 'http://127.0.0.1.example.com'],
  ] as const)('is refused for the %s with a message saying why, and not stored', async (kind, url) => {
    const { db } = openDatabase();
    await expect(writeSyncSettings(db, { connector: { kind, url }, schedule: defaultSchedule })).rejects.toThrow(
      'Use an https:// address: over plain http:// your actions and participants’ names would cross the network unencrypted, readable by anyone on the way. http:// is accepted only for this computer (localhost, 127.0.0.1).',
    );
    expect((await readSyncSettings(db)).connector).toEqual({ kind: 'off' });
  });

  it('is never sent to, even when the settings stored before say so', async () => {
    const { sent, transport } = recordingTransport();
    const refused = await transport(request('http://hub.example.org/v1/push'));
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Use an https:\/\/ address/) });
    expect(sent).toEqual([]);
    expect(channels.httpRequest.input.safeParse(request('http://hub.example.org/v1/push')).success).toBe(false);
  });

  it.each([
    'http://127.0.0.1:8787',
    'http://localhost:3000/hook',
    'http://[::1]:8080',
    'http://127.4.5.6',
    'https://hub.example.org',
  ])('is accepted for this computer or over https: %s', async (url) => {
    const { db } = openDatabase();
    await writeSyncSettings(db, { connector: { kind: 'hub', url }, schedule: defaultSchedule });
    expect((await readSyncSettings(db)).connector).toEqual({ kind: 'hub', url });
    const { sent, transport } = recordingTransport();
    expect((await transport(request(url))).ok).toBe(true);
    expect(sent).toEqual([url]);
  });
});

describe('every address the settings, the transport and the main process are given', () => {
  it('is judged the same way by all three: https anywhere, http only on loopback', async () => {
    const { db } = openDatabase();
    const hosts = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((address) => `[${address}]`),
      fc.constantFrom('localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '[::1]', '[::ffff:127.0.0.1]', '0.0.0.0'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('http', 'https'), hosts, async (scheme, host) => {
        const url = `${scheme}://${host}/v1/push`;
        const hostname = new URL(url).hostname;
        const loopback = hostname === 'localhost' || /^127\./.test(hostname) || hostname === '[::1]';
        const expected = scheme === 'https' || loopback;
        const settings = await writeSyncSettings(db, {
          connector: { kind: 'webhook', url },
          schedule: defaultSchedule,
        }).then(
          () => true,
          () => false,
        );
        const transported = (await recordingTransport().transport(request(url))).ok;
        const main = channels.httpRequest.input.safeParse(request(url)).success;
        expect({ url, settings, transported, main }).toEqual({
          url,
          settings: expected,
          transported: expected,
          main: expected,
        });
      }),
      { numRuns: 60 },
    );
  });
});
