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
