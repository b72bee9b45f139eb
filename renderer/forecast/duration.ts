/**
 * A wait or a handle time as people say it: "1 min, 5 secs", "1 dk. 5 sn.", "۱ دقیقه، ۵ ثانیه".
 * Intl.DurationFormat words and orders it in the locale (Chromium and Electron have it); where it
 * is missing (Node before 23), minutes and seconds are each formatted as units and joined.
 */

interface DurationFormatLike {
  format(duration: { hours?: number; minutes?: number; seconds?: number }): string;
}
type DurationFormatCtor = new (locale: string, options: { style: 'short'; secondsDisplay?: 'always' }) => DurationFormatLike;

const cache = new Map<string, (totalSeconds: number) => string>();

export function durationFormatter(locale: string): (totalSeconds: number) => string {
  const known = cache.get(locale);
  if (known) return known;
  const Ctor = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  let format: (totalSeconds: number) => string;
  if (Ctor) {
    const f = new Ctor(locale, { style: 'short', secondsDisplay: 'always' });
    const parts = new Ctor(locale, { style: 'short' });
    format = (totalSeconds) => {
      const { hours, minutes, seconds } = split(totalSeconds);
      // "0 secs" only when there is nothing else to say; "1 min" rather than "1 min, 0 secs".
      if (hours === 0 && minutes === 0) return f.format({ seconds });
      return parts.format({ hours, minutes, seconds });
    };
  } else {
    const unit = (u: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
    const [h, m, s] = [unit('hour'), unit('minute'), unit('second')];
    format = (totalSeconds) => {
      const { hours, minutes, seconds } = split(totalSeconds);
      const out = [hours ? h.format(hours) : '', minutes ? m.format(minutes) : '', seconds || (!hours && !minutes) ? s.format(seconds) : ''];
      return out.filter(Boolean).join(' ');
    };
  }
  cache.set(locale, format);
  return format;
}

function split(totalSeconds: number): { hours: number; minutes: number; seconds: number } {
  const whole = Math.max(0, Math.round(totalSeconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}
