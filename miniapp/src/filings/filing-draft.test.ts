import { emptyFilingDraft, parseRosterCsv, rosterRowProblems, stepProblems } from './filing-draft';

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

  it("words each field that fails the shared schema, naming the schema's limits, in form order", () => {
    const draft = { ...emptyFilingDraft(), reopenDate: '' };
    expect(stepProblems(draft, 'company')).toEqual([
      '请填写企业名称（2–100 字）',
      '统一社会信用代码应为 18 位（已填 0 位）',
      '请填写经营地址（4–120 字）',
      '请选择所属居委会',
      '请填写联系人',
      '联系人手机号应为 11 位',
      '请选择复工日期',
    ]);
    expect(stepProblems(draft, 'plan')).toEqual(['请填写防控方案（至少 20 字，已填 0 字）', '防疫物资储备天数应为 0–365 的整数', '请阅读并签署防控承诺']);
    expect(stepProblems(draft, 'roster')).toEqual(['请至少添加 1 名返岗员工']);
    expect(rosterRowProblems({ key: 1, name: '张'.repeat(31), phone: '123', idNumber: '310115198805120019' })).toEqual(['姓名最多 30 字', '手机号应为 11 位', '身份证号校验位不正确，请核对最后一位']);
  });
});
