/** Hall-local wall time of a server timestamp, e.g. { hhmm: '09:05', hms: '09:05:07', date: '2026-11-27' }. */
export function hallTime(ms: number, timeZone: string): { hhmm: string; hms: string; date: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const hhmm = `${get('hour')}:${get('minute')}`;
  return { hhmm, hms: `${hhmm}:${get('second')}`, date: `${get('year')}-${get('month')}-${get('day')}` };
}
