/**
 * Fits what a message says into a subscribe-message template's keywords.
 * WeChat reads a keyword's type from its key (`thing1`, `phrase2`, `time3`)
 * and refuses the whole message (47003) when one value breaks its type's rule
 * (参数值内容限制说明 in WeChat's `subscribeMessage.send` documentation). So
 * every value is cut or reshaped to fit before it is sent: a `thing` is at
 * most 20 characters, counted as people count them (a 😀 is one, and is never
 * split in half), and ends in … when cut.
 */
export const KEYWORD_TYPES = ['thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number', 'name', 'phrase'] as const;
export type KeywordType = (typeof KEYWORD_TYPES)[number];

/** What of a message a keyword shows. */
export const KEYWORD_SOURCES = ['title', 'body', 'time'] as const;
export type KeywordSource = (typeof KEYWORD_SOURCES)[number];

/** One keyword of the template: its key as the admin console shows it, and what fills it. */
export interface TemplateKeyword {
  key: string;
  source: KeywordSource;
}

/** WeChat's length limits, in characters. */
export const KEYWORD_LIMITS = { thing: 20, number: 32, letter: 32, symbol: 5, character_string: 32, phone_number: 17, car_number: 8, phrase: 5, nameHan: 10, nameLatin: 20 } as const;

/** The type a key names (`character_string12` → `character_string`), or null. */
export function keywordTypeOf(key: string): KeywordType | null {
  const match = /^([a-z_]+?)\d+$/.exec(key);
  return match && (KEYWORD_TYPES as readonly string[]).includes(match[1]) ? (match[1] as KeywordType) : null;
}

const chars = (text: string) => [...text];
const HAN = /\p{Script=Han}/u;
const ASCII_SYMBOL = /[!-/:-@[-`{-~]/;

/** At most `max` characters; when cut, the last is an ellipsis. */
function cut(text: string, max: number, ellipsis = '…'): string {
  const cs = chars(text);
  if (cs.length <= max) return text;
  return ellipsis ? cs.slice(0, max - 1).join('') + ellipsis : cs.slice(0, max).join('');
}

const keep = (text: string, allowed: (c: string) => boolean) => chars(text).filter(allowed).join('');

/** Shanghai keeps +08:00 all year. */
function shanghaiParts(at: Date) {
  const d = new Date(at.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}

/**
 * A value that WeChat accepts for a keyword of `type`. Text is cut to the
 * type's limit or stripped of what the type does not allow; an empty result
 * becomes a placeholder, since WeChat refuses an empty value too.
 */
export function fitKeyword(type: KeywordType, value: string | Date): string {
  if (value instanceof Date) {
    const p = shanghaiParts(value);
    if (type === 'time') return `${p.y}年${p.m}月${p.d}日 ${p.hm}`;
    if (type === 'date') return `${p.y}年${p.m}月${p.d}日`;
    value = `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')} ${p.hm}`;
  }
  const text = value.replace(/\s+/g, ' ').trim();
  switch (type) {
    case 'thing':
      return cut(text, KEYWORD_LIMITS.thing) || '无';
    case 'phrase':
      return cut(keep(text, (c) => HAN.test(c)), KEYWORD_LIMITS.phrase, '') || '有更新';
    case 'name': {
      if (HAN.test(text)) return cut(keep(text, (c) => HAN.test(c) || /[A-Za-z]/.test(c)), KEYWORD_LIMITS.nameHan, '');
      return cut(keep(text, (c) => /[A-Za-z ]/.test(c) || ASCII_SYMBOL.test(c)), KEYWORD_LIMITS.nameLatin, '').trim() || '用户';
    }
    case 'number':
      return (/-?\d+(\.\d+)?/.exec(text)?.[0] ?? '0').slice(0, KEYWORD_LIMITS.number);
    case 'letter':
      return cut(keep(text, (c) => /[A-Za-z]/.test(c)), KEYWORD_LIMITS.letter, '') || 'x';
    case 'symbol':
      return cut(keep(text, (c) => ASCII_SYMBOL.test(c)), KEYWORD_LIMITS.symbol, '') || '-';
    case 'character_string':
      return cut(keep(text, (c) => /[0-9A-Za-z]/.test(c) || ASCII_SYMBOL.test(c)), KEYWORD_LIMITS.character_string, '') || '-';
    case 'phone_number':
      return cut(keep(text, (c) => /[0-9]/.test(c) || ASCII_SYMBOL.test(c)), KEYWORD_LIMITS.phone_number, '') || '-';
    case 'car_number': {
      // 粤A8Z888挂: a Chinese character may come first and last, letters and digits between.
      const cs = chars(text).filter((c) => /[0-9A-Za-z]/.test(c) || HAN.test(c));
      const head = cs.length && HAN.test(cs[0]) ? cs.shift()! : '';
      const tail = cs.length && HAN.test(cs[cs.length - 1]) ? cs.pop()! : '';
      const middle = cs.filter((c) => /[0-9A-Za-z]/.test(c)).slice(0, KEYWORD_LIMITS.car_number - head.length - tail.length);
      return head + middle.join('') + tail || '无';
    }
    case 'amount': {
      const amount = /\d{1,10}(\.\d{1,2})?/.exec(text)?.[0] ?? '0';
      return `¥${amount}`;
    }
    case 'time':
    case 'date': {
      // Text given for a time or a date is read as an instant when it is one; else the placeholder would be refused, so it becomes the time of reading.
      const parsed = new Date(text);
      return fitKeyword(type, Number.isNaN(parsed.getTime()) ? new Date() : parsed);
    }
  }
}

/** The template's data for one message, every value fitted to its keyword's type. */
export function subscribeData(keywords: TemplateKeyword[], message: { title: string; body: string; at: Date }): Record<string, string> {
  const source = { title: message.title, body: message.body, time: message.at } as const;
  return Object.fromEntries(keywords.map(({ key, source: from }) => [key, fitKeyword(keywordTypeOf(key)!, source[from])]));
}

/** Reads `thing1=title,thing2=body,time3=time`; throws naming the first bad part. */
export function parseTemplateKeywords(text: string): TemplateKeyword[] {
  const keywords = text.split(',').map((part) => {
    const [key, source] = part.trim().split('=');
    if (!key || !keywordTypeOf(key)) throw new Error(`"${part}": the key must be a WeChat keyword such as thing1 or time3`);
    if (!(KEYWORD_SOURCES as readonly string[]).includes(source)) throw new Error(`"${part}": what fills it must be one of ${KEYWORD_SOURCES.join(', ')}`);
    return { key, source: source as KeywordSource };
  });
  if (new Set(keywords.map((k) => k.key)).size !== keywords.length) throw new Error('a keyword appears twice');
  return keywords;
}
