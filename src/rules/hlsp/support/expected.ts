import { isPlaceholderDoi } from '../../../naming/doi.js';
import { VERSION_PATTERN } from '../../../naming/fields.js';
import type { ParsedName } from '../../../naming/parse.js';
import type { ProjectSettings } from '../../../types.js';

/** Name elements that name no filter: a FILTER value is not implied by them. */
const NO_FILTER = new Set(['clear', 'none', 'multi', 'opaque', 'any', 'unknown', 'na']);

/** A single name element, upper case, or undefined when the field is absent, `multi` or has several. */
function single(field: string | undefined): string | undefined {
  if (!field || field.includes('-') || field.toLowerCase() === 'multi') return undefined;
  return field.toUpperCase();
}

/**
 * The value a keyword should have, where the file name or hlsp.config.json says it: hints then
 * name it ("add FILTER = 'F200W'") instead of leaving the person to work it out.
 */
export function impliedValue(
  keyword: string,
  parsed: Pick<ParsedName, 'fields'>,
  settings: ProjectSettings,
): string | undefined {
  const { fields } = parsed;
  switch (keyword) {
    case 'HLSPID':
      return (settings.project ?? fields.projId)?.toUpperCase();
    case 'HLSPVER': {
      const version = settings.version ?? fields.version;
      return version !== undefined && VERSION_PATTERN.test(version) ? version : undefined;
    }
    case 'HLSPLEAD':
      return settings.lead;
    case 'HLSPNAME':
      return settings.title;
    case 'DOI':
      return settings.doi !== undefined && !isPlaceholderDoi(settings.doi) ? settings.doi : undefined;
    case 'TELESCOP':
      return single(fields.observatory);
    case 'INSTRUME':
      // Instruments are often named with their channel (acs-wfc): the first element is the instrument.
      return fields.instrument && fields.instrument.toLowerCase() !== 'multi'
        ? fields.instrument.split('-')[0]!.toUpperCase()
        : undefined;
    case 'FILTER': {
      // `clear-f200w` implies F200W; several filters are MULTI with companions, which a hint cannot say in one value.
      const filters = (fields.optElem ?? '')
        .toLowerCase()
        .split('-')
        .filter((e) => e !== '' && !NO_FILTER.has(e));
      return filters.length === 1 ? filters[0]!.toUpperCase() : undefined;
    }
    default:
      return undefined;
  }
}

/** `KEYWORD = 'value'` as it is written in a header. */
export function assignment(keyword: string, value: string): string {
  return `${keyword} = '${value.replace(/'/g, "''")}'`;
}
