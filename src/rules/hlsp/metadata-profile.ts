import type { ContentRule } from '../../types.js';
import { chooseMetadataProfiles, metadataProfileFindings } from './support/profiles.js';

export const metadataProfile: ContentRule = {
  meta: {
    id: 'hlsp/metadata-profile',
    description:
      "A table's or tree's metadata (ECSV meta, Parquet key-value metadata, ASDF tree, VOTable PARAMs, as FITS keyword names) holds what its product type's keyword profiles ask for: required → error, recommended → warning, suggested → info; a wrong type or a value outside the profile's constraints → error.",
    severity: 'error',
    scope: 'content',
    formats: ['ecsv', 'parquet', 'asdf', 'votable'],
    rationale:
      "MAST asks for the HLSP metadata inside every product, not only in FITS headers. A table has one metadata block, so it holds what a FITS file spreads over its primary and table headers, and placement does not apply. The profiles are FITS's (schemas/keywords/*.json), chosen the same way: from the config, else from the product type in the name. A format whose reader gives no metadata block is not judged here.",
    source: 'MAST HLSP Contributor Guide metadata pages; schemas/keywords/*.json',
  },
  check(context, report) {
    const { metadata } = context.content;
    if (!metadata) return;
    for (const finding of metadataProfileFindings(
      metadata,
      chooseMetadataProfiles(context),
      undefined,
      context,
    ))
      report(finding);
  },
};
