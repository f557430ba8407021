import { org } from '../test-support/fixtures';
import { describeScope } from './scope-names';

describe('scope names', () => {
  it("names a user's committee and the street it belongs to", () => {
    expect(describeScope({ committeeId: 'c-1' }, org)).toEqual([
      { label: '街道', name: '田林街道' },
      { label: '居委会', name: '田林一村居委会' },
    ]);
  });

  it('names a handling unit', () => {
    expect(describeScope({ unitId: 'unit-1' }, org)).toEqual([{ label: '处置部门', name: '城管中队' }]);
  });

  it('shows an id it cannot find instead of hiding it', () => {
    expect(describeScope({ pharmacyId: 'p-9' }, org)).toEqual([{ label: '药店', name: '未找到（p-9）' }]);
  });

  it('says nothing for an empty scope', () => {
    expect(describeScope({}, org)).toEqual([]);
  });
});
