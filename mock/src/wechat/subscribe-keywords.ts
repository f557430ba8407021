/**
 * WeChat's rules for the values of a subscribe message's keywords, as its
 * documentation of `subscribeMessage.send` states them (参数值内容限制说明).
 * A keyword's key names its type: `thing1`, `time3`, `character_string2`.
 * WeChat answers 47003 ("argument invalid! data.<key>.value invalid") when a
 * value breaks its type's rule, is empty, or a template keyword is missing.
 *
 * These are the outside system's rules, written here on their own from
 * WeChat's documentation: the BFF fits its values to them with its own code
 * (`bff/src/notifications/subscribe-data.ts`), so a mistake on one side
 * shows in tests instead of being shared by both.
 */
export const KEYWORD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type KeywordType = (typeof KEYWORD_TYPES)[number];

/** Characters as people count them (code points), not UTF-16 units. */
const chars = (value: string) => [...value];
const HAN = /^\p{Script=Han}$/u;
const isHan = (c: string) => HAN.test(c);
const isAsciiLetter = (c: string) => /^[A-Za-z]$/.test(c);
const isDigit = (c: string) => /^[0-9]$/.test(c);
/** Printable ASCII that is neither a letter, a digit nor a space. */
const isSymbol = (c: string) => /^[!-/:-@[-`{-~]$/.test(c);

const TIME_OF_DAY = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
const DAY = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`;
/** 24-hour time, with a date if wished; a span of two joined by `~`. */
const TIME = new RegExp(String.raw`^(?:${DAY}\s?)?${TIME_OF_DAY}(?:\s?~\s?(?:${DAY}\s?)?${TIME_OF_DAY})?$`);
/** A date, with a 24-hour time if wished; a span of two joined by `~`. */
const DATE = new RegExp(String.raw`^${DAY}(?:\s?${TIME_OF_DAY})?(?:\s?~\s?${DAY}(?:\s?${TIME_OF_DAY})?)?$`);

/** Whether `value` is acceptable for a keyword of `type`, by WeChat's documented rule. */
export function keywordValueValid(type: KeywordType, value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  const cs = chars(value);
  switch (type) {
    case 'thing': // 20个以内字符: Chinese, digits, letters or symbols
      return cs.length <= 20;
    case 'number': // 32位以内数字, may have decimals
      return cs.length <= 32 && /^-?\d+(\.\d+)?$/.test(value);
    case 'letter': // 32位以内字母
      return cs.length <= 32 && cs.every(isAsciiLetter);
    case 'symbol': // 5位以内符号
      return cs.length <= 5 && cs.every(isSymbol);
    case 'character_string': // 32位以内数字、字母或符号
      return cs.length <= 32 && cs.every((c) => isDigit(c) || isAsciiLetter(c) || isSymbol(c));
    case 'time':
      return TIME.test(value);
    case 'date':
      return DATE.test(value);
    case 'amount': // 1个币种符号+10位以内纯数字，可带小数，结尾可带“元”
      return /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value);
    case 'phone_number': // 17位以内，数字、符号
      return cs.length <= 17 && cs.every((c) => isDigit(c) || isSymbol(c));
    case 'car_number': // 8位以内，第一位与最后一位可为汉字，其余为字母或数字
      return cs.length <= 8 && cs.every((c, i) => isDigit(c) || isAsciiLetter(c) || ((i === 0 || i === cs.length - 1) && isHan(c)));
    case 'name': // 10个以内纯汉字或20个以内纯字母或符号；中文和字母混合按中文名算，10个字内
      return cs.some(isHan) ? cs.length <= 10 : cs.length <= 20 && cs.every((c) => isAsciiLetter(c) || isSymbol(c) || c === ' ');
    case 'phrase': // 5个以内纯汉字
      return cs.length <= 5 && cs.every(isHan);
  }
}

/** The type a keyword's key names (`character_string12` → `character_string`), or null for a key WeChat does not have. */
export function keywordType(key: string): KeywordType | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(key);
  if (!match) return null;
  return (KEYWORD_TYPES as readonly string[]).includes(match[1]) ? (match[1] as KeywordType) : null;
}

/** A template as the admin console shows it: its id, title and keyword keys with their names. */
export interface SubscribeTemplate {
  id: string;
  title: string;
  keywords: Record<string, string>;
}

/** The template the demo uses: 办理进度通知 with 事项, 进度说明 and 更新时间 (the BFF's default keywords). */
export const DEV_STATUS_TEMPLATE: SubscribeTemplate = {
  id: 'complaint-status-dev-template',
  title: '办理进度通知',
  keywords: { thing1: '事项', thing2: '进度说明', time3: '更新时间' },
};

/**
 * Checks a message's data against its template: every keyword present with a
 * valid value, nothing else. Returns WeChat's errmsg for the first problem, or null.
 */
export function checkTemplateData(template: SubscribeTemplate, data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'argument invalid! data is empty';
  const entries = data as Record<string, unknown>;
  for (const key of Object.keys(template.keywords)) {
    const entry = entries[key] as { value?: unknown } | undefined;
    if (!entry || typeof entry !== 'object' || entry.value === undefined || entry.value === '') return `argument invalid! data.${key}.value is empty`;
    if (!keywordValueValid(keywordType(key)!, entry.value)) return `argument invalid! data.${key}.value invalid`;
  }
  for (const key of Object.keys(entries)) {
    if (!(key in template.keywords)) return `argument invalid! data.${key} is not a keyword of the template`;
  }
  return null;
}
