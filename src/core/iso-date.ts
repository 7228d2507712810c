/**
 * Dates of the dataset (YYYY, YYYY-MM or YYYY-MM-DD) written for a reader in a given language: "22 November
 * 2020", "٢٢ نوفمبر ٢٠٢٠". Only as precise as the data: a month stays a month. Pure (Intl only).
 */

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The date in `locale`'s long form, or the text unchanged when it is not an ISO date. */
export function formatIsoDate(iso: string, locale: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = mo === undefined ? 0 : Number(mo) - 1;
  const day = d === undefined ? 1 : Number(d);
  if (month < 0 || month > 11 || day < 1 || day > 31) return iso;
  // UTC on both sides, so no time zone moves the day.
  const date = new Date(Date.UTC(year, month, day));
  const options: Intl.DateTimeFormatOptions =
    d !== undefined ? { dateStyle: 'long', timeZone: 'UTC' }
      : mo !== undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return iso;
  }
}
