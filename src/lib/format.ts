import { intlTag } from '$lib/locales';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are reused: they are costly to build. */
function cachedFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const tag = intlTag(locale);
	const key = `${tag}:${options.dateStyle ?? ''}:${options.timeStyle ?? ''}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'Europe/Copenhagen' });
		formatters.set(key, formatter);
	}
	return formatter;
}

/** Dates as people read them, in the page's language. */
export function formatDate(value: Date | string | number, locale: string): string {
	const date =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
			? new Date(`${value}T12:00:00Z`)
			: new Date(value);
	return cachedFormatter(locale, { dateStyle: 'long' }).format(date);
}

/** "torsdag den 12. marts 2026" – the day of an event, in Danish time. */
export function formatFullDate(value: Date | string | number, locale: string): string {
	return cachedFormatter(locale, { dateStyle: 'full' }).format(new Date(value));
}

/** "17.00" – a clock time in Danish time. */
export function formatTime(value: Date | string | number, locale: string): string {
	return cachedFormatter(locale, { timeStyle: 'short' }).format(new Date(value));
}
