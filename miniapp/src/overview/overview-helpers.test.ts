import { areaRows, complaintTiles, overdueFor, overdueStep, weekLabel } from './figures';
import { appealsLink, complaintListLink, filingListLink, maskReviewLink, streetOverviewLink } from './links';
import { COMMITTEE_A, overviewFixture, STREET_W } from './overview-fixture';

const district = { level: 'district' as const, id: null, name: '浦东新区' };
const street = { level: 'street' as const, id: STREET_W, name: '潍坊新村街道' };
const committee = { level: 'committee' as const, id: COMMITTEE_A, name: '潍坊一村居委会' };

describe('where the overview links', () => {
  it('complaints: by status, overdue and committee; the committee named for the list page', () => {
    expect(complaintListLink(district)).toBe('/complaints/pages/queue/index');
    expect(complaintListLink(district, { overdue: true })).toBe('/complaints/pages/queue/index?overdue=true');
    expect(complaintListLink(district, { closed: true, committeeId: 'c1', committeeName: '一村', receivedFrom: '2026-01-12' })).toBe(`/complaints/pages/queue/index?closed=true&committeeId=c1&committeeName=${encodeURIComponent('一村')}&receivedFrom=2026-01-12`);
    expect(complaintListLink(district, { receivedFrom: '2026-03-02', receivedTo: '2026-03-08' })).toBe('/complaints/pages/queue/index?receivedFrom=2026-03-02&receivedTo=2026-03-08');
    expect(complaintListLink(committee, { overdue: true })).toBe(`/complaints/pages/queue/index?overdue=true&committeeId=${COMMITTEE_A}&committeeName=${encodeURIComponent('潍坊一村居委会')}`);
  });

  it('complaints: a street by its id; matters outside every committee on the district list only', () => {
    const named = `streetId=${STREET_W}&streetName=${encodeURIComponent('潍坊新村街道')}`;
    expect(complaintListLink(street)).toBe(`/complaints/pages/queue/index?${named}`);
    expect(complaintListLink(street, { overdue: true })).toBe(`/complaints/pages/queue/index?overdue=true&${named}`);
    expect(complaintListLink(district, { streetId: 's1', streetName: '街' })).toBe(`/complaints/pages/queue/index?streetId=s1&streetName=${encodeURIComponent('街')}`);
    expect(complaintListLink(district, { committeeId: null, receivedFrom: '2026-01-12' })).toBe('/complaints/pages/queue/index?outside=true&receivedFrom=2026-01-12');
    expect(complaintListLink(district, { streetId: null, overdue: true })).toBe('/complaints/pages/queue/index?outside=true&overdue=true');
    expect(complaintListLink(street, { committeeId: null })).toBeNull();
    expect(complaintListLink(street, { committeeId: 'c1', committeeName: '一村' })).toBe(`/complaints/pages/queue/index?committeeId=c1&committeeName=${encodeURIComponent('一村')}`);
  });

  it('filings: by status and street; not for district staff looking at one committee (the queue has no committee filter)', () => {
    expect(filingListLink(district, 'district', 'returned')).toBe('/filings/pages/queue/index?status=returned');
    expect(filingListLink(street, 'district', 'all')).toBe(`/filings/pages/queue/index?status=all&streetId=${STREET_W}`);
    expect(filingListLink(committee, 'district', 'approved')).toBeNull();
    expect(filingListLink(committee, 'cadre', 'approved')).toBe('/filings/pages/queue/index?status=approved');
  });

  it('reviews, appeals and streets go where the viewer may go', () => {
    expect(maskReviewLink('reservations')).toBe('/masks/pages/review/index?tab=reservations');
    expect(appealsLink('district')).toBe('/health-code/pages/manage/index?tab=appeals');
    expect(appealsLink('cadre')).toBeNull();
    expect(streetOverviewLink('district', 's1')).toBe('/overview/pages/index/index?streetId=s1');
    expect(streetOverviewLink('district', null)).toBeNull();
    expect(streetOverviewLink('cadre', 's1')).toBeNull();
  });
});

describe('the overview in words', () => {
  it('names a week by its Monday and an overdue matter by the step it waits on', () => {
    expect(weekLabel('2026-03-02')).toBe('3/2');
    expect(overdueStep({ status: 'submitted' })).toBe('超期未受理');
    expect(overdueStep({ status: 'accepted' })).toBe('超期未派单');
    expect(overdueStep({ status: 'dispatched' })).toBe('超期未办结');
    expect(overdueStep({ status: 'resolved' })).toBe('已超期');
  });

  it('says how long past due in hours, then in days', () => {
    expect(overdueFor(3.46)).toBe('超期 3.5 小时');
    expect(overdueFor(30.4)).toBe('超期 30 小时');
    expect(overdueFor(88)).toBe('超期 3.7 天');
  });

  it('gives the district tiles their counts and lists', () => {
    const tiles = complaintTiles(overviewFixture());
    expect(tiles.map((t) => [t.label, t.value])).toEqual([
      ['收到反映', '46'],
      ['已结案', '32'],
      ['当前超期', '3'],
      ['按时办结率', '94%'],
      ['满意率', '94%'],
      ['重办率', '3%'],
      ['派单用时（中位）', '2.5 小时'],
      ['办结用时（中位）', '31 小时'],
    ]);
    expect(tiles.find((t) => t.key === 'reopen')?.detail).toBe('1/32 件');
  });

  it('leads a committee row to its list, the row outside every committee to the district list of such matters, a street row to its overview', () => {
    const o = overviewFixture();
    const committees = areaRows(o, 'committees', 'district');
    expect(committees.map((r) => r.name)).toEqual(['潍坊一村居委会', '潍坊四村居委会', '辖区外']);
    expect(committees[2]).toMatchObject({
      received: '/complaints/pages/queue/index?outside=true&receivedFrom=2026-01-12',
      closed: '/complaints/pages/queue/index?outside=true&closed=true&receivedFrom=2026-01-12',
      overdue: '/complaints/pages/queue/index?outside=true&overdue=true',
    });
    const streets = areaRows(o, 'streets', 'district');
    expect(streets.map((r) => [r.name, r.link])).toEqual([
      ['陆家嘴街道', '/overview/pages/index/index?streetId=64b0000000000000000000b2'],
      ['潍坊新村街道', `/overview/pages/index/index?streetId=${STREET_W}`],
      ['辖区外', null],
    ]);
  });
});
