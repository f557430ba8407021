import { maskIdNumber, maskName, maskPhone } from './privacy';

describe('masks', () => {
  it('keeps only the family name', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName('李')).toBe('*');
  });
  it('shows an ID number as its first 4 and last 4 characters', () => {
    expect(maskIdNumber('31011519900307123X')).toBe('3101**********123X');
  });
  it('shows a phone as its first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
