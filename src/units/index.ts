/** Unit strings per FITS Standard 4.0 §4.3 and IVOA VOUnits 1.0; see parse.ts for the grammar and API. */
export {
  type DeprecatedSymbol,
  type Exponent,
  MAX_NESTING,
  type ParsedUnit,
  type ParseUnitOptions,
  parseUnit,
  type UnitDialect,
  type UnitFunctionNode,
  type UnitNode,
  type UnitParseFailure,
  type UnitParseResult,
  type UnitParseSuccess,
  type UnitPowerNode,
  type UnitProductNode,
  type UnitScale,
  type UnitSymbolNode,
  withStandardSpellings,
} from './parse.js';
export {
  COMMON_MISSPELLINGS,
  FUNCTIONS,
  lookUpSymbol,
  type SymbolInfo,
  type SymbolStatus,
} from './symbols.js';
