/** A file name split into the HLSP template's fields. No judgement here: rules judge. */
export interface ParsedName {
  name: string;
  /** Underscore-separated parts, the last one still carrying the extension. */
  parts: string[];
  /** Product type: the last part before its first `.`. */
  productType: string;
  /** Everything after the first `.` of the last part (`fits`, `fits.gz`), or '' when none. */
  extension: string;
  /** Named fields when the name has the full 8-part form, or the fields that can be placed. */
  fields: {
    hlsp?: string;
    projId?: string;
    observatory?: string;
    instrument?: string;
    target?: string;
    optElem?: string;
    version?: string;
  };
}

export function parseName(name: string): ParsedName {
  const parts = name.split('_');
  const last = parts[parts.length - 1] ?? '';
  const dot = last.indexOf('.');
  const productType = dot < 0 ? last : last.slice(0, dot);
  const extension = dot < 0 ? '' : last.slice(dot + 1);
  const fields: ParsedName['fields'] = { hlsp: parts[0], projId: parts[1] };
  if (parts.length === 8) {
    [, , fields.observatory, fields.instrument, fields.target, fields.optElem, fields.version] = parts;
  } else if (parts.length >= 4) {
    fields.version = parts[parts.length - 2];
  }
  return { name, parts, productType, extension, fields };
}
