import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../src/util/glob.js';

describe('globMatcher', () => {
  const globs = [
    '**/hlsp.config.json',
    'images/**',
    '*.fits',
    'spectra/*_x1d.fits',
    '**/.*',
    'a[b',
    '{catalogs,tables}/**/*.csv',
    'hlsp_*_v?.fits',
  ];
  const paths = [
    'hlsp.config.json',
    'sub/hlsp.config.json',
    'sub/hlsp.config.json.bak',
    'images/a.fits',
    'images/deep/b.fits',
    'imagesx/a.fits',
    'a.fits',
    'dir/a.fits',
    'spectra/t_x1d.fits',
    'spectra/deep/t_x1d.fits',
    '.DS_Store',
    'sub/.hidden',
    'a[b',
    'catalogs/x/y.csv',
    'tables/y.csv',
    'other/y.csv',
    'hlsp_x_v1.fits',
    'hlsp_x_v12.fits',
    '',
  ];

  it('answers as picomatch does with dot: true, for each glob alone and for all together', () => {
    for (const glob of [...globs.map((one) => [one]), globs]) {
      const ours = globMatcher(glob);
      const theirs = picomatch(glob, { dot: true });
      for (const path of paths) expect([glob, path, ours(path)]).toEqual([glob, path, theirs(path)]);
    }
  });

  it('takes one glob as a string', () => {
    expect(globMatcher('images/**')('images/a.fits')).toBe(true);
    expect(globMatcher('images/**')('spectra/a.fits')).toBe(false);
  });

  it('matches nothing with no globs', () => {
    expect(globMatcher([])('anything')).toBe(false);
  });
});
