/** Theme days happen in Denmark: times are entered and shown in Europe/Copenhagen. */
export const TIME_ZONE = 'Europe/Copenhagen';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

export interface LocalDateTime {
	/** YYYY-MM-DD */
	date: string;
	/** HH:MM */
	time: string;
}

/** The wall-clock date and time in Copenhagen at an instant. */
export function toCopenhagen(instant: Date): LocalDateTime {
	const p = Object.fromEntries(
		partsFormatter.formatToParts(instant).map((part) => [part.type, part.value])
	);
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant of a Copenhagen wall-clock time, or null when the input is malformed or the
 * time does not exist (the hour skipped when summer time starts). A time that happens twice
 * (when summer time ends) is taken as the first, still in summer time.
 */
export function fromCopenhagen(date: string, time: string): Date | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
	const wall = Date.parse(`${date}T${time}:00Z`);
	if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 16) !== `${date}T${time}`)
		return null;
	// Try both offsets the zone uses; keep those that read back as the same wall-clock time.
	const candidates = [120, 60]
		.map((offset) => new Date(wall - offset * 60_000))
		.filter((instant) => {
			const local = toCopenhagen(instant);
			return local.date === date && local.time === time;
		});
	return candidates[0] ?? null;
}
