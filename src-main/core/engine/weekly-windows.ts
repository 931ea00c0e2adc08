/*
 * When a recurring time-range is in force over a week, minute by minute, from its `periodic`
 * lines: `periodic weekdays 8:00 to 18:00`, `periodic Monday Wednesday 7:30 to 12:00`,
 * `periodic Friday 20:00 to Monday 6:00`. The end minute is included, as `to 23:59` means to
 * the end of the day. Absolute windows are judged on the audit date elsewhere.
 */

export const MINUTES_PER_WEEK = 7 * 24 * 60;
const MINUTES_PER_DAY = 24 * 60;
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function daysOf(words: readonly string[]): number[] | undefined {
  const days = new Set<number>();
  for (const word of words.map((item) => item.toLowerCase())) {
    if (word === 'daily') [0, 1, 2, 3, 4, 5, 6].forEach((day) => days.add(day));
    else if (word === 'weekdays') [0, 1, 2, 3, 4].forEach((day) => days.add(day));
    else if (word === 'weekend') [5, 6].forEach((day) => days.add(day));
    else {
      const day = DAY_NAMES.findIndex((name) => word.length >= 3 && name.startsWith(word));
      if (day < 0) return undefined;
      days.add(day);
    }
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : undefined;
}

function minuteOfDay(word: string | undefined): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(word ?? '');
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

/** Marks minutes `from` to `to` of the week, both included, wrapping past Sunday night. */
function mark(week: Uint8Array, from: number, to: number): void {
  for (let minute = from; ; minute = (minute + 1) % MINUTES_PER_WEEK) {
    week[minute] = 1;
    if (minute === to) return;
  }
}

/** A time-range line that recurs (`periodic ...`), as against an `absolute` window. */
export function isPeriodicEntry(entry: string): boolean {
  return /^\s*periodic\b/i.test(entry);
}

/** One `periodic` line's minutes, or undefined when it does not read as one. */
function periodicMinutes(entry: string, week: Uint8Array): boolean {
  const words = entry.trim().split(/\s+/);
  const to = words.indexOf('to');
  if (words[0]?.toLowerCase() !== 'periodic' || to < 3) return false;
  const startDays = daysOf(words.slice(1, to - 1));
  const start = minuteOfDay(words[to - 1]);
  const after = words.slice(to + 1);
  const end = minuteOfDay(after[after.length - 1]);
  if (!startDays || start === undefined || end === undefined) return false;
  if (after.length === 1) {
    // Each listed day from start to end; an end before the start runs into the next day.
    for (const day of startDays) mark(week, day * MINUTES_PER_DAY + start, ((end < start ? day + 1 : day) * MINUTES_PER_DAY + end) % MINUTES_PER_WEEK);
    return true;
  }
  const endDays = daysOf(after.slice(0, -1));
  if (startDays.length !== 1 || endDays?.length !== 1) return false;
  mark(week, startDays[0]! * MINUTES_PER_DAY + start, endDays[0]! * MINUTES_PER_DAY + end);
  return true;
}

/**
 * The minutes of the week a range's `periodic` lines hold it in force, or undefined when a
 * line cannot be read (or there is none): when it applies is then not known.
 */
export function weeklyWindow(entries: readonly string[]): Uint8Array | undefined {
  const periodic = entries.filter(isPeriodicEntry);
  if (periodic.length === 0) return undefined;
  const week = new Uint8Array(MINUTES_PER_WEEK);
  for (const entry of periodic) if (!periodicMinutes(entry, week)) return undefined;
  return week;
}
