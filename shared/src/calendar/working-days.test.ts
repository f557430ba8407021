import { isCalendarDate } from './dates';
import { addWorkingDays, createCalendar, chinaCalendar, endOfShanghaiDay, shanghaiDate } from './working-days';

const at = (iso: string) => new Date(iso);
const dueDate = (start: string, days: number) => shanghaiDate(addWorkingDays(at(start), days));

describe('Shanghai dates', () => {
  it('puts 23:30 UTC on the next Shanghai day', () => {
    expect(shanghaiDate(at('2026-03-02T23:30:00Z'))).toBe('2026-03-03');
  });
  it('ends a Shanghai day at 15:59:59.999 UTC', () => {
    expect(endOfShanghaiDay('2026-03-03').toISOString()).toBe('2026-03-03T15:59:59.999Z');
  });
});

describe('addWorkingDays', () => {
  it.each([
    // [reported at (Shanghai time), limit, due date, why]
    ['2026-03-02T10:00:00+08:00', 1, '2026-03-03', 'Monday + 1 is Tuesday'],
    ['2026-03-06T17:00:00+08:00', 1, '2026-03-09', 'Friday + 1 skips the weekend'],
    ['2026-03-07T09:00:00+08:00', 1, '2026-03-09', 'reported on Saturday: Monday is the first working day'],
    ['2026-03-02T10:00:00+08:00', 5, '2026-03-09', 'a working week'],
    ['2026-03-02T10:00:00+08:00', 15, '2026-03-23', 'three working weeks'],
    ['2026-09-30T10:00:00+08:00', 1, '2026-10-08', 'National Day week 1–7 October is off'],
    ['2026-10-09T10:00:00+08:00', 1, '2026-10-10', 'Saturday 10 October 2026 is a make-up working day'],
    ['2026-02-13T10:00:00+08:00', 1, '2026-02-14', 'Saturday 14 February 2026 is a make-up working day'],
    ['2026-02-14T10:00:00+08:00', 1, '2026-02-24', 'the Spring Festival runs 15–23 February'],
    ['2026-04-30T10:00:00+08:00', 3, '2026-05-08', 'May Day 1–5, then Wednesday to Friday'],
    ['2026-12-31T10:00:00+08:00', 1, '2027-01-01', 'a year with no data falls back to weekdays'],
  ])('from %s plus %i working day(s) is due %s (%s)', (start, days, due) => {
    expect(dueDate(start, days)).toBe(due);
  });

  it('is due at the very end of the due day', () => {
    expect(addWorkingDays(at('2026-03-02T10:00:00+08:00'), 1).toISOString()).toBe('2026-03-03T15:59:59.999Z');
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => addWorkingDays(at('2026-03-02T10:00:00Z'), 0)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-03-02T10:00:00Z'), 1.5)).toThrow(RangeError);
  });

  it('takes holidays as data', () => {
    const calendar = createCalendar({ 2026: { off: ['2026-03-03'], work: [] } });
    expect(shanghaiDate(addWorkingDays(at('2026-03-02T10:00:00+08:00'), 1, calendar))).toBe('2026-03-04');
    expect(chinaCalendar.isWorkingDay('2026-03-03')).toBe(true);
  });
});

describe('calendar dates', () => {
  it('accepts dates that exist and refuses those that only look like one', () => {
    expect(['2026-03-02', '2028-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-04-31', '2026-3-2', '20260302', ''].map(isCalendarDate)).toEqual([false, false, false, false, false, false]);
  });
});
