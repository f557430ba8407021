import { ROLES } from '../core/roles';
import { HOME_ENTRIES } from './home-entries';

const entry = (role: keyof typeof HOME_ENTRIES, key: string) => HOME_ENTRIES[role].find((e) => e.key === key);

describe('home entries', () => {
  it.each(ROLES)('gives the %s home at least one entry and a path for every built one', (role) => {
    const entries = HOME_ENTRIES[role];
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries.filter((x) => x.built)) expect(e.path).toMatch(/^\//);
  });

  it('offers a resident the four services of the product', () => {
    const titles = HOME_ENTRIES.resident.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['问题上报', '口罩预约', '随申码', '企业复工']));
  });

  it('opens the complaint pages from every role that takes part in the loop', () => {
    expect(entry('resident', 'complaints')).toMatchObject({ built: true, path: '/complaints/pages/report/index' });
    expect(entry('resident', 'my-complaints')).toMatchObject({ built: true, path: '/complaints/pages/mine/index' });
    expect(entry('cadre', 'workbench')).toMatchObject({ built: true, path: '/complaints/pages/queue/index' });
    expect(entry('handler', 'tasks')).toMatchObject({ built: true, path: '/complaints/pages/tasks/index' });
    expect(entry('district', 'overview')).toMatchObject({ built: true, title: '投诉总览', path: '/complaints/pages/dashboard/index' });
  });

  it('gives every complaint role the in-app messages', () => {
    for (const role of ['resident', 'cadre', 'handler', 'district'] as const) {
      expect(entry(role, 'messages')).toMatchObject({ built: true, path: '/notifications/pages/messages/index' });
    }
  });

  it('opens the health code for a resident, the scanner for every role at a gate, and health management for the district', () => {
    expect(entry('resident', 'health-code')).toMatchObject({ built: true, title: '随申码', path: '/health-code/pages/code/index' });
    for (const role of ['cadre', 'district', 'pharmacy', 'enterprise'] as const) {
      expect(entry(role, 'health-scan')).toMatchObject({ built: true, title: '扫码验证', path: '/health-code/pages/scan/index' });
    }
    for (const role of ['resident', 'handler'] as const) expect(entry(role, 'health-scan')).toBeUndefined();
    expect(entry('district', 'health-manage')).toMatchObject({ built: true, title: '健康管理', path: '/health-code/pages/manage/index' });
    expect(entry('cadre', 'health-manage')).toBeUndefined();
  });

  it('opens mask reservation for a resident, code redemption for the pharmacy and the review queue for the cadre', () => {
    expect(entry('resident', 'masks')).toMatchObject({ built: true, title: '口罩预约', path: '/masks/pages/reserve/index' });
    expect(entry('pharmacy', 'redeem')).toMatchObject({ built: true, title: '核销取货码', path: '/masks/pages/redeem/index' });
    expect(entry('cadre', 'mask-review')).toMatchObject({ built: true, title: '预约与登记审核', path: '/masks/pages/review/index' });
  });

  it('opens resumption filing for the enterprise, and the filing queue for the cadre and the district', () => {
    expect(entry('enterprise', 'filings')).toMatchObject({ built: true, title: '复工备案', path: '/filings/pages/mine/index' });
    expect(entry('cadre', 'filing-review')).toMatchObject({ built: true, title: '复工备案审核', path: '/filings/pages/queue/index' });
    expect(entry('district', 'filing-overview')).toMatchObject({ built: true, title: '复工备案总览', path: '/filings/pages/queue/index' });
  });

  it('opens the place codes: scanning in, my visits and the resumption lookup for a resident, the poster and the visitors for enterprises and pharmacies', () => {
    expect(entry('resident', 'place-scan')).toMatchObject({ built: true, title: '扫场所码', path: '/places/pages/scan/index' });
    expect(entry('resident', 'my-visits')).toMatchObject({ built: true, title: '我的到访', path: '/places/pages/my-visits/index' });
    expect(entry('resident', 'filings')).toMatchObject({ built: true, title: '企业复工', path: '/places/pages/lookup/index' });
    for (const role of ['enterprise', 'pharmacy'] as const) {
      expect(entry(role, 'place-code')).toMatchObject({ built: true, title: '我的场所码', path: '/places/pages/poster/index' });
      expect(entry(role, 'place-visits')).toMatchObject({ built: true, title: '今日到访', path: '/places/pages/today/index' });
    }
    for (const role of ['cadre', 'handler', 'district'] as const) expect(entry(role, 'place-code')).toBeUndefined();
  });

  it('opens the overview of the four services for district staff (first) and cadres, and for no one else', () => {
    expect(HOME_ENTRIES.district[0]).toMatchObject({ key: 'services-overview', built: true, title: '综合总览', path: '/overview/pages/index/index' });
    expect(entry('cadre', 'services-overview')).toMatchObject({ built: true, title: '居委总览', path: '/overview/pages/index/index' });
    for (const role of ['resident', 'handler', 'pharmacy', 'enterprise'] as const) expect(entry(role, 'services-overview')).toBeUndefined();
  });

  it('keeps the capabilities without pages marked not built (none is left) and gives them no path', () => {
    const notBuilt = ROLES.flatMap((role) => HOME_ENTRIES[role].filter((e) => !e.built).map((e) => e.title));
    for (const done of ['随申码', '口罩预约', '核销取货码', '预约与登记审核', '复工备案', '复工备案审核', '复工备案总览', '企业复工']) expect(notBuilt).not.toContain(done);
    for (const role of ROLES) for (const e of HOME_ENTRIES[role].filter((x) => !x.built)) expect(e.path).toBeUndefined();
  });
});
