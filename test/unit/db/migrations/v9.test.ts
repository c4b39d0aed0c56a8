// Version 9 replaces version 8's flat fact tables with one group row per participant.
import { describe, it } from 'vitest';
import { expectFactsFilledOnUpgradeTo } from './facts-upgrade';

describe('schema version 9', () => {
  it('from version 8 fills the groups from the flat facts and drops those tables', () =>
    expectFactsFilledOnUpgradeTo(9));
});
