import { TIME_ZONE, toCopenhagen } from './copenhagen-time';

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (never inside a UTF-8 character); continuations start with a space. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let bytes = 0;
	let limit = 75;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (bytes + size > limit) {
			parts.push(current);
			current = '';
			bytes = 0;
			limit = 74; // the leading space of a continuation line counts too
		}
		current += char;
		bytes += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const utcStamp = (instant: Date) =>
	instant
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

/** Copenhagen wall-clock time as an iCalendar local DATE-TIME, e.g. 20260312T170000. */
const localStamp = (instant: Date) => {
	const { date, time } = toCopenhagen(instant);
	return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
};

/** Denmark's rules since 1996: summer time from the last Sunday of March to that of October. */
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TIME_ZONE}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

export interface CalendarEvent {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	place: string;
	municipality: string;
	description: string;
	url: string;
	/** Host name for the UID, so it is unique across installations. */
	host: string;
	createdAt: Date;
	updatedAt: Date;
	cancelled: boolean;
}

/**
 * RFC 5545's SEQUENCE: calendars replace the copy they have only with a higher one. Every change
 * (an edit, cancelling) moves `updatedAt`, so the whole seconds since the day was created grow
 * with each revision.
 */
export function revision(event: Pick<CalendarEvent, 'createdAt' | 'updatedAt'>): number {
	return Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000));
}

/** A VCALENDAR with one VEVENT, lines folded and ended with CRLF. */
export function themeDayCalendar(event: CalendarEvent, now = new Date()): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Sammen paa nettet//Temadage//DA',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...VTIMEZONE,
		'BEGIN:VEVENT',
		`UID:temadag-${event.id}@${event.host}`,
		`DTSTAMP:${utcStamp(now)}`,
		`LAST-MODIFIED:${utcStamp(event.updatedAt)}`,
		`DTSTART;TZID=${TIME_ZONE}:${localStamp(event.startsAt)}`,
		`DTEND;TZID=${TIME_ZONE}:${localStamp(event.endsAt)}`,
		`SUMMARY:${escapeText(event.title)}`,
		`LOCATION:${escapeText(`${event.place}, ${event.municipality}`)}`,
		`DESCRIPTION:${escapeText(event.description)}`,
		`URL:${event.url}`,
		`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		`SEQUENCE:${revision(event)}`,
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
