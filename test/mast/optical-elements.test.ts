import { describe, expect, it } from 'vitest';
import { missionOpticalElements } from '../../src/mast/optical-elements.js';
import { recordedDatasets } from '../support/fake-mast.js';

describe('missionOpticalElements', () => {
  it('makes MIRI MRS channel and band into the element products name (CH3-LONG)', () => {
    const record = recordedDatasets().find((row) => row.fileSetName === 'jw01039-o004_t001_miri')!;
    expect(record).toMatchObject({ channel: '3', band: 'LONG', filter: null });
    expect(missionOpticalElements(record)).toEqual(['CH3-LONG']);
    expect(missionOpticalElements({ channel: '34', band: 'SHORT' })).toEqual(['CH3-SHORT', 'CH4-SHORT']);
    expect(missionOpticalElements({ channel: '1', band: 'MULTIPLE' })).toEqual([]);
  });

  it('collects filter, pupil, grating and opticalElements, without placeholders', () => {
    expect(
      missionOpticalElements({
        opticalElements: 'F170LP;G235M',
        filter: 'F170LP',
        grating: 'g235m',
        pupil: 'N/A',
      }),
    ).toEqual(['F170LP', 'G235M']);
    expect(missionOpticalElements({ filter: null, pupil: '', channel: null, band: null })).toEqual([]);
  });
});
