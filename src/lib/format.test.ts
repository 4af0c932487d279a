import { describe, expect, it } from 'vitest';
import { formatDate, formatFullDate, formatTime } from './format';

describe('dates and times as people read them', () => {
	it('writes dates in the page language, in Danish time', () => {
		expect(formatDate(new Date('2026-03-12T16:00:00Z'), 'da')).toBe('12. marts 2026');
		expect(formatDate(new Date('2026-03-12T16:00:00Z'), 'en')).toBe('12 March 2026');
		// Just before midnight UTC is already the next day in Copenhagen.
		expect(formatDate(new Date('2026-06-30T22:30:00Z'), 'da')).toBe('1. juli 2026');
		// A date without a time is that day, wherever the server is.
		expect(formatDate('2026-01-05', 'da')).toBe('5. januar 2026');
	});

	it('writes the full day and the clock time of an event in Danish time, summer and winter', () => {
		expect(formatFullDate(new Date('2026-03-12T16:00:00Z'), 'da')).toBe(
			'torsdag den 12. marts 2026'
		);
		expect(formatTime(new Date('2026-03-12T16:00:00Z'), 'da')).toBe('17.00');
		expect(formatTime(new Date('2026-06-10T15:30:00Z'), 'da')).toBe('17.30');
		expect(formatTime(new Date('2026-06-10T15:30:00Z'), 'en')).toBe('17:30');
	});
});
