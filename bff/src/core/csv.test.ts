import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../../test/test-app';
import { dashboardCsv } from '../complaints/dashboard-csv';
import { neutraliseCell, shanghaiDateTime, writeCsv } from './csv';

/** What a spreadsheet program would read from the CSV: rows of cells, BOM removed. */
const cells = (csv: string) => parse(csv.replace(/^\ufeff/, '')) as string[][];

describe('the one CSV writer', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const hostile = ['=HYPERLINK("http://evil.example","点击")', '+1+2', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    const [row] = cells(writeCsv([hostile]));
    expect(row).toEqual(hostile.map((v) => `'${v}`));
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves ordinary text, numbers and negative numbers as they are', () => {
    expect(neutraliseCell('潍坊路 400 号')).toBe('潍坊路 400 号');
    expect(neutraliseCell('a=b')).toBe('a=b');
    const [row] = cells(writeCsv([['已受理', 12, -3, 0.5, '', null, undefined]]));
    expect(row).toEqual(['已受理', '12', '-3', '0.5', '', '', '']);
  });

  it('keeps commas, quotes and line breaks inside their cell', () => {
    const [row] = cells(writeCsv([['a,b', 'say "hi"', '第一行\n第二行']]));
    expect(row).toEqual(['a,b', 'say "hi"', '第一行\n第二行']);
  });

  it('writes times in Shanghai time and starts with a BOM', () => {
    const csv = writeCsv([[new Date('2026-11-03T16:30:00Z')]]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(cells(csv)).toEqual([['2026-11-04 00:30']]);
    expect(shanghaiDateTime('2026-03-02T01:00:00.000Z')).toBe('2026-03-02 09:00');
  });

  it('gives the complaint dashboard its statuses in Chinese and neutralises names', () => {
    const row = { streetName: '=潍坊街道', committeeName: '@居委', total: 1, byStatus: { submitted: 1, accepted: 0, rejected: 0, dispatched: 0, resolved: 0, closed: 0, archived: 0 }, overdueNow: 0, onTimeRate: null, satisfactionRate: 1, reopenRate: 0, medianHoursToDispatch: null };
    const [head, body] = cells(dashboardCsv([row as never]));
    expect(head).toEqual(['街镇', '居委', '总数', '待受理', '已受理', '不予受理', '处置中', '待评价', '已结案', '已归档', '当前超期', '按时办结率', '满意率', '重办率', '派单中位时长(小时)']);
    expect(head.join('')).not.toMatch(/[a-z]/);
    expect(body.slice(0, 2)).toEqual(["'=潍坊街道", "'@居委"]);
  });
});

describe('the complaint dashboard CSV, through HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'silent' });
  });
  afterAll(() => t.close());

  it('opens with Chinese headings and no English status codes', async () => {
    const response = await t.request('GET', '/api/dashboard/complaints.csv', { token: await t.login('district-1') });
    expect(response.status).toBe(200);
    const [head] = cells(response.text);
    expect(head).toContain('待受理');
    expect(response.text).not.toMatch(/submitted|dispatched|archived/);
  });
});
