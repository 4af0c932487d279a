import { beforeEach, describe, expect, it } from 'vitest';
import { insertTestUser, useTestDatabase } from '$testing/test-db';
import { themeDayInput } from '$testing/theme-day-input';
import type { LocaleContent, Module } from '../content/types';
import { createThemeDay, publishThemeDay } from './theme-days';
import { programmeHref } from '$lib/themedays/programme';
import { placeInProgramme, programmeContext } from './programme-context';

/** Just the modules a programme looks up. */
function libraryOf(modules: [string, Module['track'], string][]): LocaleContent {
	return {
		modules: new Map(
			modules.map(([slug, track, title]) => [slug, { slug, track, title } as Module])
		)
	} as LocaleContent;
}

const library = libraryOf([
	['tal-med-dit-barn', 'foraeldre', 'Tal med dit barn'],
	['naar-et-billede-er-delt', 'foraeldre', 'Når et billede er delt'],
	['radikalisering', 'foraeldre', 'Radikalisering'],
	['grooming', 'unge', 'Grooming']
]);

describe('placeInProgramme', () => {
	const programme = [
		{ slug: 'a', title: 'A' },
		{ slug: 'b', title: 'B' },
		{ slug: 'c', title: 'C' }
	];
	it('gives the place, the count and the next module', () => {
		expect(placeInProgramme(programme, 'a')).toEqual({
			position: 1,
			count: 3,
			next: { slug: 'b', title: 'B', position: 2 }
		});
		expect(placeInProgramme(programme, 'c')).toEqual({ position: 3, count: 3, next: null });
		expect(placeInProgramme(programme, 'x')).toBeNull();
	});
});

describe('programmeContext', () => {
	let published: string;
	let draft: string;
	beforeEach(() => {
		const db = useTestDatabase();
		insertTestUser(db, 'pro', { role: 'professional' });
		const parentProgramme = ['tal-med-dit-barn', 'modul-der-er-fjernet', 'naar-et-billede-er-delt'];
		const day = createThemeDay('pro', themeDayInput({ parentProgramme }));
		publishThemeDay(day.id);
		published = day.slug;
		draft = createThemeDay('pro', themeDayInput({ title: 'Udkast', parentProgramme })).slug;
	});

	it("places a module in a published theme day's programme for its track", () => {
		expect(
			programmeContext(published, { slug: 'tal-med-dit-barn', track: 'foraeldre' }, library)
		).toEqual({
			day: { slug: published, title: 'Sikker på nettet' },
			track: 'foraeldre',
			position: 1,
			// A module no longer in content/ is no step of the programme.
			count: 2,
			next: { slug: 'naar-et-billede-er-delt', title: 'Når et billede er delt', position: 2 }
		});
		expect(
			programmeContext(published, { slug: 'naar-et-billede-er-delt', track: 'foraeldre' }, library)
		).toMatchObject({ position: 2, count: 2, next: null });
		expect(programmeContext(published, { slug: 'grooming', track: 'unge' }, library)).toMatchObject(
			{
				position: 1,
				count: 1
			}
		);
	});

	it('is no programme for a draft, an unknown day, a module outside it or a made-up value', () => {
		const module = { slug: 'tal-med-dit-barn', track: 'foraeldre' } as const;
		expect(programmeContext(draft, module, library)).toBeNull();
		expect(programmeContext('findes-ikke', module, library)).toBeNull();
		expect(programmeContext(null, module, library)).toBeNull();
		expect(programmeContext('"><script>', module, library)).toBeNull();
		expect(
			programmeContext(published, { slug: 'radikalisering', track: 'foraeldre' }, library)
		).toBeNull();
	});

	it('links a module inside the programme', () => {
		expect(programmeHref('foraeldre', 'tal-med-dit-barn', published)).toBe(
			`/foraeldre/tal-med-dit-barn?temadag=${published}`
		);
	});
});
