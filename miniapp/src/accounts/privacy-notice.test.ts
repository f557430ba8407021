import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WHO_SEES } from './privacy-notice';

/**
 * The privacy notice residents read follows the README's "Personal data: who
 * sees what" table row for row: a kind of personal data added there without a
 * line here fails this test.
 */
const NOTICE_LINE_FOR_ROW: ReadonlyArray<[readmeRowStart: string, noticeWhat: string]> = [
  ['Resident ID numbers', '身份证号'],
  ['Phone numbers (registration, filings)', '手机号'],
  ['Names of reporters on complaints', '上报人姓名'],
  ['Health code token', '随申码'],
  ["A resident's current health code", '随申码当前状态'],
  ['Place visits', '场所到访记录'],
  ["Phone number from WeChat's `getPhoneNumber`", '电话（一键获取）'],
  ["Street shops' contact phones", '商户联系电话'],
  ['WeChat session key', '微信登录信息'],
  ['Computers signed in by QR code', '电脑扫码登录'],
];

function personalDataRows(): string[] {
  const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const start = readme.indexOf('## Personal data: who sees what');
  const table = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Data ') && !line.startsWith('| ---'))
    .map((line) => line.split('|')[1].trim());
}

describe('the privacy notice', () => {
  it('has a line for every row of the README table of personal data', () => {
    const rows = personalDataRows();
    expect(rows.length).toBeGreaterThanOrEqual(9);
    const notice = new Set(WHO_SEES.map((line) => line.what));
    for (const row of rows) {
      const match = NOTICE_LINE_FOR_ROW.find(([start]) => row.startsWith(start));
      expect([row, match ? notice.has(match[1]) : 'no notice line named for this row']).toEqual([row, true]);
    }
  });
});
