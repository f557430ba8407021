import { ROLES } from '../core/roles';
import { HOME_ENTRIES } from './home-entries';

describe('home entries', () => {
  it.each(ROLES)('gives the %s home at least one entry and a path for every built one', (role) => {
    const entries = HOME_ENTRIES[role];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries.filter((e) => e.built)) expect(entry.path).toMatch(/^\//);
  });

  it('offers a resident the four services of the product', () => {
    const titles = HOME_ENTRIES.resident.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['问题上报', '口罩预约', '随申码', '企业复工']));
  });
});
