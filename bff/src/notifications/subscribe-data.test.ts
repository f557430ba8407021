import fc from 'fast-check';
import { keywordValueValid } from '@sqtb/mock';
import { fitKeyword, KEYWORD_TYPES, parseTemplateKeywords, subscribeData } from './subscribe-data';

/**
 * Whatever a message says, the values sent pass WeChat's keyword rules as the
 * stand-in checks them (mock/src/wechat/subscribe-keywords.ts, written on its
 * own from WeChat's documentation).
 */
describe('fitting a message into template keywords', () => {
  const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('', ' ', '您的反映已办结，请评价', '已受理', 'A-12_b', '13800138000', '¥12.5', '粤A8Z888挂'));

  it.each(KEYWORD_TYPES)('gives a %s keyword only values WeChat takes', (type) => {
    fc.assert(
      fc.property(text, (value) => {
        const fitted = fitKeyword(type, value);
        if (!keywordValueValid(type, fitted)) throw new Error(`${type}: ${JSON.stringify(value)} → ${JSON.stringify(fitted)}`);
      }),
      { numRuns: 300, seed: 20261114 },
    );
  });

  it('writes times and dates in Shanghai time as WeChat shows them', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (at) => {
        expect(keywordValueValid('time', fitKeyword('time', at))).toBe(true);
        expect(keywordValueValid('date', fitKeyword('date', at))).toBe(true);
      }),
      { numRuns: 200, seed: 20261114 },
    );
    expect(fitKeyword('time', new Date('2026-11-03T16:05:00Z'))).toBe('2026年11月4日 00:05');
    expect(fitKeyword('date', new Date('2026-11-03T16:05:00Z'))).toBe('2026年11月4日');
  });

  it('cuts a thing to 20 characters with an ellipsis, never splitting a character', () => {
    const long = '😀'.repeat(25);
    expect(fitKeyword('thing', long)).toBe(`${'😀'.repeat(19)}…`);
    expect(fitKeyword('thing', '一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(fitKeyword('phrase', '办结，请评价')).toBe('办结请评价');
    expect(fitKeyword('thing', '  ')).toBe('无');
  });

  it('fills each keyword from the message part configured for it', () => {
    const keywords = parseTemplateKeywords('thing1=title,thing2=body,time3=time');
    expect(subscribeData(keywords, { title: '您的反映已受理', body: '占道经营：潍坊路 400 号门口', at: new Date('2026-03-02T01:00:00Z') })).toEqual({
      thing1: '您的反映已受理',
      thing2: '占道经营：潍坊路 400 号门口',
      time3: '2026年3月2日 09:00',
    });
    expect(() => parseTemplateKeywords('thing1=title,colour2=body')).toThrow(/colour2/);
    expect(() => parseTemplateKeywords('thing1=title,thing1=body')).toThrow(/twice/);
    expect(() => parseTemplateKeywords('thing1=author')).toThrow(/author/);
  });
});
