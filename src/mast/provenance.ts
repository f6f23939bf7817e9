import { memoize } from '../util/memo.js';

/**
 * JWST identifiers found in HLSP provenance (FILEIDnn, PROVENANCE rows, HDRTAB rows), normalised
 * to the CAOM obs_id that MAST's Mast.Caom.Filtered service can look up.
 */
export interface SourceId {
  /** As written in the product. */
  raw: string;
  /** CAOM obs_id to query (lower case). */
  obsId: string;
  /** Programs (unpadded) the id belongs to; several for multi-program products. */
  programs: string[];
  /**
   * The dataset in MAST's JWST Mission Search (`fileSetName`): an exposure without its segment and
   * detector (jw02736001001_02105_00001), or a source product without its optical elements
   * (jw02736-o001_t001_nircam).
   */
  fileSetName: string;
  level: 'exposure' | 'source';
}

/** jw<ppppp><ooo><vvv>_<gg><s><aa>_<eeeee>[-segNNN]_<detector>[_<type>][.fits] */
const EXPOSURE =
  /^jw([0-9]{5})([0-9]{3})([0-9]{3})_([0-9]{2})([0-9])([0-9a-z]{2})_([0-9]{5})(?:-seg([0-9]{3}))?(?:_([a-z0-9]+))?(?:_([a-z0-9]+))?(?:\.fits)?$/;
/** jw<ppppp>-<o###|c1###|a3###>_<t###|s#########|...>_<instr>_<optelems>[-subarray][_<type>][.fits], also multi-program. */
const SOURCE =
  /^((?:jw[0-9]{5})+)-((?:o[0-9]{3}|c[0-9]{4}|a[0-9]{4})+)_([a-z0-9-]+)_([a-z]+)_([a-z0-9-]+?)(?:_([a-z0-9]+))?(?:_([a-z0-9]+))?(?:\.fits)?$/;
const PRODUCT_SUFFIX =
  /^(uncal|rate|rateints|cal|calints|crf|crfints|i2d|s2d|s3d|x1d|x1dints|c1d|cat|segm|psfstack|psfsub|ami|aminorm|whtlt|phot|trapsfilled|dark|ramp|asn)$/;

function unpad(program: string): string {
  return String(Number(program));
}

/**
 * Parses one provenance string; undefined when it is not a JWST identifier. Products of a collection
 * name the same sources again and again, so results are remembered; they are shared: do not change them.
 */
export const parseSourceId = memoize(parseSourceIdOnce);

function parseSourceIdOnce(text: string): SourceId | undefined {
  const raw = text.trim();
  const name = raw.toLowerCase().replace(/^mast:jwst\/product\//, '');
  const exposure = EXPOSURE.exec(name);
  if (exposure) {
    const [, program, observation, visit, group, sequence, activity, number, segment, detector, type] =
      exposure;
    // A trailing part that is a product suffix (cal, rate…) is not part of the obs_id.
    let obsId = `jw${program}${observation}${visit}_${group}${sequence}${activity}_${number}${segment ? `-seg${segment}` : ''}`;
    if (detector && !PRODUCT_SUFFIX.test(detector)) obsId += `_${detector}`;
    if (type && !PRODUCT_SUFFIX.test(type)) obsId += `_${type}`;
    const fileSetName = `jw${program}${observation}${visit}_${group}${sequence}${activity}_${number}`;
    return { raw, obsId, programs: [unpad(program!)], fileSetName, level: 'exposure' };
  }
  const source = SOURCE.exec(name);
  if (source) {
    const [, programs, association, target, instrument, elements, type] = source;
    let obsId = `${programs}-${association}_${target}_${instrument}_${elements}`;
    if (type && !PRODUCT_SUFFIX.test(type)) obsId += `_${type}`;
    const list = [...programs!.matchAll(/jw([0-9]{5})/g)].map((m) => unpad(m[1]!));
    const fileSetName = `${programs}-${association}_${target}_${instrument}`;
    return { raw, obsId, programs: list, fileSetName, level: 'source' };
  }
  return undefined;
}

/** A PROPOSID value as an unpadded JWST program number, or undefined when it is not one. */
export function parseProgram(value: unknown): string | undefined {
  const text = String(value ?? '')
    .trim()
    .replace(/^jw/i, '');
  return /^[0-9]{1,5}$/.test(text) ? unpad(text) : undefined;
}
