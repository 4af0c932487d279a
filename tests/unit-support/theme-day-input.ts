import type { ThemeDayInput } from '$lib/server/themedays/theme-day-form';

/** A valid theme day for unit tests, with the fields a test cares about overridden. */
export function themeDayInput(overrides: Partial<ThemeDayInput> = {}): ThemeDayInput {
	return {
		title: 'Sikker på nettet',
		startsAt: new Date('2026-03-12T16:00:00Z'),
		endsAt: new Date('2026-03-12T19:00:00Z'),
		place: 'Herlev Bibliotek',
		municipality: 'Herlev',
		audience: 'begge',
		description: 'Kom.',
		contact: 'SSP',
		youthProgramme: ['grooming'],
		parentProgramme: ['tal-med-dit-barn'],
		...overrides
	};
}
