/** `{time}` in a label, replaced. */
export function fill(label: string, time: string): string {
  return label.replace('{time}', time);
}

/** A whole number of seconds in words, in the largest unit that says it exactly: "15 minutes", "90 seconds", "1 hour". */
export function exactDuration(seconds: number, locale: string | undefined): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return inUnit(seconds / 3600, 'hour', locale);
  if (seconds >= 60 && seconds % 60 === 0) return inUnit(seconds / 60, 'minute', locale);
  return inUnit(seconds, 'second', locale);
}

/** Seconds left in words, as a person would say them: whole minutes (never more than is left) from a minute on. */
export function spokenDuration(seconds: number, locale: string | undefined): string {
  return seconds >= 60 ? inUnit(Math.floor(seconds / 60), 'minute', locale) : inUnit(seconds, 'second', locale);
}

/** The visible countdown: `m:ss`. */
export function countdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * What the warning says aloud, and when: the time left when it opens, then each whole minute, then 30 and 10 seconds
 * (never every second). Given the seconds left and the last step said, returns the step to say now, if any.
 */
export function nextSpokenStep(seconds: number, said: number | undefined): number | undefined {
  if (said === undefined) return seconds;
  const step = seconds <= 10 ? 10 : seconds <= 30 ? 30 : Math.ceil(seconds / 60) * 60;
  return step < said ? step : undefined;
}

function inUnit(value: number, unit: 'hour' | 'minute' | 'second', locale: string | undefined): string {
  const options = { style: 'unit', unit, unitDisplay: 'long' } as const;
  try {
    return new Intl.NumberFormat(locale, options).format(value);
  } catch {
    return new Intl.NumberFormat(undefined, options).format(value); // not a language tag Intl knows
  }
}
