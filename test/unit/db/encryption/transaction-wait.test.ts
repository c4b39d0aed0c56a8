// The two ways the sealing layer waits inside a transaction: for WebCrypto while the transaction
// stays open, and for a whole batch of it without Dexie's zone-tracking Promise.all.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ivAt, freshIvs } from '../../../../renderer/db/encryption/record-seal';
import { allOf } from '../../../../renderer/db/encryption/transaction-wait';
import { toBase64 } from '../../../../renderer/base64';
import { databasePerTest } from '../test-database';

const openDatabase = databasePerTest();

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('allOf', () => {
  it('gives the results in the order of the promises, whatever order they settle in', async () => {
    expect(await allOf([later('a', 20), later('b', 0), later('c', 10)])).toEqual(['a', 'b', 'c']);
  });

  it('takes values that are not promises as they are', async () => {
    expect(await allOf([1, later(2, 5), 3])).toEqual([1, 2, 3]);
  });

  it('settles at once for an empty list', async () => {
    expect(await allOf([])).toEqual([]);
  });

  it('rejects with the first failure', async () => {
    const failing = later(null, 5).then(() => {
      throw new Error('the seal broke');
    });
    await expect(allOf([later('a', 20), failing])).rejects.toThrow('the seal broke');
  });

  it("is the engine promise inside a transaction, where Promise.all is Dexie's zone-tracking kind", async () => {
    const { db } = openDatabase();
    const kinds = await db.transaction('r', db.settings, () => ({
      promiseAll: Promise.all([]) instanceof Dexie.Promise,
      allOf: allOf([]) instanceof Dexie.Promise,
    }));
    expect(kinds).toEqual({ promiseAll: true, allOf: false });
  });
});

describe('freshIvs', () => {
  it('draws distinct 12-byte IVs, more than one random call can give at once', () => {
    const count = 10_000; // 120,000 bytes, past getRandomValues' 65,536
    const ivs = freshIvs(count);
    const seen = new Set(Array.from({ length: count }, (_, index) => toBase64(ivAt(ivs, index))));
    expect(seen.size).toBe(count);
    expect(ivAt(ivs, count - 1)).toHaveLength(12);
    // The last chunk is random too, not left as zeros.
    expect(ivAt(ivs, count - 1).some((byte) => byte !== 0)).toBe(true);
  });
});
