/**
 * astropy.io.votable as the oracle, on the VOTables Debian's python3-astropy ships in its tests:
 * where astropy parses a file strictly (verify='exception': not even a warning) we give no error,
 * and where it refuses one even when told to ignore what it can (verify='ignore') we give an error.
 * Files in between (astropy reads them with warnings) are listed in docs/formats.md. UCD strings
 * are judged as astropy's check_ucd judges them. Runs when /usr/bin/python3 can import astropy;
 * with HLSP_ORACLES=1 a missing astropy fails the suite instead of skipping it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import { readVotable } from '../../src/readers/votable.js';
import { checkUcd } from '../../src/ucd/index.js';
import { itHasTheOracle, pythonJsonLines, pythonOracle } from '../support/oracle.js';

const ASTROPY = pythonOracle('astropy', 'import astropy.io.votable', 'VOTable oracle');

const DATA = '/usr/lib/python3/dist-packages/astropy/io/votable/tests/data';

/** Per path, astropy's verdict with verify='exception' and with verify='ignore'. */
const ASTROPY_PARSE = `
import sys, json, warnings
warnings.simplefilter('ignore')
from astropy.io.votable import parse
for path in sys.argv[1:]:
    verdicts = []
    for verify in ('exception', 'ignore'):
        try:
            parse(path, verify=verify)
            verdicts.append('ok')
        except Exception as e:
            verdicts.append('%s: %s' % (type(e).__name__, str(e).splitlines()[0] if str(e) else ''))
    print(json.dumps(verdicts))
`;

const ASTROPY_UCD = `
import sys, json
from astropy.io.votable.ucd import check_ucd
for ucd in json.loads(sys.stdin.read()):
    print(json.dumps(check_ucd(ucd, check_controlled_vocabulary=True, has_colon=True)))
`;

/** Problems that are errors of the file (warnings, infos and units aside). */
const ERRORS = new Set([
  'xml',
  'root',
  'datatype',
  'arraysize',
  'timesys',
  'row-length',
  'value',
  'not-utf8',
  'gzip-error',
  'read-error',
]);

describe.runIf(ASTROPY.runs)('astropy VOTable oracle', () => {
  itHasTheOracle(ASTROPY);

  it('agrees with astropy on the VOTables python3-astropy ships', async () => {
    const files = existsSync(DATA)
      ? readdirSync(DATA)
          .filter((name) => /\.(xml|vot)(\.gz)?$/.test(name))
          .map((name) => join(DATA, name))
      : [];
    expect(files.length).toBeGreaterThan(10);
    const verdicts = pythonJsonLines<[string, string]>(ASTROPY_PARSE, files, { timeout: 120_000 });
    let strict = 0;
    let refused = 0;
    for (const [index, path] of files.entries()) {
      const [exception, ignore] = verdicts[index]!;
      const content = await readVotable(
        { path, size: statSync(path).size, gzip: path.endsWith('.gz') },
        DEFAULT_CONTENT_LIMITS,
      );
      const errors = content.problems.filter((problem) => ERRORS.has(problem.code));
      if (exception === 'ok') {
        strict++;
        expect(errors, `${path}: astropy reads it strictly`).toEqual([]);
      }
      if (ignore !== 'ok') {
        refused++;
        expect(errors.length, `${path}: astropy refuses it (${ignore})`).toBeGreaterThan(0);
      }
    }
    // The corpus holds both kinds, so neither half of the comparison is empty.
    expect(strict).toBeGreaterThanOrEqual(3);
    expect(refused).toBeGreaterThanOrEqual(2);
  });

  it("judges UCD strings as astropy's check_ucd does", () => {
    const ucds = [
      'pos.eq.ra;meta.main',
      'pos.eq.ra',
      'phot.flux;em.IR.J',
      'phot.mag;em.opt.V',
      'stat.error;phot.mag',
      'PHOT.MAG',
      'em.IR.J',
      'meta.main',
      'phot.mag;meta.code',
      'pos.eq.rah',
      'pos eq',
      'phot.mag;',
      ';phot.mag',
      '',
      'ivoa:phot.mag',
      'custom:my.word',
      'custom:my.word;meta.main',
      'a:b:c',
      'pos.eq.ra;pos.eq.dec',
      'time.epoch;obs.exposure',
      'src.class.starGalaxy',
      'arith.ratio',
      'arith.ratio;phot.flux',
      'phot.flux;arith.ratio',
      'meta.id;meta.main',
      'obs.field',
      'spect.dopplerVeloc.opt',
      'instr.filter',
      '_bad',
      'pos.eq.ra ',
      'pos.eq.ra;meta.main;meta.main',
    ];
    const expected = pythonJsonLines<boolean>(ASTROPY_UCD, [], {
      timeout: 120_000,
      input: JSON.stringify(ucds),
    });
    const ours = ucds.map((ucd) => checkUcd(ucd).ok);
    expect(Object.fromEntries(ucds.map((ucd, i) => [ucd, ours[i]]))).toEqual(
      Object.fromEntries(ucds.map((ucd, i) => [ucd, expected[i]])),
    );
    expect(expected.filter(Boolean).length).toBeGreaterThan(5);
    expect(expected.filter((valid) => !valid).length).toBeGreaterThan(5);
  });
});
