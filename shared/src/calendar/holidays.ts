/**
 * Public holidays in mainland China as data, from the State Council's yearly
 * notices. `off` days are holidays; `work` days are weekend days made working
 * days (调休). Add each year when the notice is published (usually November).
 * A date in a year with no entry falls back to plain weekdays.
 */
export interface HolidayYear {
  off: string[];
  work: string[];
}

const range = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

export const CHINA_HOLIDAYS: Record<number, HolidayYear> = {
  2025: {
    off: [
      '2025-01-01',
      ...range('2025-01-28', 8), // 春节
      ...range('2025-04-04', 3), // 清明
      ...range('2025-05-01', 5), // 劳动节
      ...range('2025-05-31', 3), // 端午
      ...range('2025-10-01', 8), // 国庆、中秋
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ...range('2026-01-01', 3), // 元旦
      ...range('2026-02-15', 9), // 春节
      ...range('2026-04-04', 3), // 清明
      ...range('2026-05-01', 5), // 劳动节
      ...range('2026-06-19', 3), // 端午
      ...range('2026-09-25', 3), // 中秋
      ...range('2026-10-01', 7), // 国庆
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
