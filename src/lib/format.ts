const formatters = new Map<string, Intl.DateTimeFormat>();

/** Dates as people read them, in the page's language. Formatters are reused: they are costly to build. */
export function formatDate(value: Date | string | number, locale: string): string {
	const date =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
			? new Date(`${value}T12:00:00Z`)
			: new Date(value);
	const tag = locale === 'en' ? 'en-GB' : 'da-DK';
	let formatter = formatters.get(tag);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' });
		formatters.set(tag, formatter);
	}
	return formatter.format(date);
}

const fullFormatters = new Map<string, Intl.DateTimeFormat>();

function cachedFormatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
	let formatter = fullFormatters.get(key);
	if (!formatter) {
		formatter = make();
		fullFormatters.set(key, formatter);
	}
	return formatter;
}

/** "torsdag den 12. marts 2026" – the day of an event, in Danish time. */
export function formatFullDate(value: Date | string | number, locale: string): string {
	const tag = locale === 'en' ? 'en-GB' : 'da-DK';
	return cachedFormatter(
		`date:${tag}`,
		() => new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeZone: 'Europe/Copenhagen' })
	).format(new Date(value));
}

/** "17.00" – a clock time in Danish time. */
export function formatTime(value: Date | string | number, locale: string): string {
	const tag = locale === 'en' ? 'en-GB' : 'da-DK';
	return cachedFormatter(
		`time:${tag}`,
		() => new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: 'Europe/Copenhagen' })
	).format(new Date(value));
}
