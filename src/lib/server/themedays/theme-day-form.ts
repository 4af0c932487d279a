import { z } from 'zod';
import type { FieldErrors, MessageKey } from '$lib/i18n';
import type { TrackId } from '$lib/tracks';
import { field } from '../http/form';
import { addFieldIssue, oneOf, parseForm, requiredText } from '../http/parse-form';
import { fromCopenhagen, toCopenhagen } from './copenhagen-time';
import { isMunicipality } from '$lib/municipalities';
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
): { ok: true; slugs: string[] } | { ok: false; error: MessageKey } {
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

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const isDate = (date: string) => {
	const year = Number(date.slice(0, 4));
	return fromCopenhagen(date, '12:00') !== null && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};
const dateField = (missing: MessageKey) =>
	z.string().min(1, missing).refine(isDate, 'error_theme_date_invalid');
const timeField = (missing: MessageKey) =>
	z.string().min(1, missing).regex(TIME, 'error_theme_time_invalid');

/** What the day is: its texts, place and audience. */
const themeDayTextsSchema = z.object({
	title: requiredText('error_theme_title_missing', LIMITS.title),
	place: requiredText('error_theme_place_missing', LIMITS.place),
	contact: requiredText('error_theme_contact_missing', LIMITS.contact),
	description: requiredText('error_theme_description_missing', LIMITS.description),
	municipality: z
		.string()
		.min(1, 'error_theme_municipality_missing')
		.refine(isMunicipality, 'error_theme_municipality_unknown'),
	audience: oneOf(AUDIENCES, 'error_theme_audience')
});

/**
 * When it is, in Copenhagen time. A theme day usually ends the day it starts, so the end date
 * may be left empty; the hour skipped in spring does not exist and is refused.
 */
const themeDayTimesSchema = z
	.object({
		startDate: dateField('error_theme_start_date_missing'),
		startTime: timeField('error_theme_start_time_missing'),
		endDate: z.string().refine((d) => d === '' || isDate(d), 'error_theme_date_invalid'),
		endTime: timeField('error_theme_end_time_missing')
	})
	.transform((t, ctx) => {
		const startsAt = fromCopenhagen(t.startDate, t.startTime);
		const endsAt = fromCopenhagen(t.endDate || t.startDate, t.endTime);
		if (!startsAt) addFieldIssue(ctx, 'startTime', 'error_theme_time_skipped');
		if (!endsAt) addFieldIssue(ctx, 'endTime', 'error_theme_time_skipped');
		if (!startsAt || !endsAt) return z.NEVER;
		if (endsAt.getTime() <= startsAt.getTime()) {
			addFieldIssue(ctx, 'endTime', 'error_theme_end_before_start');
			return z.NEVER;
		}
		return { startsAt, endsAt };
	});

/** Reads and checks the theme-day form; errors are message keys. */
export function readThemeDayForm(
	form: FormData,
	modules: TrackModules
): { values: ThemeDayFormValues; errors: FieldErrors; input: ThemeDayInput | null } {
	const texts = parseForm(themeDayTextsSchema, form);
	const times = parseForm(themeDayTimesSchema, form);
	const values: ThemeDayFormValues = {
		...texts.values,
		...times.values,
		youth: readPositions(form, 'unge', modules.unge),
		parent: readPositions(form, 'foraeldre', modules.foraeldre)
	};
	const errors: FieldErrors = {
		...(texts.ok ? {} : texts.errors),
		...(times.ok ? {} : times.errors)
	};
	const audience = texts.ok ? texts.data.audience : null;
	const youth = orderProgramme(values.youth);
	const parent = orderProgramme(values.parent);
	if (!youth.ok) errors.youth = youth.error;
	else if (youth.slugs.length === 0 && (audience === 'unge' || audience === 'begge'))
		errors.youth = 'error_theme_youth_empty';
	if (!parent.ok) errors.parent = parent.error;
	else if (parent.slugs.length === 0 && (audience === 'foraeldre' || audience === 'begge'))
		errors.parent = 'error_theme_parent_empty';

	if (!texts.ok || !times.ok || !youth.ok || !parent.ok || Object.keys(errors).length)
		return { values, errors, input: null };
	return {
		values,
		errors,
		input: {
			...texts.data,
			...times.data,
			youthProgramme: youth.slugs,
			parentProgramme: parent.slugs
		}
	};
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
