/**
 * Dates of the dataset (YYYY, YYYY-MM or YYYY-MM-DD) written for a reader, one way per UI language, everywhere
 * Dramatis shows a date (card, side panel, reader, citations): "22 November 2020", "22 تشرين الثاني/نوفمبر 2020".
 * Only as precise as the data: a month stays a month. Pure (Intl only).
 *
 * Arabic news writes the month both ways, Levantine and Egyptian (تشرين الثاني/نوفمبر), since readers from
 * Damascus to Cairo know one or the other; Intl has each under its own locale (ar-SY, ar-EG), so the two month
 * names are joined. Digits are Western, as in the bundled articles and most Arabic news sites. English uses
 * day-month-year, which reads the same on both sides of the Atlantic.
 */

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

type Precision = 'day' | 'month' | 'year';

const OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** Formatters are costly to make and cheap to reuse: one per locale and precision. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, OPTIONS[precision])));
  return f;
}

function format(date: Date, lang: string, precision: Precision): string {
  if (lang === 'en') return formatter('en-GB', precision).format(date);
  if (lang !== 'ar') return formatter(lang, precision).format(date);
  const levant = formatter('ar-SY-u-nu-latn', precision).formatToParts(date);
  if (precision === 'year') return levant.map((p) => p.value).join('');
  const egypt = formatter('ar-EG-u-nu-latn', precision).formatToParts(date).find((p) => p.type === 'month')?.value;
  return levant.map((p) => (p.type === 'month' && egypt && egypt !== p.value ? `${p.value}/${egypt}` : p.value)).join('');
}

/** The date in `lang`'s form ('ar', 'en'; another locale as Intl writes it), or the text unchanged when it is not an ISO date. */
export function formatIsoDate(iso: string, lang: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = mo === undefined ? 0 : Number(mo) - 1;
  const day = d === undefined ? 1 : Number(d);
  if (month < 0 || month > 11 || day < 1 || day > 31) return iso;
  // UTC on both sides, so no time zone moves the day.
  const date = new Date(Date.UTC(year, month, day));
  try {
    return format(date, lang, d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year');
  } catch {
    return iso;
  }
}
