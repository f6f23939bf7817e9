import type { FitsRule, RuleMeta, RuleSet } from '../types.js';
import { bomb } from './archive/bomb.js';
import { duplicateMember } from './archive/duplicate-member.js';
import { encryptedMember } from './archive/encrypted-member.js';
import { linkMember } from './archive/link-member.js';
import { nested } from './archive/nested.js';
import { archiveReadable } from './archive/readable.js';
import { unsafeMember } from './archive/unsafe-member.js';
import { asdfBlock } from './asdf/block.js';
import { asdfBlockIndex } from './asdf/block-index.js';
import { asdfChecksum } from './asdf/checksum.js';
import { asdfHeader } from './asdf/header.js';
import { asdfNdarray } from './asdf/ndarray.js';
import { asdfTree } from './asdf/tree.js';
import { consistentMetadata } from './collection/consistent-metadata.js';
import { directoryNames } from './collection/directory-names.js';
import { manifest } from './collection/manifest.js';
import { orphanPreview } from './collection/orphan-preview.js';
import { readme } from './collection/readme.js';
import { skippedEntry } from './collection/skipped-entry.js';
import { strayFile } from './collection/stray-file.js';
import { uniqueNames } from './collection/unique-names.js';
import { csvColumns } from './csv/columns.js';
import { csvNoMetadata } from './csv/no-metadata.js';
import { csvNumbers } from './csv/numbers.js';
import { csvReadable } from './csv/readable.js';
import { ecsvDatatype } from './ecsv/datatype.js';
import { ecsvHeader } from './ecsv/header.js';
import { ecsvReadable } from './ecsv/readable.js';
import { ecsvUnits } from './ecsv/units.js';
import { ecsvValues } from './ecsv/values.js';
import { changedDuringCheck } from './file/changed-during-check.js';
import { cardCharacters } from './fits/card-characters.js';
import { checksum } from './fits/checksum.js';
import { dataFill } from './fits/data-fill.js';
import { dateFormat } from './fits/date-format.js';
import { duplicateKeyword } from './fits/duplicate-keyword.js';
import { endCard } from './fits/end-card.js';
import { fileReadable } from './fits/file-readable.js';
import { heap } from './fits/heap.js';
import { mandatoryKeywords } from './fits/mandatory-keywords.js';
import { reservedKeywords } from './fits/reserved-keywords.js';
import { tableColumns } from './fits/table-columns.js';
import { tileCompression } from './fits/tile-compression.js';
import { tileData } from './fits/tile-data.js';
import { trailingBytes } from './fits/trailing-bytes.js';
import { truncated } from './fits/truncated.js';
import { units } from './fits/units.js';
import { valueSyntax } from './fits/value-syntax.js';
import { wcsKeywords } from './fits/wcs-keywords.js';
import { emptyFile } from './format/empty-file.js';
import { extensionMismatch } from './format/extension-mismatch.js';
import { notChecked } from './format/not-checked.js';
import { truncated as formatTruncated } from './format/truncated.js';
import { catalogCoordinates } from './hlsp/catalog-coordinates.js';
import { columnUcds } from './hlsp/column-ucds.js';
import { columnUnits } from './hlsp/column-units.js';
import { dateRange } from './hlsp/date-range.js';
import { doiPlaceholder } from './hlsp/doi-placeholder.js';
import { keywordPlacement } from './hlsp/keyword-placement.js';
import { keywordRequired } from './hlsp/keyword-required.js';
import { keywordSpelling } from './hlsp/keyword-spelling.js';
import { keywordType } from './hlsp/keyword-type.js';
import { keywordValue } from './hlsp/keyword-value.js';
import { lightcurveColumns } from './hlsp/lightcurve-columns.js';
import { metadataProfile } from './hlsp/metadata-profile.js';
import { multiCompanions } from './hlsp/multi-companions.js';
import { nameHeaderMatch } from './hlsp/name-header-match.js';
import { provenance } from './hlsp/provenance.js';
import { simulated } from './hlsp/simulated.js';
import { spectrumColumns } from './hlsp/spectrum-columns.js';
import { readStop } from './hlsp/support/causes.js';
import { timesys } from './hlsp/timesys.js';
import { wcsCdPc } from './hlsp/wcs-cd-pc.js';
import { wcsEquinoxIcrs } from './hlsp/wcs-equinox-icrs.js';
import { wcsPlacement } from './hlsp/wcs-placement.js';
import { wcsUnits } from './hlsp/wcs-units.js';
import { imageChunkCrc } from './image/chunk-crc.js';
import { imageDimensions } from './image/dimensions.js';
import { imagePixelData } from './image/pixel-data.js';
import { imageStructure } from './image/structure.js';
import { ruleCrashed } from './internal/rule-crashed.js';
import { calibrationSource } from './mast/calibration-source.js';
import { calibrationVersion } from './mast/calibration-version.js';
import { dateCoverage } from './mast/date-coverage.js';
import { exclusiveAccess } from './mast/exclusive-access.js';
import { filterMatch } from './mast/filter-match.js';
import { footprintOverlap } from './mast/footprint-overlap.js';
import { instrumentMatch } from './mast/instrument-match.js';
import { observationExecuted } from './mast/observation-executed.js';
import { observationExists } from './mast/observation-exists.js';
import { programExists } from './mast/program-exists.js';
import { characters } from './name/characters.js';
import { extension } from './name/extension.js';
import { fieldCount } from './name/field-count.js';
import { fieldLength } from './name/field-length.js';
import { hlspPrefix } from './name/hlsp-prefix.js';
import { instrument } from './name/instrument.js';
import { observatory } from './name/observatory.js';
import { opticalElement } from './name/optical-element.js';
import { productType } from './name/product-type.js';
import { projectId } from './name/project-id.js';
import { target } from './name/target.js';
import { totalLength } from './name/total-length.js';
import { version } from './name/version.js';
import { parquetColumnUnits } from './parquet/column-units.js';
import { parquetFooter } from './parquet/footer.js';
import { parquetOffsets } from './parquet/offsets.js';
import { parquetPageData } from './parquet/page-data.js';
import { parquetRowCount } from './parquet/row-count.js';
import { parquetSchema } from './parquet/schema.js';
import { parquetStatistics } from './parquet/statistics.js';
import { parquetTableMeta } from './parquet/table-meta.js';
import { votableRowLength } from './votable/row-length.js';
import { votableSerialization } from './votable/serialization.js';
import { votableStructure } from './votable/structure.js';
import { votableUnits } from './votable/units.js';
import { votableValues } from './votable/values.js';
import { votableWellFormed } from './votable/well-formed.js';

