import type { FieldErrors } from '$lib/i18n';
import type { TrackId } from '$lib/tracks';
import { field } from '../http/form';
import { fromCopenhagen, toCopenhagen } from './copenhagen-time';
import { isMunicipality } from './municipalities';
import type { ProgrammePositions, ThemeDayFormValues } from '$lib/themedays/form-values';

export const AUDIENCES = ['unge', 'foraeldre', 'begge'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const LIMITS = { title: 120, place: 200, contact: 200, description: 10_000 } as const;

export interface ThemeDayInput {
	title: string;
	startsAt: Date;
	endsAt: Date;
	place: string;
	municipality: string;
	audience: Audience;
	description: string;
	contact: string;
	youthProgramme: string[];
	parentProgramme: string[];
}

/** Which modules each programme may hold: the youth programme from the youth track, and so on. */
export type TrackModules = Record<TrackId, string[]>;

/** The form field of a module in a programme, e.g. "unge-grooming". */
export const programmeField = (track: TrackId, slug: string) => `${track}-${slug}`;

function readPositions(form: FormData, track: TrackId, modules: string[]): ProgrammePositions {
	return Object.fromEntries(
		modules.map((slug) => [slug, field(form, programmeField(track, slug))])
	);
}

/** Positions → ordered slugs, or the key of what is wrong with them. */
export function orderProgramme(
	positions: ProgrammePositions
): { ok: true; slugs: string[] } | { ok: false; error: string } {
	const chosen = Object.entries(positions).filter(([, p]) => p !== '');
	const count = Object.keys(positions).length;
	const numbers = chosen.map(([, p]) => Number(p));
	if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > count))
		return { ok: false, error: 'error_theme_programme_position' };
	if (new Set(numbers).size !== numbers.length)
		return { ok: false, error: 'error_theme_programme_duplicate' };
	return {
		ok: true,
		slugs: chosen.sort((a, b) => Number(a[1]) - Number(b[1])).map(([slug]) => slug)
	};
}

/** Reads and checks the theme-day form; errors are message keys. */
export function readThemeDayForm(
	form: FormData,
	modules: TrackModules
): { values: ThemeDayFormValues; errors: FieldErrors; input: ThemeDayInput | null } {
	const values: ThemeDayFormValues = {
		title: field(form, 'title'),
		startDate: field(form, 'startDate'),
		startTime: field(form, 'startTime'),
		endDate: field(form, 'endDate'),
		endTime: field(form, 'endTime'),
		place: field(form, 'place'),
		municipality: field(form, 'municipality'),
		audience: field(form, 'audience'),
		description: field(form, 'description'),
		contact: field(form, 'contact'),
		youth: readPositions(form, 'unge', modules.unge),
		parent: readPositions(form, 'foraeldre', modules.foraeldre)
	};
	const errors: FieldErrors = {};
	for (const key of ['title', 'place', 'contact', 'description'] as const) {
		if (!values[key]) errors[key] = `error_theme_${key}_missing`;
		else if (values[key].length > LIMITS[key])
			errors[key] = { key: 'error_too_long', params: { max: LIMITS[key] } };
	}

	const startsAt = readInstant(values.startDate, values.startTime, 'start', errors);
	// A theme day usually ends the day it starts; the end date may be left empty.
	const endsAt = readInstant(values.endDate || values.startDate, values.endTime, 'end', errors);
	if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime())
		errors.endTime = 'error_theme_end_before_start';

	if (!values.municipality) errors.municipality = 'error_theme_municipality_missing';
	else if (!isMunicipality(values.municipality))
		errors.municipality = 'error_theme_municipality_unknown';
	const audience = (AUDIENCES as readonly string[]).includes(values.audience)
		? (values.audience as Audience)
		: null;
	if (!audience) errors.audience = 'error_theme_audience';

	const youth = orderProgramme(values.youth);
	const parent = orderProgramme(values.parent);
	if (!youth.ok) errors.youth = youth.error;
	else if (youth.slugs.length === 0 && (audience === 'unge' || audience === 'begge'))
		errors.youth = 'error_theme_youth_empty';
	if (!parent.ok) errors.parent = parent.error;
	else if (parent.slugs.length === 0 && (audience === 'foraeldre' || audience === 'begge'))
		errors.parent = 'error_theme_parent_empty';

	if (Object.keys(errors).length || !startsAt || !endsAt || !audience || !youth.ok || !parent.ok)
		return { values, errors, input: null };
	return {
		values,
		errors,
		input: {
			title: values.title,
			startsAt,
			endsAt,
			place: values.place,
			municipality: values.municipality,
			audience,
			description: values.description,
			contact: values.contact,
			youthProgramme: youth.slugs,
			parentProgramme: parent.slugs
		}
	};
}

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;

function readInstant(
	date: string,
	time: string,
	which: 'start' | 'end',
	errors: FieldErrors
): Date | null {
	const dateField = which === 'start' ? 'startDate' : 'endDate';
	const timeField = which === 'start' ? 'startTime' : 'endTime';
	const year = Number(date.slice(0, 4));
	if (!date) errors[dateField] = `error_theme_${which}_date_missing`;
	else if (fromCopenhagen(date, '12:00') === null || year < EARLIEST_YEAR || year > LATEST_YEAR)
		errors[dateField] = 'error_theme_date_invalid';
	if (!time) errors[timeField] = `error_theme_${which}_time_missing`;
	else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors[timeField] = 'error_theme_time_invalid';
	if (errors[dateField] || errors[timeField]) return null;
	const instant = fromCopenhagen(date, time);
	if (!instant) errors[timeField] = 'error_theme_time_skipped';
	return instant;
}

/** The form's values for an existing theme day (edit page). */
export function formValuesOf(
	row: {
		title: string;
		startsAt: Date;
		endsAt: Date;
		place: string;
		municipality: string;
		audience: string;
		description: string;
		contact: string;
		youthProgramme: string[];
		parentProgramme: string[];
	},
	modules: TrackModules
): ThemeDayFormValues {
	const start = toCopenhagen(row.startsAt);
	const end = toCopenhagen(row.endsAt);
	const positions = (track: TrackId, chosen: string[]) =>
		Object.fromEntries(
			modules[track].map((slug) => {
				const i = chosen.indexOf(slug);
				return [slug, i < 0 ? '' : String(i + 1)];
			})
		);
	return {
		title: row.title,
		startDate: start.date,
		startTime: start.time,
		endDate: end.date,
		endTime: end.time,
		place: row.place,
		municipality: row.municipality,
		audience: row.audience,
		description: row.description,
		contact: row.contact,
		youth: positions('unge', row.youthProgramme),
		parent: positions('foraeldre', row.parentProgramme)
	};
}
