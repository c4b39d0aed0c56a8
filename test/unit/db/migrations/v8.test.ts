// Version 8 keeps what the metrics read of each action and session as derived rows, filled from
// the records already stored (version 9 then groups them).
import { describe, it } from 'vitest';
import { expectFactsFilledOnUpgradeTo } from './facts-upgrade';

describe('schema version 8', () => {
  it('from version 7 fills the fact groups from the records already stored', () => expectFactsFilledOnUpgradeTo(8));
});