/**
 * What a rule says about an HDU whose header the reader could not read whole (or did not reach)
 * follows from fits/file-readable or fits/truncated: it is folded under that finding.
 */
function afterReadStop(rule: FitsRule): FitsRule {
  return {
    meta: rule.meta,
    check(context, report) {
      const stop = readStop(context.fits);
      if (!stop) return rule.check(context, report);
      rule.check(context, (finding) =>
        report(
          finding.causedBy ||
            finding.hdu === undefined ||
            finding.hdu === null ||
            finding.hdu < stop.firstUnread
            ? finding
            : { ...finding, causedBy: stop.cause },
        ),
      );
    },
  };
}

/**
 * The built-in rules, by what they read. Each lives in `src/rules/<group>/<name>.ts` under its id
 * `<group>/<name>`; the order here is the order in which they run on a file.
 */
export const builtinRules: RuleSet = {
  name: [
    hlspPrefix,
    fieldCount,
    characters,
    fieldLength,
    totalLength,
    projectId,
    version,
    target,
    observatory,
    instrument,
    opticalElement,
    productType,
    extension,
  ],
  file: [
    extensionMismatch,
    formatTruncated,
    emptyFile,
    notChecked,
    archiveReadable,
    unsafeMember,
    duplicateMember,
    encryptedMember,
    linkMember,
    bomb,
    nested,
    changedDuringCheck,
  ],
  fits: [
    fileReadable,
    truncated,
    ...[
      trailingBytes,
      endCard,
      dataFill,
      cardCharacters,
      valueSyntax,
      mandatoryKeywords,
      duplicateKeyword,
      reservedKeywords,
      tableColumns,
      heap,
      tileCompression,
      tileData,
      checksum,
      dateFormat,
      wcsKeywords,
      units,
      keywordRequired,
      keywordType,
      keywordValue,
      keywordPlacement,
      dateRange,
      timesys,
      wcsEquinoxIcrs,
      wcsCdPc,
      wcsUnits,
      wcsPlacement,
      multiCompanions,
      provenance,
      simulated,
      columnUnits,
      catalogCoordinates,
      lightcurveColumns,
      spectrumColumns,
      keywordSpelling,
      doiPlaceholder,
      nameHeaderMatch,
    ].map(afterReadStop),
  ],
  content: [
    imageStructure,
    imageChunkCrc,
    imagePixelData,
    imageDimensions,
    parquetFooter,
    parquetSchema,
    parquetOffsets,
    parquetPageData,
    parquetRowCount,
    parquetStatistics,
    parquetTableMeta,
    parquetColumnUnits,
    ecsvReadable,
    ecsvHeader,
    ecsvDatatype,
    ecsvValues,
    ecsvUnits,
    votableWellFormed,
    votableStructure,
    votableRowLength,
    votableValues,
    votableUnits,
    votableSerialization,
    metadataProfile,
    columnUcds,
    csvReadable,
    csvColumns,
    csvNumbers,
    csvNoMetadata,
    asdfHeader,
    asdfTree,
    asdfBlock,
    asdfChecksum,
    asdfBlockIndex,
    asdfNdarray,
  ],
  collection: [
    readme,
    uniqueNames,
    directoryNames,
    strayFile,
    skippedEntry,
    manifest,
    consistentMetadata,
    ruleCrashed,
    orphanPreview,
  ],
  mast: [
    observationExists,
    observationExecuted,
    programExists,
    instrumentMatch,
    filterMatch,
    dateCoverage,
    footprintOverlap,
    exclusiveAccess,
    calibrationVersion,
    calibrationSource,
  ],
};

/** Metadata of every rule of a set, sorted by id. */
export function ruleMetaOf(rules: RuleSet): RuleMeta[] {
  return [...rules.name, ...rules.file, ...rules.fits, ...rules.content, ...rules.collection, ...rules.mast]
    .map((rule) => rule.meta)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Metadata of every built-in rule, sorted by id. */
export const allRuleMeta: RuleMeta[] = ruleMetaOf(builtinRules);
