// The app signs exactly as README.md ("Webhook: building the receiving side") tells an integrator to verify.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { signatureHeader } from '../../../renderer/sync/signature';
import { verifySignature } from '../../support/webhook-receiver';

const secretText = fc.string({ minLength: 1 }).filter((text) => !text.includes('\0'));

describe('the webhook signature', () => {
  it('matches the test vector published in README.md ("Webhook: building the receiving side")', async () => {
    const header = await signatureHeader('whsec_example', 1793871060, '{"hello":"world"}');
    expect(header).toBe('t=1793871060,v1=9b4d39cbab66bd45a2a19d82ac040c1af69c03ccc2cfb01e81e0fbf8deb2ad7b');
    expect(readFileSync('README.md', 'utf8')).toContain(header.split(',')[1]);
  });

  it('verifies for any body and secret, and fails for another secret, another body or an old timestamp (property)', async () => {
    await fc.assert(
      // No NUL characters: HMAC pads short keys with zeros, so "a" and "a\0" are the same key.
      fc.asyncProperty(secretText, fc.string(), secretText, async (secret, body, other) => {
        const t = 1_793_871_060;
        const header = await signatureHeader(secret, t, body);
        expect(verifySignature(secret, header, body, t * 1000)).toBe(true);
        if (other !== secret) expect(verifySignature(other, header, body, t * 1000)).toBe(false);
        expect(verifySignature(secret, header, `${body} `, t * 1000)).toBe(false);
        expect(verifySignature(secret, header, body, (t + 301) * 1000)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
