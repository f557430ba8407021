/** Calendar dates as 'YYYY-MM-DD' strings: they compare correctly as text. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
