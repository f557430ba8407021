import { ID_NUMBER_WORDS, idNumberMessageWords, idNumberWords } from './id-number-words';

describe('the one wording of an ID number', () => {
  it('words each check a typed number fails, and nothing for a valid one', () => {
    expect(idNumberWords('310115198805120018')).toBeUndefined();
    expect(idNumberWords('310115198805120019')).toBe('身份证号校验位不正确，请核对最后一位');
    expect(idNumberWords('310115198813320018')).toBe('身份证号中的出生日期不正确');
    expect(idNumberWords('3101151988')).toBe('身份证号应为 18 位：17 位数字加 1 位数字或 X');
  });

  it("words the BFF's message of the same checks the same way", () => {
    expect(idNumberMessageWords('idNumber: The ID number has a wrong check character')).toBe(ID_NUMBER_WORDS.check);
    expect(idNumberMessageWords('phone: a mainland mobile number, 11 digits')).toBeUndefined();
  });
});
