// Version 6 starts a dated log of consent changes with each participant's consent so far.
import { describe, expect, it } from 'vitest';
import { defaultConsent } from '../../../../shared/model';
import { describeChange } from '../../../../renderer/privacy/consent';
import { openAt } from './open-at';

describe('schema version 6', () => {
  it('starts the consent log with each existing participant’s consent, and keeps every row', async () => {
    const withdrawn = { keepNotes: false, shareActions: 'none', aiProcessing: false } as const;
    const db = await openAt(6, (old) =>
      old.table('participants').bulkAdd([
        { id: crypto.randomUUID(), name: 'Amara Okafor', consent: defaultConsent },
        { id: crypto.randomUUID(), name: 'Bea Lindqvist', consent: withdrawn },
      ]),
    );

    const log = await db.consentLog.toArray();
    const consents = log.map((entry) => entry.consent).sort((a, b) => Number(b.keepNotes) - Number(a.keepNotes));
    expect(consents).toEqual([defaultConsent, withdrawn]);
    expect(log.every((entry) => entry.previous === null)).toBe(true);
    expect(describeChange(log[0])).toHaveLength(3);
    expect(await db.participants.count()).toBe(2);
  });
});
