import { emptyFilingDraft, parseRosterCsv, stepProblems } from './filing-draft';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);

describe('filing draft helpers', () => {
  it('reads pasted roster lines: header skipped, Chinese commas and tabs, wrong column counts reported', () => {
    const { rows, skipped } = parseRosterCsv('\uFEFF姓名,手机号,身份证号\n张伟\t13800000001\t310115198805120018\n\n李娜，13800000002，31011519920318002x\n王芳,138');
    expect(rows).toEqual([
      { name: '张伟', phone: '13800000001', idNumber: '310115198805120018' },
      { name: '李娜', phone: '13800000002', idNumber: '31011519920318002X' },
    ]);
    expect(skipped).toEqual([{ line: 5, text: '王芳,138' }]);
  });

  it('refuses a roster with a duplicated ID number', () => {
    const row = { name: '张伟', phone: '13800000001', idNumber: '310115198805120018' };
    const draft = { ...emptyFilingDraft(), roster: [{ key: 1, ...row }, { key: 2, ...row, name: '张伟二' }] };
    expect(stepProblems(draft, 'roster')).toEqual(['第 2 名员工的身份证号与前面的重复']);
  });
});
