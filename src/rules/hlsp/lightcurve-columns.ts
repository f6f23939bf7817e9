import { requireColumns } from './support/columns.js';

export const lightcurveColumns = requireColumns(
  'hlsp/lightcurve-columns',
  'lightcurve',
  ['TIME', 'FLUX'],
  'Light-curve tables have TIME and FLUX columns.',
);
