import { requireColumns } from './support/columns.js';

export const spectrumColumns = requireColumns(
  'hlsp/spectrum-columns',
  'spectrum',
  ['WAVELENGTH', 'FLUX'],
  'Spectra stored as tables have WAVELENGTH and FLUX columns.',
);
