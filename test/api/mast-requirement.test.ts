import { describe, expect, it } from 'vitest';
import { mastRequirement } from '../../src/api/mast.js';
import type { Report } from '../../src/report/types.js';

const stats = (mode: 'online' | 'cache' | 'offline') => ({ mode, requests: 0, cacheHits: 0, ids: 0 });

describe('mastRequirement', () => {
  it('is met when MAST answered, or when there was nothing to ask', () => {
    expect(mastRequirement({ notChecked: [], mast: stats('online') })).toEqual({ met: true });
    expect(mastRequirement({ notChecked: [], mast: stats('cache') })).toEqual({ met: true });
  });

  it('is met when the config turned every MAST rule off: no MAST pass, nothing required', () => {
    expect(mastRequirement({ notChecked: [] })).toEqual({ met: true });
  });

  it('is not met when a MAST rule was not checked, with its reason', () => {
    const notChecked: Report['notChecked'] = [
      { ruleId: 'collection/readme', reason: 'not about MAST' },
      { ruleId: 'mast/observation-exists', reason: 'MAST could not be queried: HTTP 503' },
      { ruleId: 'mast/program-exists', reason: 'MAST could not be queried: HTTP 503' },
    ];
    expect(mastRequirement({ notChecked, mast: stats('online') })).toEqual({
      met: false,
      reason: 'MAST could not be queried: HTTP 503',
    });
  });

  it('is not met in offline mode, even with no product to cross-reference', () => {
    expect(mastRequirement({ notChecked: [], mast: stats('offline') })).toEqual({
      met: false,
      reason: '--mast offline: MAST was not asked',
    });
  });

  it('is not met by a shard, whose MAST rules run at merge', () => {
    const reason = 'shard 1/4: MAST rules run when the shard reports are merged';
    expect(mastRequirement({ notChecked: [{ ruleId: 'mast/*', reason }] })).toEqual({ met: false, reason });
  });
});
