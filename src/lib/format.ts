/** Dates as people read them, in the page's language. */
export function formatDate(value: Date | string | number, locale: string): string {
	const date =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
			? new Date(`${value}T12:00:00Z`)
			: new Date(value);
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
		dateStyle: 'long',
		timeZone: 'Europe/Copenhagen'
	}).format(date);
}
