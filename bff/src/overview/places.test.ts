import { overviewSchema, type Overview } from '@sqtb/shared';
import { ManualClock } from '../core/clock';
import { startTestApp, type TestApp } from '../../test/test-app';
import { PlacesKit } from '../places/places-test-kit';

/**
 * The overview's place figures: visits per Shanghai day over the last 7 days
 * by the committee of the place (refused ones apart), and the candidates of
 * the confirmed cases of the last 14 days awaiting a decision, each the same
 * as the list behind it.
 */
const RESIDENT_1 = '310115198805120018'; // 张伟, committee A
const RESIDENT_2 = '310115199203180026'; // 李娜, committee A
const RESIDENT_3 = '310115197601230042'; // 王芳, committee B

describe('place codes on the district overview', () => {
  let t: TestApp;
  let kit: PlacesKit;
  const clock = new ManualClock(new Date('2026-02-20T10:00:00+08:00'));
  const places: Record<string, { id: string; token: string }> = {};
  const cases: Record<string, string> = {};

  const scan = async (openid: string, place: string, when: string) => {
    clock.set(new Date(when));
    const response = await kit.scan(openid, places[place].token);
    if (response.status !== 200) throw new Error(`scan refused: ${response.status} ${response.text}`);
    return response.body;
  };
  const confirm = async (idNumber: string, date: string) => {
    expect((await kit.post('district-1', '/api/health/cases', { idNumber, status: 'confirmed', date })).status).toBe(201);
    const list = await kit.get('district-1', `/api/health/cases?idNumber=${idNumber}`);
    return list.body.items.find((c: { status: string; date: string }) => c.status === 'confirmed' && c.date === date).id as string;
  };
  const overview = async (openid = 'district-1') => {
    const response = await kit.get(openid, '/api/dashboard/overview');
    expect(response.status).toBe(200);
    return { body: overviewSchema.parse(response.body), commands: Number(response.headers.get('x-db-commands')) };
  };
  const row = (o: Overview, name: string) => o.places.byCommittee.find((r) => r.committeeName === name)!;

  beforeAll(async () => {
    t = await startTestApp({ DB_COMMAND_COUNT: 'true', LOG_LEVEL: 'error' }, { clock });
    kit = new PlacesKit(t);
    for (const [name, openid] of [['P1', 'pharmacy-1'], ['P3', 'pharmacy-3'], ['P6', 'pharmacy-6'], ['stationA', 'cadre-1']]) places[name] = await kit.place(openid);
    // 20 February: 王芳 and 李娜 at P3 (committee B); 王芳 is confirmed that day, too long ago to be counted now.
    await scan('resident-3', 'P3', '2026-02-20T10:00:00+08:00');
    await scan('resident-2', 'P3', '2026-02-20T10:20:00+08:00');
    cases.old = await confirm(RESIDENT_3, '2026-02-20');
    await scan('resident-2', 'P1', '2026-03-02T12:00:00+08:00'); // before the 7 days
    await scan('resident-3', 'P6', '2026-03-05T10:00:00+08:00'); // P6 is outside every committee's area; 王芳 red, refused
    // Tuesday 10 March.
    await scan('resident-1', 'P1', '2026-03-10T09:00:00+08:00');
    await scan('resident-1', 'P1', '2026-03-10T09:10:00+08:00'); // the same visit
    await scan('resident-2', 'P1', '2026-03-10T09:30:00+08:00');
    await scan('newcomer-x', 'P1', '2026-03-10T09:45:00+08:00'); // no ID number on record
    // 王芳 is still red (confirmed in February): refused, and counted apart.
    expect(await scan('resident-3', 'P3', '2026-03-10T10:05:00+08:00')).toMatchObject({ color: 'red', allowed: false });
    await scan('resident-2', 'stationA', '2026-03-10T11:00:00+08:00');
    clock.set(new Date('2026-03-10T12:00:00+08:00'));
    cases.recent = await confirm(RESIDENT_1, '2026-03-10');
  });
  afterAll(() => t.close());

  it('counts each day\'s visits by the committee of the place, refused ones apart, over the last 7 Shanghai days', async () => {
    const { body: o } = await overview();
    expect(o.places.days).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(o.places.byCommittee.map((r) => r.committeeId === null)).toEqual([false, false, false, false, true]);
    expect(row(o, '潍坊一村居委会').days.at(-1)).toEqual({ visits: 4, refused: 0 });
    expect(row(o, '潍坊四村居委会').total).toEqual({ visits: 1, refused: 1 });
    expect(o.places.byCommittee.at(-1)!.days[1]).toEqual({ visits: 1, refused: 1 });
    expect(o.places.byDay.map((d) => d.visits)).toEqual([0, 1, 0, 0, 0, 0, 5]);
    expect(o.places.total).toEqual({ visits: 6, refused: 2 });
    // A place's own day says the same: P1's three visits today, none flagged.
    const day = await kit.get('district-1', `/api/places/${places.P1.id}/visits?date=2026-03-10`);
    expect([day.body.total, day.body.flagged]).toEqual([3, 0]);
  });

  it('counts the candidates of the cases confirmed in the last 14 days awaiting a decision, as their list shows them', async () => {
    const { body: o } = await overview();
    const list = await kit.get('district-1', `/api/health/cases/${cases.recent}/contact-candidates`);
    expect(list.body.items.map((c: { nameMasked: string }) => c.nameMasked)).toHaveLength(2);
    expect(o.places.candidates).toEqual({ awaiting: 2, cases: 1 });
    expect([row(o, '潍坊一村居委会').candidatesAwaiting, row(o, '潍坊四村居委会').candidatesAwaiting]).toEqual([2, 0]);
    // The case of 20 February still has its candidate, but is older than the 14 days counted.
    expect((await kit.get('district-1', `/api/health/cases/${cases.old}/contact-candidates`)).body.items).toHaveLength(1);

    // 李娜 dismissed; the newcomer cannot be confirmed (no ID number to hold a status) and stays a candidate.
    expect((await kit.post('district-1', `/api/health/cases/${cases.recent}/contact-candidates/dismiss`, { userIds: [await kit.userId('resident-2')] })).body).toEqual({ decided: 1, skipped: 0, unidentified: 0 });
    expect((await kit.post('district-1', `/api/health/cases/${cases.recent}/contact-candidates/confirm`, { userIds: [await kit.userId('newcomer-x')] })).body).toEqual({ decided: 0, skipped: 0, unidentified: 1 });
    const after = (await overview()).body;
    expect(after.places.candidates).toEqual({ awaiting: 1, cases: 1 });
    expect(row(after, '潍坊一村居委会').candidatesAwaiting).toBe(1);
  });

  it('gives a cadre their committee\'s places only', async () => {
    const a = (await overview('cadre-1')).body.places;
    expect(a.byCommittee.map((r) => r.committeeName)).toEqual(['潍坊一村居委会']);
    expect([a.total, a.candidates]).toEqual([{ visits: 4, refused: 0 }, { awaiting: 1, cases: 1 }]);
    const b = (await overview('cadre-2')).body.places;
    expect([b.total, b.candidates]).toEqual([{ visits: 1, refused: 1 }, { awaiting: 0, cases: 0 }]);
  });

  it('exports the visits per committee and day as CSV', async () => {
    const csv = (await kit.get('district-1', '/api/dashboard/overview.csv?table=places')).text.replace(/^\ufeff/, '').trim().split('\n');
    expect(csv[0]).toBe('日期,居委,到访人次,其中非绿码,待决定密接候选');
    expect(csv).toContain('2026-03-10,潍坊一村居委会,4,0,');
    expect(csv).toContain('2026-03-10,合计,5,1,');
    expect(csv.at(-1)).toBe('近7日,合计,6,2,1');
  });

  it('reads as much for three recent cases as for one', async () => {
    const one = (await overview()).commands;
    await confirm(RESIDENT_2, '2026-03-10');
    await confirm(RESIDENT_3, '2026-03-10');
    const three = await overview();
    expect(three.body.places.candidates.cases).toBeGreaterThan(1);
    expect(three.commands).toBe(one);
  });
});
