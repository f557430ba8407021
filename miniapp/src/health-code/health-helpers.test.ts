import { importErrorInWords } from './case-words';
import { declarationBody, declarationProblems, emptyDeclaration } from './declaration-draft';
import { resolveBody } from './use-resolve-appeal';
import { refreshDelay } from './use-health-code';
import { countdownText, nextChangeText, reasonInWords } from './words';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);

const NOW = Date.parse('2026-03-10T01:00:00.000Z');
const inMs = (ms: number) => new Date(NOW + ms).toISOString();

describe('health code helpers', () => {
  it('fetches a new code a minute before the token expires, within 15 s and 4 min whatever the clock says', () => {
    expect(refreshDelay(inMs(300_000), NOW)).toBe(240_000);
    expect(refreshDelay(inMs(100_000), NOW)).toBe(40_000);
    expect(refreshDelay(inMs(10_000), NOW)).toBe(15_000); // phone clock ahead, or already stale: no fetch loop
    expect(refreshDelay(inMs(3_600_000), NOW)).toBe(240_000); // phone clock behind: still inside the 5 minutes
    expect(refreshDelay('not a date', NOW)).toBe(15_000);
  });

  it('puts symptom and region codes of the reasons into names, leaving unknown ones as they are', () => {
    const regions = new Map([['hubei-wuhan', '湖北省武汉市']]);
    expect(reasonInWords('最近一次申报有症状：fever、sore-throat、loss-of-smell', regions)).toBe('最近一次申报有症状：发热、咽痛、嗅觉减退');
    expect(reasonInWords('2026-03-05 到过中高风险地区（hubei-wuhan），14 天内为黄码', regions)).toBe('2026-03-05 到过中高风险地区（湖北省武汉市），14 天内为黄码');
    expect(reasonInWords('2026-03-05 到过中高风险地区（xizang-lhasa），14 天内为黄码', regions)).toBe('2026-03-05 到过中高风险地区（xizang-lhasa），14 天内为黄码');
  });

  it('words the day a yellow code turns green, and nothing for green or red', () => {
    expect(nextChangeText('yellow', '2026-03-19')).toBe('预计 3 月 19 日转绿');
    expect(nextChangeText('yellow')).toBeNull();
    expect(nextChangeText('green', '2026-03-19')).toBeNull();
  });

  it('counts down in minutes and seconds, never below zero', () => {
    expect(countdownText(300_000)).toBe('5:00');
    expect(countdownText(59_001)).toBe('1:00');
    expect(countdownText(9_000)).toBe('0:09');
    expect(countdownText(-5_000)).toBe('0:00');
  });

  it('checks a declaration and rounds the temperature to one decimal', () => {
    const draft = { ...emptyDeclaration(), temperature: ' 36.54 ', travel: [{ key: 1, region: 'hubei-wuhan', date: '2026-03-11' }] };
    expect(declarationProblems(draft, '2026-03-10')).toEqual(['第 1 段行程的日期不能晚于今天']);
    expect(declarationProblems({ ...draft, temperature: '33.9', travel: [] }, '2026-03-10')).toEqual(['体温应在 34–43℃ 之间']);
    expect(declarationBody({ ...draft, travel: [] })).toEqual({ temperature: 36.5, symptoms: [], travel: [], homeObservation: false });
  });

  it("words a refused CSV line's checks field by field, keeping what it does not know", () => {
    expect(importErrorInWords('idNumber: The ID number must be 18 characters: 17 digits and a digit or X')).toBe('身份证号应为 18 位：17 位数字加 1 位数字或 X');
    expect(importErrorInWords('date: cannot be in the future')).toBe('日期不能晚于今天');
    expect(importErrorInWords('note: Too big: expected string to have <=200 characters; idNumber: The ID number has no valid date of birth')).toBe('备注最多 200 字；身份证号中的出生日期不正确');
    expect(importErrorInWords('line: something new')).toBe('该行：something new');
  });

  it('builds an appeal resolution: an explanation needs a note, a correction also a status and a date', () => {
    expect(resolveBody({ outcome: 'explained', note: ' 情况属实 ', date: '2026-03-10' }, '2026-03-10')).toEqual({ ok: true, body: { outcome: 'explained', note: '情况属实' } });
    expect(resolveBody({ outcome: 'corrected', note: '核实更正', date: '2026-03-10' }, '2026-03-10')).toEqual({ ok: false, message: '请选择更正后的状态' });
    expect(resolveBody({ outcome: 'corrected', note: '核实更正', status: 'released', date: '2026-03-11' }, '2026-03-10')).toEqual({ ok: false, message: '请选择不晚于今天的日期' });
    expect(resolveBody({ note: '核实', date: '2026-03-10' }, '2026-03-10')).toEqual({ ok: false, message: '请选择处理方式' });
  });
});
