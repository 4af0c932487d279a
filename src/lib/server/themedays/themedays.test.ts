import { beforeEach, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { useTestDatabase } from '$testing/test-db';
import { createUser, toSessionUser, type SessionUser } from '../auth/user';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { eq } from 'drizzle-orm';
import { fromCopenhagen, toCopenhagen } from './copenhagen-time';
import { MUNICIPALITIES, isMunicipality } from '$lib/municipalities';
import { slugify, themeDaySlug, uniqueSlug } from './slug';
import { orderProgramme, readThemeDayForm, formValuesOf } from './theme-day-form';
import { themeDayInput } from '$testing/theme-day-input';
import { escapeText, foldLine, revision, themeDayCalendar } from './ics';
import {
	cancelThemeDay,
	createThemeDay,
	getThemeDay,
	nextThemeDays,
	publishThemeDay,
	publishedThemeDays,
	themeDaysCreatedToday,
	themeDaysOf,
	unpublishThemeDay,
	updateThemeDay
} from './theme-days';
import { mayManageThemeDay, requireThemeDayOrganiser, requireVisibleThemeDay } from './guard';
import { programmeStart, type ProgrammeModule } from './view';
import { renderDescription } from './description';
import { exportUserData } from '../account/data-export';

const MODULES = { unge: ['grooming', 'sextortion', 'faa-hjaelp'], foraeldre: ['tal-med-dit-barn'] };

function formOf(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return form;
}

const VALID = {
	title: 'Sikker på nettet',
	startDate: '2026-03-12',
	startTime: '17:00',
	endDate: '',
	endTime: '20:00',
	place: 'Herlev Bibliotek, Bygaden 70',
	municipality: 'Herlev',
	audience: 'begge',
	description: 'Kom og **lær**.',
	contact: 'SSP Herlev, 44 52 00 00',
	'unge-sextortion': '1',
	'unge-grooming': '2',
	'foraeldre-tal-med-dit-barn': '1'
};

describe('municipalities', () => {
	it('are Denmark’s 98, unique, with Danish letters', () => {
		expect(MUNICIPALITIES).toHaveLength(98);
		expect(new Set(MUNICIPALITIES).size).toBe(98);
		for (const name of ['København', 'Aarhus', 'Ærø', 'Læsø', 'Høje-Taastrup', 'Bornholm'])
			expect(isMunicipality(name)).toBe(true);
		expect(isMunicipality('Christiansø')).toBe(false);
		expect(isMunicipality('herlev')).toBe(false);
	});
});

describe('slugs', () => {
	it('spell out æ, ø and å and drop other marks and signs', () => {
		expect(slugify('Sikker på nettet – for forældre!')).toBe('sikker-paa-nettet-for-foraeldre');
		expect(slugify('ÆBLER, Øl & Ål')).toBe('aebler-oel-aal');
		expect(slugify('Café für Jugendliche')).toBe('cafe-fur-jugendliche');
		expect(themeDaySlug('Sikker på nettet', '2026-03-12')).toBe('sikker-paa-nettet-2026-03-12');
		expect(themeDaySlug('!!!', '2026-03-12')).toBe('temadag-2026-03-12');
	});
	it('are made unique with a number', () => {
		const taken = new Set(['a-2026-01-01', 'a-2026-01-01-2']);
		expect(uniqueSlug('a-2026-01-01', (s) => taken.has(s))).toBe('a-2026-01-01-3');
		expect(uniqueSlug('b', (s) => taken.has(s))).toBe('b');
	});
});

describe('Copenhagen time', () => {
	it('is UTC+1 in winter and UTC+2 in summer', () => {
		expect(fromCopenhagen('2026-01-15', '17:00')?.toISOString()).toBe('2026-01-15T16:00:00.000Z');
		expect(fromCopenhagen('2026-07-01', '17:00')?.toISOString()).toBe('2026-07-01T15:00:00.000Z');
	});
	it('handles the day summer time starts (29 March 2026): 02:30 does not exist', () => {
		expect(fromCopenhagen('2026-03-29', '01:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
		expect(fromCopenhagen('2026-03-29', '02:30')).toBeNull();
		expect(fromCopenhagen('2026-03-29', '03:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
	});
	it('handles the day summer time ends (25 October 2026): 02:30 happens twice, the first is taken', () => {
		expect(fromCopenhagen('2026-10-25', '02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
		expect(fromCopenhagen('2026-10-25', '03:30')?.toISOString()).toBe('2026-10-25T02:30:00.000Z');
		expect(toCopenhagen(new Date('2026-10-25T01:30:00Z'))).toEqual({
			date: '2026-10-25',
			time: '02:30'
		});
	});
	it('reads the date in Copenhagen, not in UTC', () => {
		expect(toCopenhagen(new Date('2026-03-10T23:30:00Z'))).toEqual({
			date: '2026-03-11',
			time: '00:30'
		});
	});
	it('refuses malformed input', () => {
		for (const [d, t] of [
			['2026-02-30', '10:00'],
			['12-03-2026', '10:00'],
			['2026-03-12', '25:00'],
			['2026-03-12', '9:00']
		])
			expect(fromCopenhagen(d, t)).toBeNull();
	});
});

describe('the theme-day form', () => {
	it('accepts a valid day and orders the programmes by the positions given', () => {
		const { errors, input } = readThemeDayForm(formOf(VALID), MODULES);
		expect(errors).toEqual({});
		expect(input).toMatchObject({
			title: 'Sikker på nettet',
			municipality: 'Herlev',
			audience: 'begge',
			youthProgramme: ['sextortion', 'grooming'],
			parentProgramme: ['tal-med-dit-barn']
		});
		expect(input!.startsAt.toISOString()).toBe('2026-03-12T16:00:00.000Z');
		// The end date defaults to the start date.
		expect(input!.endsAt.toISOString()).toBe('2026-03-12T19:00:00.000Z');
	});

	it('names every missing field with a Danish message key and keeps what was typed', () => {
		const { errors, values, input } = readThemeDayForm(
			formOf({ title: '  ', place: 'Et sted', 'unge-grooming': '1' }),
			MODULES
		);
		expect(input).toBeNull();
		expect(values.place).toBe('Et sted');
		expect(values.youth).toEqual({ grooming: '1', sextortion: '', 'faa-hjaelp': '' });
		expect(errors).toMatchObject({
			title: 'error_theme_title_missing',
			startDate: 'error_theme_start_date_missing',
			startTime: 'error_theme_start_time_missing',
			endTime: 'error_theme_end_time_missing',
			municipality: 'error_theme_municipality_missing',
			audience: 'error_theme_audience',
			description: 'error_theme_description_missing',
			contact: 'error_theme_contact_missing'
		});
		expect(errors.place).toBeUndefined();
	});

	it('requires the end after the start, also across days', () => {
		expect(readThemeDayForm(formOf({ ...VALID, endTime: '17:00' }), MODULES).errors.endTime).toBe(
			'error_theme_end_before_start'
		);
		expect(readThemeDayForm(formOf({ ...VALID, endTime: '16:00' }), MODULES).errors.endTime).toBe(
			'error_theme_end_before_start'
		);
		const overnight = readThemeDayForm(
			formOf({ ...VALID, startTime: '22:00', endDate: '2026-03-13', endTime: '01:00' }),
			MODULES
		);
		expect(overnight.errors).toEqual({});
	});

	it('refuses bad dates and times, a skipped hour, unknown municipalities and audiences, long text', () => {
		const { errors } = readThemeDayForm(
			formOf({
				...VALID,
				startDate: '2026-02-30',
				endTime: '8 pm',
				municipality: 'Gotham',
				audience: 'alle',
				title: 'x'.repeat(121)
			}),
			MODULES
		);
		expect(errors).toMatchObject({
			startDate: 'error_theme_date_invalid',
			endTime: 'error_theme_time_invalid',
			municipality: 'error_theme_municipality_unknown',
			audience: 'error_theme_audience',
			title: { key: 'error_too_long', params: { max: 120 } }
		});
		expect(
			readThemeDayForm(
				formOf({ ...VALID, startDate: '2026-03-29', startTime: '02:30', endTime: '05:00' }),
				MODULES
			).errors
		).toEqual({ startTime: 'error_theme_time_skipped' });
	});

	it('requires a programme for each audience the day is for', () => {
		const noModules = { ...VALID } as Record<string, string>;
		delete noModules['unge-sextortion'];
		delete noModules['unge-grooming'];
		expect(readThemeDayForm(formOf(noModules), MODULES).errors).toEqual({
			youth: 'error_theme_youth_empty'
		});
		expect(
			readThemeDayForm(formOf({ ...noModules, audience: 'foraeldre' }), MODULES).errors
		).toEqual({});
		expect(
			readThemeDayForm(formOf({ ...VALID, 'foraeldre-tal-med-dit-barn': '' }), MODULES).errors
		).toEqual({ parent: 'error_theme_parent_empty' });
	});

	it('refuses two modules in one place and positions outside the list', () => {
		expect(orderProgramme({ a: '1', b: '1', c: '' })).toEqual({
			ok: false,
			error: 'error_theme_programme_duplicate'
		});
		expect(orderProgramme({ a: '4', b: '', c: '' })).toEqual({
			ok: false,
			error: 'error_theme_programme_position'
		});
		expect(orderProgramme({ a: '1.5', b: '', c: '' }).ok).toBe(false);
		expect(orderProgramme({ a: '3', b: '1', c: '' })).toEqual({ ok: true, slugs: ['b', 'a'] });
		// Modules that are not in the track are never read from the form.
		const { values } = readThemeDayForm(formOf({ ...VALID, 'unge-evil': '1' }), MODULES);
		expect(Object.keys(values.youth)).not.toContain('evil');
	});

	it('gives the stored day back as the form’s values', () => {
		const { input } = readThemeDayForm(formOf(VALID), MODULES);
		const values = formValuesOf(input!, MODULES);
		expect(values).toMatchObject({
			startDate: '2026-03-12',
			startTime: '17:00',
			endDate: '2026-03-12',
			endTime: '20:00',
			youth: { sextortion: '1', grooming: '2', 'faa-hjaelp': '' }
		});
	});
});

describe('descriptions', () => {
	it('are rendered Markdown without scripts, handlers or images from elsewhere', () => {
		const html = renderDescription(
			'**Kom** <script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">x</a> ![a](https://evil.example/p.png)',
			'da'
		);
		expect(html).toContain('<strong>Kom</strong>');
		expect(html).not.toMatch(/<script|onclick|javascript:|<img/);
	});

	it('keep lists and links but drop forms, inputs and inline styles', () => {
		const html = renderDescription(
			'- Quiz\n- [Hjælp](/hjaelp)\n\n<form action="https://evil.example"><input name="kode"><button>Log ind</button></form><p style="color:red">Rød</p>',
			'da'
		);
		expect(html).toContain('<li>Quiz</li>');
		expect(html).toContain('<a href="/hjaelp">Hjælp</a>');
		expect(html).toContain('Rød');
		expect(html).not.toMatch(/<form|<input|<button|style=/);
	});
});

describe('.ics', () => {
	const event = {
		id: 'abc123',
		title: 'Sikker på nettet; for unge, og forældre',
		startsAt: new Date('2026-03-12T16:00:00Z'),
		endsAt: new Date('2026-03-12T19:00:00Z'),
		place: 'Herlev Bibliotek, Bygaden 70',
		municipality: 'Herlev',
		description: `Linje et\nLinje to med \\ skråstreg\n${'Lang tekst med æøå '.repeat(10)}`,
		url: 'https://sammen.example/temadage/sikker-paa-nettet-2026-03-12',
		host: 'sammen.example',
		createdAt: new Date('2026-01-01T10:00:00Z'),
		updatedAt: new Date('2026-01-01T10:00:00Z'),
		cancelled: false
	};
	const now = new Date('2026-02-01T12:34:56.789Z');

	it('escapes backslash, semicolon, comma and line breaks', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
	});

	it('folds lines at 75 octets without splitting a character', () => {
		const line = `DESCRIPTION:${'æ'.repeat(100)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
		for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
		expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
		expect(foldLine('SHORT:x')).toBe('SHORT:x');
	});

	it('is a VCALENDAR with one VEVENT in Copenhagen time, CRLF line ends', () => {
		const ics = themeDayCalendar(event, now);
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
		const lines = ics.replace(/\r\n /g, '').split('\r\n');
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines).toContain('BEGIN:VTIMEZONE');
		expect(lines).toContain('TZID:Europe/Copenhagen');
		expect(lines).toContain('UID:temadag-abc123@sammen.example');
		expect(lines).toContain('DTSTAMP:20260201T123456Z');
		expect(lines).toContain('DTSTART;TZID=Europe/Copenhagen:20260312T170000');
		expect(lines).toContain('DTEND;TZID=Europe/Copenhagen:20260312T200000');
		expect(lines).toContain('SUMMARY:Sikker på nettet\\; for unge\\, og forældre');
		expect(lines).toContain('LOCATION:Herlev Bibliotek\\, Bygaden 70\\, Herlev');
		expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toContain(
			'Linje et\\nLinje to med \\\\ skråstreg\\n'
		);
		expect(lines).toContain(`URL:${event.url}`);
		expect(lines).toContain('STATUS:CONFIRMED');
		expect(lines.at(-2)).toBe('END:VCALENDAR');
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		// Begin and end lines pair up.
		const begins = lines.filter((l) => l.startsWith('BEGIN:')).map((l) => l.slice(6));
		const ends = lines.filter((l) => l.startsWith('END:')).map((l) => l.slice(4));
		expect([...begins].sort()).toEqual([...ends].sort());
	});

	it('uses summer time in summer and says CANCELLED when cancelled', () => {
		const ics = themeDayCalendar(
			{
				...event,
				startsAt: new Date('2026-06-10T15:00:00Z'),
				endsAt: new Date('2026-06-10T18:00:00Z'),
				cancelled: true
			},
			now
		);
		expect(ics).toContain('DTSTART;TZID=Europe/Copenhagen:20260610T170000\r\n');
		expect(ics).toContain('STATUS:CANCELLED\r\n');
		expect(ics).not.toContain('STATUS:CONFIRMED');
	});

	it('raises SEQUENCE with every change, so calendars take the edited or cancelled day', () => {
		const sequence = (ics: string) => Number(/\r\nSEQUENCE:(\d+)\r\n/.exec(ics)?.[1]);
		const created = themeDayCalendar(event, now);
		const edited = themeDayCalendar({ ...event, updatedAt: new Date('2026-01-03T09:00:00Z') }, now);
		const cancelled = themeDayCalendar(
			{ ...event, updatedAt: new Date('2026-01-05T09:00:00Z'), cancelled: true },
			now
		);
		expect(sequence(created)).toBe(0);
		expect(sequence(edited)).toBeGreaterThan(sequence(created));
		expect(sequence(cancelled)).toBeGreaterThan(sequence(edited));
		expect(revision({ createdAt: event.createdAt, updatedAt: event.createdAt })).toBe(0);
	});
});

describe('programme start', () => {
	const mod = (slug: string, status: ProgrammeModule['status']): ProgrammeModule => ({
		slug,
		track: 'unge',
		lang: 'da',
		title: slug,
		summary: '',
		minutes: 5,
		status,
		bestScore: null
	});
	it('is the first module not completed, or the first when all are', () => {
		expect(programmeStart([])).toBeNull();
		expect(programmeStart([mod('a', 'completed'), mod('b', 'in_progress')])?.slug).toBe('b');
		expect(programmeStart([mod('a', 'completed'), mod('b', 'completed')])).toEqual({
			slug: 'a',
			title: 'a',
			allDone: true
		});
	});
});

describe('theme days in the database', () => {
	let organiser: SessionUser;
	let other: SessionUser;
	let admin: SessionUser;
	let youth: SessionUser;

	async function user(username: string, role: 'professional' | 'admin' | 'youth') {
		const result = await createUser({ username, password: 'en lang nok adgangskode', role });
		if (!result.ok) throw new Error('no user');
		getDb().update(users).set({ approvedAt: new Date() }).where(eq(users.id, result.user.id)).run();
		return toSessionUser(getDb().select().from(users).where(eq(users.id, result.user.id)).get()!);
	}

	const event = (u: SessionUser | null) => ({
		locals: { user: u, session: null, locale: 'da' as const },
		url: new URL('http://localhost/fagperson/temadage/x')
	});

	function expect404(fn: () => unknown) {
		try {
			fn();
		} catch (e) {
			expect(isHttpError(e) && e.status).toBe(404);
			return;
		}
		throw new Error('expected a 404');
	}

	beforeEach(async () => {
		useTestDatabase();
		organiser = await user('arrangoer', 'professional');
		other = await user('anden', 'professional');
		admin = await user('admin', 'admin');
		youth = await user('ung', 'youth');
	});

	it('are created as drafts with a unique slug that follows the title until published', () => {
		const a = createThemeDay(organiser.id, themeDayInput());
		const b = createThemeDay(organiser.id, themeDayInput());
		expect(a.slug).toBe('sikker-paa-nettet-2026-03-12');
		expect(b.slug).toBe('sikker-paa-nettet-2026-03-12-2');
		expect(a.publishedAt).toBeNull();
		expect(a.youthProgramme).toEqual(['grooming']);
		// The Copenhagen date counts: 23:30 UTC on the 11th is the 12th in Denmark.
		const late = createThemeDay(
			organiser.id,
			themeDayInput({
				title: 'Aften',
				startsAt: new Date('2026-03-11T23:30:00Z'),
				endsAt: new Date('2026-03-12T01:00:00Z')
			})
		);
		expect(late.slug).toBe('aften-2026-03-12');

		expect(updateThemeDay(a.id, themeDayInput({ title: 'Ny titel' })).slug).toBe(
			'ny-titel-2026-03-12'
		);
		publishThemeDay(a.id);
		expect(updateThemeDay(a.id, themeDayInput({ title: 'Tredje titel' })).slug).toBe(
			'ny-titel-2026-03-12'
		);
		expect(getThemeDay(a.id)!.title).toBe('Tredje titel');
	});

	it('list published days: upcoming soonest first, past most recent first, by municipality', () => {
		const now = new Date('2026-05-01T12:00:00Z');
		const at = (iso: string) => ({
			startsAt: new Date(iso),
			endsAt: new Date(new Date(iso).getTime() + 3 * 3600_000)
		});
		const later = createThemeDay(
			organiser.id,
			themeDayInput({ title: 'Senere', ...at('2026-09-01T16:00:00Z') })
		);
		const soon = createThemeDay(
			organiser.id,
			themeDayInput({ title: 'Snart', ...at('2026-06-01T16:00:00Z') })
		);
		const old = createThemeDay(
			organiser.id,
			themeDayInput({ title: 'Gammel', ...at('2026-01-01T16:00:00Z') })
		);
		const recent = createThemeDay(
			organiser.id,
			themeDayInput({ title: 'Nylig', municipality: 'Aarhus', ...at('2026-04-01T16:00:00Z') })
		);
		const draft = createThemeDay(
			organiser.id,
			themeDayInput({ title: 'Udkast', ...at('2026-07-01T16:00:00Z') })
		);
		// Started an hour ago, not over yet: still upcoming.
		const ongoing = createThemeDay(
			organiser.id,
			themeDayInput({ title: 'I gang', ...at('2026-05-01T11:00:00Z') })
		);
		for (const d of [later, soon, old, recent, ongoing]) publishThemeDay(d.id);
		cancelThemeDay(later.id);

		const all = publishedThemeDays({ now });
		expect(all.upcoming.map((d) => d.title)).toEqual(['I gang', 'Snart', 'Senere']);
		expect(all.past.map((d) => d.title)).toEqual(['Nylig', 'Gammel']);
		expect(all.upcoming.find((d) => d.id === later.id)!.cancelledAt).not.toBeNull();
		expect([...all.upcoming, ...all.past].map((d) => d.id)).not.toContain(draft.id);

		const aarhus = publishedThemeDays({ municipality: 'Aarhus', now });
		expect(aarhus.upcoming).toEqual([]);
		expect(aarhus.past.map((d) => d.title)).toEqual(['Nylig']);

		// The front page: the next ones that go ahead.
		expect(nextThemeDays(3, now).map((d) => d.title)).toEqual(['I gang', 'Snart']);
		expect(nextThemeDays(1, now).map((d) => d.title)).toEqual(['I gang']);

		unpublishThemeDay(soon.id);
		expect(publishedThemeDays({ now }).upcoming.map((d) => d.title)).toEqual(['I gang', 'Senere']);
		expect(themeDaysOf(organiser.id)).toHaveLength(6);
		expect(themeDaysOf(other.id)).toHaveLength(0);
	});

	it('are managed only by the organiser; everyone else, administrators too, gets 404', () => {
		const day = createThemeDay(organiser.id, themeDayInput());
		expect(requireThemeDayOrganiser(event(organiser), day.id).id).toBe(day.id);
		expect404(() => requireThemeDayOrganiser(event(admin), day.id));
		expect404(() => requireThemeDayOrganiser(event(other), day.id));
		expect404(() => requireThemeDayOrganiser(event(youth), day.id));
		expect404(() => requireThemeDayOrganiser(event(organiser), 'no-such-day'));
		// A professional whose approval was taken back is a parent: 404 as well.
		expect404(() => requireThemeDayOrganiser(event({ ...organiser, pending: true }), day.id));
		// Not signed in: sent to sign in.
		expect(() => requireThemeDayOrganiser(event(null), day.id)).toThrow();
		expect(mayManageThemeDay(other, day)).toBe(false);
	});

	it('are counted per organiser over the last 24 hours (the daily quota)', () => {
		const now = new Date('2026-06-02T12:00:00Z');
		createThemeDay(organiser.id, themeDayInput(), new Date('2026-06-01T11:00:00Z'));
		createThemeDay(organiser.id, themeDayInput(), new Date('2026-06-02T09:00:00Z'));
		expect(themeDaysCreatedToday(organiser.id, now)).toBe(1);
		expect(themeDaysCreatedToday(other.id, now)).toBe(0);
	});

	it('come with the organiser’s data export, and only with theirs', () => {
		createThemeDay(organiser.id, themeDayInput());
		const exported = exportUserData(organiser.id)!;
		expect(exported.themeDaysOrganised).toHaveLength(1);
		expect(exported.themeDaysOrganised[0]).toMatchObject({
			title: 'Sikker på nettet',
			contact: 'SSP',
			youthProgramme: ['grooming']
		});
		expect(exportUserData(other.id)!.themeDaysOrganised).toEqual([]);
	});

	it('as drafts are visible only to the organiser', () => {
		const day = createThemeDay(organiser.id, themeDayInput());
		expect(requireVisibleThemeDay(event(organiser), day.slug).id).toBe(day.id);
		for (const u of [admin, other, youth, null])
			expect404(() => requireVisibleThemeDay(event(u), day.slug));
		publishThemeDay(day.id);
		for (const u of [other, youth, null])
			expect(requireVisibleThemeDay(event(u), day.slug).id).toBe(day.id);
		expect404(() => requireVisibleThemeDay(event(null), 'no-such-slug'));
	});
});
