import { creditCodeCheckChar, creditCodeProblem, maskCreditCode } from './credit-code';

describe('unified social credit codes (GB 32100)', () => {
  it('accepts a published example', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeUndefined();
  });
  it('computes the check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it.each([
    ['91350100M000100Y44', /check character/],
    ['91350100M000100Y4', /18 characters/],
    ['91350100M00O100Y43', /may not contain "O"/],
  ])('refuses %s', (code, problem) => {
    expect(creditCodeProblem(code)).toMatch(problem);
  });
  it('masks the middle', () => {
    expect(maskCreditCode('91350100M000100Y43')).toBe('913501********0Y43');
  });
});
